// Repeat escalation counts attempts, not messages (PRODUCT.md §2): people write in bursts, so an
// attempt is a moment — arrivals from one sender each within MOMENT_GAP_MS of the previous one.
// The tracker keeps, per sender, the last arrival and the starts of its last few attempts (never
// more than the `attempts` setting), so an arrival costs O(1) whatever the sender has sent before.
import { MOMENT_GAP_MS } from './stats.ts';

export interface AttemptRule {
  /** The attempt that breaks through (0 = off); also how many attempt starts are remembered. */
  attempts: number;
  /** The window within which separate attempts are counted together. */
  windowMs: number;
}

interface Trail {
  /** The sender's last arrival: a new line within the moment gap continues the same attempt. */
  lastAt: number;
  /** The number the current attempt got when it started (its lines share it). */
  ordinal: number;
  /** Starts of the latest attempts, oldest first; at most max(attempts, 1) of them. */
  starts: number[];
}

export class AttemptTracker {
  private readonly trails = new Map<string, Trail>();

  /**
   * Records one arrival from `sender` and returns the number of its attempt within the window
   * (1 = the first attempt in `windowMs`); 0 for no sender, which never escalates.
   *
   * Further lines of an attempt return the number its first line got: an attempt that broke
   * through lets its following lines through too. It is the same person still trying to reach
   * you right now; holding their next line a second after letting the first through would split
   * one conversation between "now" and the next batch, and interrupt no less.
   */
  record(sender: string | undefined, at: number, rule: AttemptRule): number {
    if (!sender) return 0;
    const key = sender.toLocaleLowerCase();
    const trail = this.trails.get(key);
    if (trail && at - trail.lastAt <= MOMENT_GAP_MS) {
      trail.lastAt = at;
      return trail.ordinal;
    }
    const keep = Math.max(rule.attempts, 1);
    const starts = trail?.starts ?? [];
    starts.push(at);
    while (starts.length > keep) starts.shift(); // at most `keep` (≤ 21) entries: bounded, not O(n)
    let ordinal = 0;
    for (const start of starts) if (start > at - rule.windowMs) ordinal++;
    if (trail) Object.assign(trail, { lastAt: at, ordinal });
    else this.trails.set(key, { lastAt: at, ordinal, starts });
    return ordinal;
  }

  /** Forgets senders whose last arrival is before `before` (their attempts are out of every window). */
  prune(before: number): void {
    for (const [key, trail] of this.trails) if (trail.lastAt < before) this.trails.delete(key);
  }

  /** How many senders are remembered (for tests of the daily prune). */
  get size(): number {
    return this.trails.size;
  }
}
