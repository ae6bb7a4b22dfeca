// Group commit: items that arrive in the same turn of the event loop are written in one
// transaction, so a burst pays one fsync instead of one per item. Each caller's promise
// resolves only after that transaction is on disk.
export interface GroupCommit<T> {
  add(value: T): Promise<void>;
  /** Writes whatever is waiting now (before any other write, so order is kept). */
  flush(): void;
}

export function groupCommit<T>(writeAll: (values: readonly T[]) => void, defer: (fn: () => void) => void = setImmediate): GroupCommit<T> {
  let waiting: { value: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    if (waiting.length === 0) return;
    const group = waiting;
    waiting = [];
    try {
      writeAll(group.map((w) => w.value));
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    for (const w of group) w.resolve();
  };

  return {
    add(value) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ value, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          defer(flush);
        }
      });
    },
    flush,
  };
}
