// Between the bus and the engine: captured notifications wait here for their durable commit.
// Memory is bounded under a flood: a fixed number of commits run at once (the store groups them),
// the rest wait in a queue with a size and a text budget; past those, arrivals are counted as lost.
import type { IncomingItem, IngestResult } from '../../core/types.ts';

export interface IntakeOptions {
  ingest: (item: IncomingItem) => Promise<IngestResult>;
  onFailed?: (error: unknown) => void;
  maxInFlight?: number;
  maxQueued?: number;
  /** UTF-16 units of text the queue may hold (each item's title and body are bounded already). */
  maxQueuedChars?: number;
}

export interface IntakeStats {
  recorded: number;
  failed: number;
  dropped: number;
  queued: number;
  inFlight: number;
  peakQueued: number;
}

type Settled = (id: string | null) => void;

const sizeOf = (item: IncomingItem): number => item.title.length + (item.body?.length ?? 0) + 256;

export class Intake {
  private readonly queue: ({ item: IncomingItem; size: number; settled: Settled | undefined } | undefined)[] = [];
  private head = 0;
  private queuedChars = 0;
  private inFlight = 0;
  private readonly counts = { recorded: 0, failed: 0, dropped: 0, peakQueued: 0 };
  private waiters: (() => void)[] = [];
  private readonly opts: Required<Omit<IntakeOptions, 'onFailed'>> & Pick<IntakeOptions, 'onFailed'>;

  constructor(opts: IntakeOptions) {
    this.opts = { maxInFlight: 256, maxQueued: 20_000, maxQueuedChars: 64 * 1024 * 1024, ...opts };
  }

  /**
   * Takes an item in; false when the flood limits were reached and it is lost. `settled` hears
   * the id it was committed under (a duplicate's: the first item's), or null when it failed.
   */
  push(item: IncomingItem, settled?: Settled): boolean {
    const size = sizeOf(item);
    const queued = this.queue.length - this.head;
    if (this.inFlight >= this.opts.maxInFlight && (queued >= this.opts.maxQueued || this.queuedChars + size > this.opts.maxQueuedChars)) {
      this.counts.dropped++;
      return false;
    }
    this.queue.push({ item, size, settled });
    this.queuedChars += size;
    this.counts.peakQueued = Math.max(this.counts.peakQueued, queued + 1);
    this.pump();
    return true;
  }

  stats(): IntakeStats {
    return { ...this.counts, queued: this.queue.length - this.head, inFlight: this.inFlight };
  }

  /** Resolves once everything taken in so far is committed (or failed). */
  drained(): Promise<void> {
    if (this.inFlight === 0 && this.head === this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.opts.maxInFlight && this.head < this.queue.length) {
      const next = this.queue[this.head];
      this.queue[this.head++] = undefined;
      if (!next) continue;
      this.queuedChars -= next.size;
      this.inFlight++;
      this.opts.ingest(next.item).then(
        (result) => {
          this.counts.recorded++;
          next.settled?.(result.item.id);
        },
        (error: unknown) => {
          this.counts.failed++;
          this.opts.onFailed?.(error);
          next.settled?.(null);
        },
      ).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (this.inFlight === 0 && this.head === this.queue.length) for (const w of this.waiters.splice(0)) w();
  }
}
