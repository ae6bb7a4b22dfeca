// The commands the tray, the global shortcut and launch arguments give, as the same operations
// the windows (IPC), the dashboard (HTTP) and the CLI use: one command path, so a refusal, a
// validation or an event is the same whichever door the user came in by.
import type { FocusRequest } from '../core/types.ts';
import type { Operations } from './operations.ts';

export interface Commands {
  startFocus(request: FocusRequest): Promise<unknown>;
  endFocus(): Promise<unknown>;
  releaseNow(): Promise<unknown>;
  skipToday(): Promise<unknown>;
  /** Ends a running block, or starts `request`. */
  toggleFocus(request: FocusRequest): Promise<unknown>;
}

export function commandsOf(operations: Pick<Operations, 'status:get' | 'focus:start' | 'focus:stop' | 'queue:release' | 'focus:skip-today'>): Commands {
  // The operation runs at once (as a click expects); a refusal it throws arrives as a rejection.
  const call = <T>(fn: () => T | Promise<T>): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const then = <T, R>(value: T | Promise<T>, next: (v: T) => R): R | Promise<R> => (value instanceof Promise ? value.then(next) : next(value));
  return {
    startFocus: (request) => call(() => operations['focus:start'](request)),
    endFocus: () => call(() => operations['focus:stop'](undefined)),
    releaseNow: () => call(() => operations['queue:release'](undefined)),
    skipToday: () => call(() => operations['focus:skip-today'](undefined)),
    toggleFocus: (request) =>
      call(() => then(operations['status:get'](undefined), (status) => (status.state === 'focus' ? operations['focus:stop'](undefined) : operations['focus:start'](request)))),
  };
}
