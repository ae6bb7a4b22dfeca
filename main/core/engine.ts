// The focus engine: decides for each arriving item (deliver, hold, break through), runs focus
// blocks, and releases what it held as batches. Time comes from an injected Clock, storage
// from an EngineStore; listeners hear events and never get called back into. This class keeps
// the public face, the events and the order of things at each tick; the parts live beside it:
// rules.ts (the decision), attempts.ts (repeat escalation's attempts), blocks.ts (focus blocks),
// batcher.ts (the hold and its batches), alarm.ts (the one timer), handling.ts (done, dismiss,
// snooze, withdraw, expiry), retention.ts (what is remembered, and for how long) and queries.ts
// (the read side).
import { createAlarm, type Alarm } from './alarm.ts';
import { createBatcher, type Batcher } from './batcher.ts';
import { createBlocks, type Blocks } from './blocks.ts';
import { createHandling, type Handling, type WithdrawRef } from './handling.ts';
import type { Clock, EngineMeta, EngineStore, ItemPage } from './ports.ts';
import { createQueries, type Queries, type WeekSchedule } from './queries.ts';
import type { WeeklyReport } from './report.ts';
import { createRetention, DAY, type Retention } from './retention.ts';
import { decide } from './rules.ts';
import { nextBatchAfter } from './schedule.ts';
import type { Settings } from './settings.ts';
import type { DayStats } from './stats.ts';
import { LullError, type Batch, type BlockEnd, type EngineEvent, type FocusBlock, type FocusRequest, type IncomingItem, type IngestResult, type Item, type Status, type Verdict } from './types.ts';

export interface EngineOptions {
  clock: Clock;
  store: EngineStore;
  settings: Settings;
  newId?: () => string;
}

type Listener = (event: EngineEvent) => void;

export class FocusEngine {
  private readonly clock: Clock;
  private readonly store: EngineStore;
  private readonly newId: () => string;
  private settings: Settings;
  private readonly listeners = new Set<Listener>();
  /** The last time the engine looked at the clock; batch boundaries after it are still owed. */
  private lastTickAt: number | null = null;
  private stateQueued = false;
  private readonly retention: Retention;
  private readonly hold: Batcher;
  private readonly blocks: Blocks;
  private readonly alarm: Alarm;
  private readonly queries: Queries;
  private readonly handling: Handling;

  constructor(opts: EngineOptions) {
    this.clock = opts.clock;
    this.store = opts.store;
    this.settings = opts.settings;
    const newId = opts.newId ?? (() => crypto.randomUUID());
    this.newId = newId;
    const settings = (): Settings => this.settings;
    const store = opts.store;
    this.retention = createRetention({ store, settings });
    this.hold = createBatcher({
      store,
      newId,
      settings,
      onBatch: (batch, items) => {
        this.emit({ type: 'batch', batch, items });
        this.queueState();
      },
    });
    this.blocks = createBlocks({
      store,
      newId,
      settings,
      onStart: (block) => {
        this.emit({ type: 'block-started', block });
        this.arm(block.startedAt);
        this.queueState();
      },
      onClose: () => this.queueState(),
    });
    this.alarm = createAlarm({ clock: opts.clock, onWake: (now) => this.tick(now) });
    this.queries = createQueries({ clock: opts.clock, store, settings, held: (id) => this.hold.get(id), activeBlock: () => this.blocks.current });
    this.handling = createHandling({
      clock: opts.clock,
      store,
      settings,
      hold: this.hold,
      find: (id) => this.queries.getItem(id),
      idFor: (key) => this.retention.idFor(key),
      onChange: (item, now, what) => {
        if (what.rearm) this.arm(now);
        this.emit({ type: 'item-changed', item });
        if (what.held) this.queueState();
      },
    });
  }

  /** Loads what the store kept, then catches up on anything owed since the last run. */
  start(): void {
    const now = this.clock.now();
    const state = this.store.load(now - DAY);
    this.lastTickAt = state.meta.lastTickAt;
    this.blocks.restore(state.activeBlock, state.meta);
    for (const item of state.held) this.hold.hold(item);
    this.retention.restore(state.recent, state.meta.retentionAt);
    this.tick(now);
  }

  stop(): void {
    this.alarm.stop();
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSettings(): Settings {
    return this.settings;
  }

  setSettings(settings: Settings): void {
    const before = this.settings.storage;
    this.settings = settings;
    if (this.retention.settingsChanged(before, settings.storage)) this.hold.forgetBodies();
    this.tick(this.clock.now());
    this.queueState();
  }

  /** After sleep, a clock jump or a time-zone change: handle every missed boundary once. */
  resync(now = this.clock.now()): void {
    this.tick(now);
  }

  status(now = this.clock.now()): Status {
    const block = this.blocks.current;
    return { state: block ? 'focus' : 'idle', block, held: this.hold.size, nextBatchAt: nextBatchAfter(this.settings, now) };
  }

  async ingest(incoming: IncomingItem): Promise<IngestResult> {
    const now = this.clock.now();
    if (this.alarm.overdue(now)) this.tick(now);
    const key = incoming.dedupeKey;
    const seen = this.retention.recall(key, now);
    if (seen) {
      await seen.committed;
      return { item: this.hold.get(seen.item.id) ?? this.store.getItem(seen.item.id) ?? seen.item, duplicate: true };
    }
    const block = this.blocks.current;
    // Repeat escalation counts attempts during a block only: outside one, everything reaches you.
    const attempts = block ? this.retention.attempt(incoming, now) : 0;
    const item = decide(incoming, { id: this.newId(), now, block, settings: this.settings, attempts });
    // An item that arrived already expired is stored resolved (rules.ts): nothing to hold.
    const held = item.status === 'held';
    const firstHeld = held && this.hold.size === 0;
    if (held) this.hold.hold(item);
    const committed = this.store.commitItem(item);
    if (key) this.retention.remember(key, { at: now, item, committed });
    try {
      await committed;
    } catch (error) {
      this.hold.drop(item.id);
      if (key) this.retention.forget(key);
      throw error;
    }
    if (firstHeld) this.arm(this.clock.now());
    else if (held && item.expiresAt !== undefined) this.alarm.earlier(item.expiresAt);
    this.emit({ type: 'item-added', item, incoming });
    if (held) this.queueState();
    return { item, duplicate: false };
  }

  startFocus(request: FocusRequest): FocusBlock {
    return this.blocks.startAdhoc(request, this.clock.now());
  }

  /** Ends the running block now; returns how many items it released. */
  endFocus(): { released: number } {
    const now = this.clock.now();
    if (!this.blocks.current) throw new LullError('conflict', 'no focus block is running');
    this.blocks.endedEarly(now);
    const released = this.finishBlock('ended-early', now);
    this.saveMeta();
    this.arm(now);
    return { released };
  }

  /** Skips today's scheduled blocks, ending one that runs now. */
  skipToday(): void {
    const now = this.clock.now();
    this.blocks.skipDay(now);
    if (this.blocks.current?.kind === 'scheduled') this.finishBlock('skipped', now);
    this.saveMeta();
    this.arm(now);
    this.queueState();
  }

  /** Releases everything held now, snoozed items included. */
  releaseNow(): Batch | null {
    const now = this.clock.now();
    this.handling.expire(now);
    const batch = this.hold.release('manual', now, true);
    this.arm(now);
    return batch;
  }

  done(id: string): Item {
    return this.handling.done(id);
  }

  dismiss(id: string): Item {
    return this.handling.dismiss(id);
  }

  /** Holds the item again until the next batch. */
  snooze(id: string): Item {
    return this.handling.snooze(id);
  }

  /** Records "was it urgent?" for a breakthrough; conflict for any other item. */
  judge(id: string, verdict: Verdict): Item {
    return this.handling.judge(id, verdict);
  }

  /** Takes back an item its source withdrew (it resolved itself); null when none matches. */
  withdraw(ref: WithdrawRef): Item | null {
    return this.handling.withdraw(ref);
  }

  /** One item by id, held or not; not-found otherwise. */
  getItem(id: string): Item {
    return this.queries.getItem(id);
  }

  listItems(query: Parameters<EngineStore['listItems']>[0]): ItemPage {
    return this.queries.listItems(query);
  }

  /** The report of an ISO week (default: this one) with the week before it. */
  weeklyReport(week?: string): WeeklyReport {
    return this.queries.weeklyReport(week);
  }

  /** Today's numbers for the dashboard (local day in the configured time zone). */
  todayStats(): DayStats {
    return this.queries.todayStats();
  }

  /** The week grid: planned blocks, batch times and the blocks that really ran. */
  weekSchedule(week?: string): WeekSchedule {
    return this.queries.weekSchedule(week);
  }

  /** Everything due at `now`, in order: expiries, block end, batch boundaries, maximum hold, scheduled starts. */
  private tick(now: number): void {
    const last = Math.min(this.lastTickAt ?? now, now);
    // What expired goes first: a batch released after an expiry never contains the item.
    this.handling.expire(now);
    const running = this.blocks.current;
    const ended = running && now >= running.endsAt ? this.blocks.close('completed', running.endsAt) : null;
    const reason = this.hold.owed(last, now, ended && this.settings.releaseAtBlockEnd ? ended.endsAt : null);
    if (reason !== null) this.hold.release(reason, now, false);
    // Listeners hear of the end after its batch, so a review opened on it sees the released items.
    if (ended) this.emit({ type: 'block-ended', block: ended });

    if (!this.blocks.current) this.blocks.startScheduledIfDue(now);
    this.retention.apply(now);
    this.lastTickAt = now;
    this.saveMeta();
    this.arm(now);
  }

  /** Ends the block at `at`, releases what it held (if set to) and tells listeners. */
  private finishBlock(reason: BlockEnd, at: number): number {
    const ended = this.blocks.close(reason, at);
    this.handling.expire(this.clock.now());
    const released = ended && this.settings.releaseAtBlockEnd ? (this.hold.release('block-end', this.clock.now(), false)?.count ?? 0) : 0;
    if (ended) this.emit({ type: 'block-ended', block: ended });
    return released;
  }

  /** Sets the one timer for the next moment anything is due. */
  private arm(now: number): void {
    const due = [this.blocks.dueAt(now), this.hold.dueAt(now), this.retention.dueAt(now)].filter((c): c is number => c !== null);
    this.alarm.set(Math.max(now, Math.min(...due)));
  }

  private saveMeta(): void {
    const meta: EngineMeta = { lastTickAt: this.lastTickAt, ...this.blocks.meta(), retentionAt: this.retention.lastRunAt };
    this.store.saveMeta(meta);
  }

  private queueState(): void {
    if (this.stateQueued) return;
    this.stateQueued = true;
    queueMicrotask(() => {
      this.stateQueued = false;
      this.emit({ type: 'state', status: this.status() });
    });
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not break the engine or the other listeners.
      }
    }
  }
}
