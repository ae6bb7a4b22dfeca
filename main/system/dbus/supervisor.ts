// Keeps one connection to the session bus up for as long as it is wanted: connects, and when the
// connection ends (the bus went away) or cannot be made, retries with a doubling delay on the
// clock it is given. It says where it stands as plain facts; each user words its own health.
import type { Cancel, Clock } from '../../core/ports.ts';
import { sessionBusAddress } from './connection.ts';

export interface Connected {
  /** Resolves with a reason when the connection ends. */
  ended: Promise<string>;
  close(): void;
}

export type BusState =
  | { kind: 'off' }
  | { kind: 'no-address' }
  | { kind: 'connecting'; lastError: string | null }
  | { kind: 'connected' };

export interface SupervisorOptions<C extends Connected> {
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  retry?: { firstMs: number; maxMs: number };
  /** Opens the connection (and whatever rides on it); rejects with a one-line reason. */
  open(address: string): Promise<C>;
  /** The connection is up; what it is for starts here. */
  onUp?(connection: C): void | Promise<void>;
  /** The connection ended by itself (not by setWanted(false) or stop()). */
  onDown?(reason: string): void;
  /** The state changed. */
  onState(state: BusState): void;
}

export interface BusSupervisor<C extends Connected> {
  state(): BusState;
  current(): C | null;
  /** Connects (and keeps retrying) while wanted; closes at once when not. Resolves after the first attempt. */
  setWanted(wanted: boolean): Promise<void>;
  stop(): void;
}

export function superviseBus<C extends Connected>(opts: SupervisorOptions<C>): BusSupervisor<C> {
  const retry = opts.retry ?? { firstMs: 1_000, maxMs: 30_000 };
  const address = sessionBusAddress(opts.env);
  let wanted = false;
  let stopped = false;
  let connection: C | null = null;
  let lastError: string | null = null;
  let delay = retry.firstMs;
  let cancelRetry: Cancel | null = null;
  let attempt: Promise<void> | null = null;

  const state = (): BusState => {
    if (!wanted || stopped) return { kind: 'off' };
    if (!address) return { kind: 'no-address' };
    return connection ? { kind: 'connected' } : { kind: 'connecting', lastError };
  };
  const changed = (): void => opts.onState(state());

  const scheduleRetry = (): void => {
    if (stopped || !wanted || cancelRetry) return;
    cancelRetry = opts.clock.at(opts.clock.now() + delay, () => {
      cancelRetry = null;
      void connect();
    });
    delay = Math.min(delay * 2, retry.maxMs);
  };

  const connect = (): Promise<void> =>
    (attempt ??= (async () => {
      if (stopped || !wanted || !address || connection) return;
      try {
        const c = await opts.open(address);
        if (stopped || !wanted) return c.close();
        connection = c;
        lastError = null;
        delay = retry.firstMs;
        void c.ended.then((reason) => {
          if (connection !== c) return;
          connection = null;
          lastError = reason;
          opts.onDown?.(reason);
          changed();
          scheduleRetry();
        });
        changed();
        await opts.onUp?.(c);
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        changed();
        scheduleRetry();
      }
    })().finally(() => (attempt = null)));

  const close = (): void => {
    cancelRetry?.();
    cancelRetry = null;
    const c = connection;
    connection = null;
    c?.close();
  };

  return {
    state,
    current: () => connection,
    async setWanted(next) {
      if (next === wanted) return;
      wanted = next;
      if (!wanted) {
        close();
        changed();
        return;
      }
      changed();
      await connect();
    },
    stop() {
      stopped = true;
      close();
    },
  };
}
