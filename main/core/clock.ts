// The wall clock for production: one timer per wake-up, re-armed in steps because setTimeout
// cannot wait longer than about 24.8 days, and because wall time can move under a sleeping timer.
import type { Cancel, Clock } from './ports.ts';

const LONGEST_WAIT = 6 * 3_600_000;

export const systemClock: Clock = {
  now: () => Date.now(),
  at(at: number, fn: () => void): Cancel {
    let handle: ReturnType<typeof setTimeout>;
    // Never calls back synchronously, even for a moment already past: callers may be mid-update.
    const schedule = (): void => {
      const left = Math.max(0, Math.min(at - Date.now(), LONGEST_WAIT));
      handle = setTimeout(() => (Date.now() >= at ? fn() : schedule()), left);
      // A pending wake-up must not keep a process alive on its own.
      (handle as { unref?: () => void }).unref?.();
    };
    schedule();
    return () => clearTimeout(handle);
  },
};
