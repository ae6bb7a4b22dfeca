// A clock for tests: time moves only when a test says so, and timers fire in order as it does.
import type { Clock } from '../../main/core/ports.ts';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start: number | string) {
    this.current = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.current;
  }

  at(at: number, fn: () => void): () => void {
    const timer = { at, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward, firing each due timer at its own moment, in order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  advanceTo(target: number | string): void {
    const to = typeof target === 'string' ? Date.parse(target) : target;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= to).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = Math.max(this.current, to);
  }

  /** Sleep or a clock jump: time changes and no timer fires (a suspended machine runs none). */
  jump(to: number | string): void {
    this.current = typeof to === 'string' ? Date.parse(to) : to;
  }

  pending(): number[] {
    return this.timers.map((t) => t.at).sort((a, b) => a - b);
  }
}
