// One timer for the next moment anything is due: no polling. Setting it again for the same
// moment keeps the pending timer; a new moment replaces it.
import type { Cancel, Clock } from './ports.ts';

export interface AlarmOptions {
  clock: Clock;
  /** Called once the moment comes, with that moment (or now, when the timer fired late). */
  onWake: (now: number) => void;
}

export function createAlarm({ clock, onWake }: AlarmOptions) {
  let cancel: Cancel | null = null;
  let wakeAt: number | null = null;

  const set = (wake: number): void => {
    if (wake === wakeAt && cancel) return;
    cancel?.();
    wakeAt = wake;
    cancel = clock.at(wake, () => {
      cancel = null;
      wakeAt = null;
      onWake(Math.max(clock.now(), wake));
    });
  };

  return {
    /** True when the moment set has passed but its timer has not run yet (a late timer). */
    overdue(now: number): boolean {
      return wakeAt !== null && now >= wakeAt;
    },

    set,

    /** Moves the timer earlier when `wake` comes before the moment set (a new item's expiry). */
    earlier(wake: number): void {
      if (wakeAt === null || wake < wakeAt) set(Math.max(clock.now(), wake));
    },

    stop(): void {
      cancel?.();
      cancel = null;
      wakeAt = null;
    },
  };
}

export type Alarm = ReturnType<typeof createAlarm>;
