// The wall clock for production: one timer per wake-up, re-armed in steps because setTimeout
// cannot wait longer than about 24.8 days, and because wall time can move under a sleeping timer.
import type { Cancel, Clock } from './ports.ts';

const LONGEST_WAIT = 6 * 3_600_000;

export const systemClock: Clock = {
  now: () => Date.now(),
  at(at: number, fn: () => void): Cancel {
    let handle: ReturnType<typeof setTimeout>;
    const wait = (): void => {
      const left = at - Date.now();
      if (left <= 0) return fn();
      handle = setTimeout(wait, Math.min(left, LONGEST_WAIT));
      // A pending wake-up must not keep a process alive on its own.
      (handle as { unref?: () => void }).unref?.();
    };
    wait();
    return () => clearTimeout(handle);
  },
};
