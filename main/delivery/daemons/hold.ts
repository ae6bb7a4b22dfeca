// Holds the user's notification daemon for the length of a focus block: the prior state is made
// durable first, then the daemon is paused; at a batch inside the block it is let go until it has
// shown what it kept, then held again; at block end (or on the next start after a crash) it is put
// back exactly. Operations run one at a time, in the order the engine's events asked for them.
import type { Cancel, Clock } from '../../core/ports.ts';
import { logger } from '../../log.ts';
import { unsilenced, type DaemonControl, type DaemonName, type PriorState } from './control.ts';
import { clearPriorState, readPriorState, savePriorState } from './priorState.ts';

const log = logger('daemon-hold');

export interface HoldOptions {
  dataDir: string;
  clock: Clock;
  /** How often a released daemon is asked whether it has shown everything (dunst). */
  settlePollMs?: number;
  /** Least time banners stay on after a batch, so Lull's digest can show on daemons that keep a tray. */
  minReleaseMs?: number;
  /** After this long the daemon is held again even if it still shows something. */
  maxReleaseMs?: number;
}

export type HoldPhase = 'idle' | 'held' | 'released';

export interface HoldStatus {
  phase: HoldPhase;
  daemon: DaemonControl['name'] | null;
  /** One line for the user when the last operation failed; cleared by the next success. */
  problem: string | null;
}

export class DaemonHold {
  private control: DaemonControl | null = null;
  private wanted = false;
  private phase: HoldPhase = 'idle';
  private problem: string | null = null;
  private chain: Promise<void> = Promise.resolve();
  private releaseStartedAt = 0;
  private cancelPoll: Cancel | null = null;
  private readonly listeners = new Set<(status: HoldStatus) => void>();
  private readonly opts: Required<HoldOptions>;

  constructor(opts: HoldOptions) {
    this.opts = { settlePollMs: 1_000, minReleaseMs: 15_000, maxReleaseMs: 15 * 60_000, ...opts };
  }

  status(): HoldStatus {
    return { phase: this.phase, daemon: this.control?.name ?? null, problem: this.problem };
  }

  onStatus(listener: (status: HoldStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every operation asked for so far has run. */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * The daemon now running (null: none Lull can hold). Called at start and whenever the daemon
   * changes; on start it settles what a crashed run left behind.
   */
  setControl(control: DaemonControl | null, blockActive: boolean): Promise<void> {
    this.wanted = blockActive;
    return this.enqueue(async () => {
      this.control = control;
      if (!control) return this.setPhase('idle');
      const saved = readPriorState(this.opts.dataDir);
      if (saved.kind === 'unreadable') log.warn({ movedTo: saved.movedTo }, 'daemon state file was unreadable; restoring the daemon to unsilenced');
      const prior = saved.kind === 'saved' ? saved.prior : saved.kind === 'unreadable' ? unsilenced(control.name) : null;
      if (this.wanted) {
        if (!prior || prior.daemon !== control.name) savePriorState(this.opts.dataDir, await control.readState());
        await control.pause();
        return this.setPhase('held');
      }
      if (prior) await this.putBack(control, prior);
      this.setPhase('idle');
    });
  }

  /**
   * Puts back what a crashed run left in daemon-state.json through the control of the daemon it
   * names, without waiting to find the daemon on the bus (the source may be off, or the bus
   * slow). On failure the record stays, for setControl() once the daemon is found.
   */
  restoreLeftover(controlFor: (name: DaemonName) => DaemonControl): Promise<void> {
    return this.enqueue(async () => {
      if (this.wanted) return;
      const saved = readPriorState(this.opts.dataDir);
      if (saved.kind === 'saved') await this.putBack(controlFor(saved.prior.daemon), saved.prior);
    });
  }

  /** Lull stops holding (source stopped or turned off): the daemon is put back and forgotten. */
  letGo(): Promise<void> {
    this.wanted = false;
    this.stopPoll();
    return this.enqueue(async () => {
      const control = this.control;
      this.control = null;
      const saved = readPriorState(this.opts.dataDir);
      if (control && saved.kind === 'saved') await this.putBack(control, saved.prior);
      this.setPhase('idle');
    });
  }

  blockStarted(): Promise<void> {
    this.wanted = true;
    return this.enqueue(async () => {
      const control = this.control;
      if (!control || !this.wanted) return;
      const saved = readPriorState(this.opts.dataDir);
      if (saved.kind !== 'saved' || saved.prior.daemon !== control.name) savePriorState(this.opts.dataDir, await control.readState());
      await control.pause();
      this.setPhase('held');
    });
  }

  /** A batch left the engine while the block goes on: let the daemon show it, then hold again. */
  batchReleased(): Promise<void> {
    return this.enqueue(async () => {
      const control = this.control;
      if (!control || !this.wanted || this.phase === 'idle') return;
      const saved = readPriorState(this.opts.dataDir);
      if (saved.kind === 'saved') await control.restore(saved.prior);
      this.releaseStartedAt = this.opts.clock.now();
      this.setPhase('released');
      this.schedulePoll(control);
    });
  }

  blockEnded(): Promise<void> {
    this.wanted = false;
    this.stopPoll();
    return this.enqueue(async () => {
      const control = this.control;
      if (!control) return;
      const saved = readPriorState(this.opts.dataDir);
      const prior = saved.kind === 'saved' ? saved.prior : saved.kind === 'unreadable' ? unsilenced(control.name) : null;
      if (prior) await this.putBack(control, prior);
      this.setPhase('idle');
    });
  }

  private async putBack(control: DaemonControl, prior: PriorState): Promise<void> {
    // A record for another daemon (the user switched while Lull was down) stays until that one returns.
    if (prior.daemon !== control.name) return;
    await control.restore(prior);
    clearPriorState(this.opts.dataDir);
  }

  /**
   * The next look at a released daemon: after settlePollMs, but not before its least window ends
   * (a daemon that cannot tell it has settled wakes Lull once, not every settlePollMs) nor after
   * its longest one.
   */
  private schedulePoll(control: DaemonControl): void {
    this.stopPoll();
    const { clock, settlePollMs, maxReleaseMs } = this.opts;
    const at = Math.min(Math.max(clock.now() + settlePollMs, this.releaseStartedAt + this.minRelease(control)), this.releaseStartedAt + maxReleaseMs);
    this.cancelPoll = clock.at(at, () => {
      this.cancelPoll = null;
      void this.enqueue(() => this.holdAgainIfSettled());
    });
  }

  private async holdAgainIfSettled(): Promise<void> {
    const control = this.control;
    if (!control || !this.wanted || this.phase !== 'released') return;
    const elapsed = this.opts.clock.now() - this.releaseStartedAt;
    const done = elapsed >= this.opts.maxReleaseMs || (elapsed >= this.minRelease(control) && (await control.settled()));
    if (!done) return this.schedulePoll(control);
    await control.pause();
    this.setPhase('held');
  }

  /** dunst tells when it has shown everything; for the others banners stay on long enough to read a digest. */
  private minRelease(control: DaemonControl): number {
    return control.tellsSettled ? 0 : this.opts.minReleaseMs;
  }

  private stopPoll(): void {
    this.cancelPoll?.();
    this.cancelPoll = null;
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(async () => {
      try {
        await op();
        this.setProblem(null);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.warn({ err: message, daemon: this.control?.name }, 'daemon control failed');
        this.setProblem(message);
      }
    });
    return this.chain;
  }

  private setPhase(phase: HoldPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    this.notify();
  }

  private setProblem(problem: string | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.notify();
  }

  private notify(): void {
    const status = this.status();
    for (const l of this.listeners) l(status);
  }
}
