// How a window's store is built from slices: each slice sees only its own state and actions
// through narrowed set/get, so a slice can join any window's store (the queue is in two).
import type { Item, ListView, LullApi } from '../../../preload/contract.ts';

export type SliceSet<S> = (partial: Partial<S> | ((state: S) => Partial<S>)) => void;
export type SliceGet<S> = () => S;

/** What every slice may be given: the bridge, a clock and timers (tests inject their own). */
export interface StoreDeps {
  api: LullApi;
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** Builds slice `Own`; `Needs` names what it reads or calls from other slices of the same store. */
export type SliceCreator<Own, Needs = unknown> = (set: SliceSet<Own & Needs>, get: SliceGet<Own & Needs>, deps: StoreDeps) => Own;

/** Runs `load` now, or once more right after the run in flight: events come in bursts. */
export function refresher(load: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    try {
      await load();
    } finally {
      running = null;
      if (again) {
        again = false;
        running = run();
      }
    }
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}

export function defaultDeps(api: LullApi): StoreDeps {
  return {
    api,
    now: () => Date.now(),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/** A message from an error for the user: the API's own message, which never carries item text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A selector that builds a new object or array only when its input changed (by identity), so
 * React sees a stable value between renders. Keyed weakly on the input: one cache per store.
 */
export function derived<S, I extends object, R>(input: (s: S) => I | null, compute: (input: I) => R, empty: R): (s: S) => R {
  const cache = new WeakMap<I, R>();
  return (s) => {
    const i = input(s);
    if (i === null) return empty;
    let r = cache.get(i);
    if (r === undefined) {
      r = compute(i);
      cache.set(i, r);
    }
    return r;
  };
}

/**
 * Every item of one of main's lists, page by page; `onPage` hears what is loaded so far (and
 * whether more is coming), so a long list can show its start at once.
 */
export async function listAll(api: LullApi, view: ListView, pageSize = 1000, onPage?: (loaded: readonly Item[], more: boolean) => void): Promise<Item[]> {
  const loaded: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listQueue({ view, limit: pageSize, ...(cursor && { cursor }) });
    loaded.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    onPage?.(loaded, cursor !== undefined);
  } while (cursor);
  return loaded;
}
