// The focus engine: decides for each arriving item (deliver, hold, break through), runs focus
// blocks, and releases what it held as batches. Time comes from an injected Clock, storage
// from an EngineStore; listeners hear events and never get called back into.
import type { Cancel, Clock, EngineMeta, EngineStore, ItemPage } from './ports.ts';
import { breakthroughRule, RepeatTracker } from './rules.ts';
import { weeklyReport, type WeeklyReport } from './report.ts';
import {
  batchBoundaries,
  isIsoWeek,
  isoWeekDays,
  isoWeekOf,
  localDateOf,
  localDay,
  nextBatchAfter,
  nextOccurrenceAfter,
  occurrenceAt,
  occurrences,
  type Occurrence,
} from './schedule.ts';
import { dayStats, type DayStats } from './stats.ts';
import type { Settings } from './settings.ts';
import {
  LullError,
  type Batch,
  type BatchReason,
  type BlockEnd,
  type EngineEvent,
  type FocusBlock,
  type FocusRequest,
  type IncomingItem,
  type IngestResult,
  type Item,
  type Status,
} from './types.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A release this late after its boundary is reported as a catch-up (sleep, clock jump, restart). */
const CATCH_UP_AFTER = MINUTE;
const MAX_FOCUS_MINUTES = 720;

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
  private readonly held = new Map<string, Item>();
  private readonly dedupe = new Map<string, { at: number; item: Item; committed: Promise<void> }>();
  private readonly repeats = new RepeatTracker();
  private readonly listeners = new Set<Listener>();
  private block: FocusBlock | null = null;
  private meta: EngineMeta = { lastTickAt: null, skipDate: null, endedOccurrence: null, retentionAt: null };
  private cancelTimer: Cancel | null = null;
  private wakeAt: number | null = null;
  private stateQueued = false;

  constructor(opts: EngineOptions) {
    this.clock = opts.clock;
    this.store = opts.store;
    this.settings = opts.settings;
    this.newId = opts.newId ?? (() => crypto.randomUUID());
  }

  /** Loads what the store kept, then catches up on anything owed since the last run. */
  start(): void {
    const now = this.clock.now();
    const state = this.store.load(now - DAY);
    this.meta = state.meta;
    this.block = state.activeBlock;
    for (const item of state.held) this.held.set(item.id, item);
    const windowMs = this.settings.breakthrough.repeatEscalation.minutes * MINUTE;
    for (const item of state.recent) {
      this.repeats.record(item.sender, item.receivedAt, windowMs);
      if (item.dedupeKey) this.dedupe.set(item.dedupeKey, { at: item.receivedAt, item, committed: Promise.resolve() });
    }
    this.tick(now);
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
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
    // Privacy choices apply to what is already stored, at once: no body is kept once the user
    // picks "titles only", and a shorter retention erases older text now, not tomorrow.
    if (settings.storage.mode === 'titles' && before.mode !== 'titles') {
      this.store.eraseBodies();
      for (const [id, item] of this.held) if (item.body !== undefined) this.held.set(id, { ...item, body: undefined });
    }
    if (settings.storage.retentionDays !== before.retentionDays) this.meta.retentionAt = null;
    this.tick(this.clock.now());
    this.queueState();
  }

  /** After sleep, a clock jump or a time-zone change: handle every missed boundary once. */
  resync(now = this.clock.now()): void {
    this.tick(now);
  }

  status(now = this.clock.now()): Status {
    return {
      state: this.block ? 'focus' : 'idle',
      block: this.block,
      held: this.held.size,
      nextBatchAt: nextBatchAfter(this.settings, now),
    };
  }

  async ingest(incoming: IncomingItem): Promise<IngestResult> {
    const now = this.clock.now();
    if (this.wakeAt !== null && now >= this.wakeAt) this.tick(now);
    const key = incoming.dedupeKey;
    const seen = key ? this.dedupe.get(key) : undefined;
    if (seen && seen.at > now - DAY) {
      await seen.committed;
      return { item: this.held.get(seen.item.id) ?? this.store.getItem(seen.item.id) ?? seen.item, duplicate: true };
    }
    const rules = this.settings.breakthrough;
    const fromSender = this.repeats.record(incoming.sender, now, rules.repeatEscalation.minutes * MINUTE);
    const rule = this.block ? breakthroughRule(incoming, rules, fromSender) : null;
    const disposition = !this.block ? 'delivered' : rule ? 'breakthrough' : 'held';
    const item: Item = {
      ...incoming,
      body: this.settings.storage.mode === 'titles' ? undefined : incoming.body,
      id: this.newId(),
      receivedAt: now,
      disposition,
      rule,
      status: disposition === 'held' ? 'held' : 'delivered',
      blockId: this.block?.id ?? null,
      batchId: null,
      releasedAt: null,
      snoozedUntil: null,
      handledAt: null,
    };
    const firstHeld = disposition === 'held' && this.held.size === 0;
    if (disposition === 'held') this.held.set(item.id, item);
    const committed = this.store.commitItem(item);
    if (key) this.dedupe.set(key, { at: now, item, committed });
    try {
      await committed;
    } catch (error) {
      this.held.delete(item.id);
      if (key) this.dedupe.delete(key);
      throw error;
    }
    if (firstHeld) this.arm(this.clock.now());
    this.emit({ type: 'item-added', item });
    if (disposition === 'held') this.queueState();
    return { item, duplicate: false };
  }

  startFocus(request: FocusRequest): FocusBlock {
    const now = this.clock.now();
    if (this.block) throw new LullError('conflict', 'a focus block is already running');
    let endsAt: number;
    if ('minutes' in request) {
      const { minutes } = request;
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_FOCUS_MINUTES) {
        throw new LullError('invalid', `minutes must be a whole number from 1 to ${MAX_FOCUS_MINUTES}`);
      }
      endsAt = now + minutes * MINUTE;
    } else {
      const next = nextBatchAfter(this.settings, now);
      if (next === null) throw new LullError('no-batch-time', 'no batch time is set, so there is no next batch');
      endsAt = next;
    }
    return this.beginBlock('adhoc', now, endsAt);
  }

  /** Ends the running block now; returns how many items it released. */
  endFocus(): { released: number } {
    const now = this.clock.now();
    if (!this.block) throw new LullError('conflict', 'no focus block is running');
    // Whatever kind ended, the scheduled occurrence running now must not restart at once.
    this.meta.endedOccurrence = occurrenceAt(this.settings.schedule, this.settings.timeZone, now)?.start ?? this.meta.endedOccurrence;
    const released = this.finishBlock('ended-early', now);
    this.saveMeta();
    this.arm(now);
    return { released };
  }

  /** Skips today's scheduled blocks, ending one that runs now. */
  skipToday(): void {
    const now = this.clock.now();
    this.meta.skipDate = localDay(now, this.settings.timeZone);
    if (this.block?.kind === 'scheduled') this.finishBlock('skipped', now);
    this.saveMeta();
    this.arm(now);
    this.queueState();
  }

  /** Releases everything held now, snoozed items included. */
  releaseNow(): Batch | null {
    const now = this.clock.now();
    const batch = this.releaseBatch('manual', now, true);
    this.arm(now);
    return batch;
  }

  done(id: string): Item {
    return this.handle(id, 'done');
  }

  dismiss(id: string): Item {
    return this.handle(id, 'dismissed');
  }

  /** Holds the item again until the next batch. */
  snooze(id: string): Item {
    const now = this.clock.now();
    const item = this.find(id);
    const until = nextBatchAfter(this.settings, now) ?? now + this.settings.maxHoldMinutes * MINUTE;
    const updated: Item = { ...item, status: 'held', snoozedUntil: until, handledAt: null };
    this.store.updateItems([id], { status: 'held', snoozedUntil: until, handledAt: null });
    this.held.set(id, updated);
    this.arm(now);
    this.emit({ type: 'item-changed', item: updated });
    this.queueState();
    return updated;
  }

  /**
   * Takes back an item its source withdrew (it resolved itself): a held item is not released,
   * one waiting for review needs none. Handled items stay as they are. Null when none matches.
   */
  withdraw(ref: { id: string } | { dedupeKey: string }): Item | null {
    const now = this.clock.now();
    const id = 'id' in ref ? ref.id : this.dedupe.get(ref.dedupeKey)?.item.id;
    const item = id === undefined ? null : (this.held.get(id) ?? this.store.getItem(id));
    if (!item || (item.status !== 'held' && item.status !== 'released')) return item;
    const updated: Item = { ...item, status: 'resolved', handledAt: now, snoozedUntil: null };
    this.store.updateItems([item.id], { status: 'resolved', handledAt: now, snoozedUntil: null });
    if (this.held.delete(item.id)) {
      this.queueState();
      this.arm(now);
    }
    this.emit({ type: 'item-changed', item: updated });
    return updated;
  }

  /** One item by id, held or not; not-found otherwise. */
  getItem(id: string): Item {
    return this.find(id);
  }

  listItems(query: Parameters<EngineStore['listItems']>[0]): ItemPage {
    return this.store.listItems(query);
  }

  /** The report of an ISO week (default: this one) with the week before it. */
  weeklyReport(week?: string): WeeklyReport {
    const now = this.clock.now();
    const { timeZone, refocusMinutes, schedule } = this.settings;
    const which = week ?? isoWeekOf(now, timeZone);
    if (!isIsoWeek(which)) throw new LullError('invalid', 'week must be an ISO week such as 2026-W47');
    const load = (from: number, to: number) => ({ items: this.store.itemsBetween(from, to), blocks: this.store.blocksBetween(from, to) });
    return weeklyReport({ week: which, timeZone, refocusMinutes, schedule, now, load });
  }

  /** Today's numbers for the dashboard (local day in the configured time zone). */
  todayStats(): DayStats {
    const now = this.clock.now();
    const { timeZone, refocusMinutes } = this.settings;
    const from = localDateOf(now, timeZone).toZonedDateTime({ timeZone }).epochMilliseconds;
    return dayStats(this.store.itemsBetween(from, now + 1), this.store.blocksBetween(from, now + 1), refocusMinutes, now);
  }

  /** The week grid: planned blocks, batch times and the blocks that really ran. */
  weekSchedule(week?: string): { week: string; dates: string[]; from: number; to: number; planned: Occurrence[]; batches: number[]; blocks: FocusBlock[] } {
    const now = this.clock.now();
    const { timeZone, schedule } = this.settings;
    const which = week ?? isoWeekOf(now, timeZone);
    if (!isIsoWeek(which)) throw new LullError('invalid', 'week must be an ISO week such as 2026-W47');
    const { dates, bounds } = isoWeekDays(which, timeZone);
    const from = bounds[0] ?? now;
    const to = bounds[7] ?? now;
    const blocks = this.store.blocksBetween(from, to);
    if (this.block && !blocks.some((b) => b.id === this.block?.id) && this.block.startedAt < to) blocks.push(this.block);
    return { week: which, dates, from, to, planned: occurrences(schedule, timeZone, from, to), batches: batchBoundaries(this.settings, from - 1, to - 1), blocks };
  }

  private handle(id: string, status: 'done' | 'dismissed'): Item {
    const now = this.clock.now();
    const item = this.find(id);
    const updated: Item = { ...item, status, handledAt: now, snoozedUntil: null };
    this.store.updateItems([id], { status, handledAt: now, snoozedUntil: null });
    if (this.held.delete(id)) this.queueState();
    this.emit({ type: 'item-changed', item: updated });
    return updated;
  }

  private find(id: string): Item {
    const item = this.held.get(id) ?? this.store.getItem(id);
    if (!item) throw new LullError('not-found', 'no item with that id');
    return item;
  }

  /** Everything due at `now`, in order: block end, batch boundaries, maximum hold, scheduled starts. */
  private tick(now: number): void {
    const last = Math.min(this.meta.lastTickAt ?? now, now);
    let dueSince: number | null = null;
    let reason: BatchReason | null = null;
    const owe = (r: BatchReason, at: number): void => {
      reason ??= r;
      dueSince = Math.min(dueSince ?? at, at);
    };

    const ended = this.block && now >= this.block.endsAt ? this.closeBlock('completed', this.block.endsAt) : null;
    if (ended && this.settings.releaseAtBlockEnd) owe('block-end', ended.endsAt);
    const boundaries = batchBoundaries(this.settings, last, now);
    if (boundaries.length > 0) owe('schedule', boundaries[0] ?? now);
    const deadline = this.maxHoldDeadline();
    if (deadline !== null && deadline <= now) owe('max-hold', deadline);
    const snoozeDue = this.earliestSnooze();
    if (snoozeDue !== null && snoozeDue <= now) owe('schedule', snoozeDue);
    if (reason !== null && dueSince !== null) {
      this.releaseBatch(now - dueSince > CATCH_UP_AFTER || boundaries.length > 1 ? 'catch-up' : reason, now, false);
    }
    // Listeners hear of the end after its batch, so a review opened on it sees the released items.
    if (ended) this.emit({ type: 'block-ended', block: ended });

    if (!this.block) this.startScheduledIfDue(now);
    this.applyRetention(now);
    this.meta.lastTickAt = now;
    this.saveMeta();
    this.arm(now);
  }

  private startScheduledIfDue(now: number): void {
    const { schedule, timeZone } = this.settings;
    const occ = occurrenceAt(schedule, timeZone, now);
    if (!occ || occ.start === this.meta.endedOccurrence) return;
    if (this.meta.skipDate === localDay(occ.start, timeZone)) return;
    this.beginBlock('scheduled', now, occ.end);
  }

  private applyRetention(now: number): void {
    if (this.meta.retentionAt !== null && now - this.meta.retentionAt < DAY) return;
    this.store.eraseTextBefore(now - this.settings.storage.retentionDays * DAY);
    this.meta.retentionAt = now;
    const windowMs = this.settings.breakthrough.repeatEscalation.minutes * MINUTE;
    this.repeats.prune(now - windowMs);
    for (const [key, seen] of this.dedupe) if (seen.at <= now - DAY) this.dedupe.delete(key);
  }

  private beginBlock(kind: FocusBlock['kind'], now: number, endsAt: number): FocusBlock {
    const block: FocusBlock = { id: this.newId(), kind, startedAt: now, endsAt, endedAt: null, endReason: null };
    this.block = block;
    this.store.saveBlock(block);
    this.emit({ type: 'block-started', block });
    this.arm(now);
    this.queueState();
    return block;
  }

  /** Ends the block at `at`, releases what it held (if set to) and tells listeners. */
  private finishBlock(reason: BlockEnd, at: number): number {
    const ended = this.closeBlock(reason, at);
    const released = ended && this.settings.releaseAtBlockEnd ? (this.releaseBatch('block-end', this.clock.now(), false)?.count ?? 0) : 0;
    if (ended) this.emit({ type: 'block-ended', block: ended });
    return released;
  }

  private closeBlock(reason: BlockEnd, at: number): FocusBlock | null {
    if (!this.block) return null;
    const ended: FocusBlock = { ...this.block, endedAt: at, endReason: reason };
    this.block = null;
    this.store.saveBlock(ended);
    this.queueState();
    return ended;
  }

  private releaseBatch(reason: BatchReason, now: number, includeSnoozed: boolean): Batch | null {
    const due = [...this.held.values()].filter((i) => includeSnoozed || i.snoozedUntil === null || i.snoozedUntil <= now);
    if (due.length === 0) return null;
    const batch: Batch = { id: this.newId(), at: now, reason, count: due.length };
    this.store.saveBatch(batch, due.map((i) => i.id));
    const items = due.map((i): Item => {
      this.held.delete(i.id);
      return { ...i, status: 'released', batchId: batch.id, releasedAt: now, snoozedUntil: null };
    });
    this.emit({ type: 'batch', batch, items });
    this.queueState();
    return batch;
  }

  private maxHoldDeadline(): number | null {
    let oldest: number | null = null;
    for (const i of this.held.values()) if (i.snoozedUntil === null && (oldest === null || i.receivedAt < oldest)) oldest = i.receivedAt;
    return oldest === null ? null : oldest + this.settings.maxHoldMinutes * MINUTE;
  }

  private earliestSnooze(): number | null {
    let first: number | null = null;
    for (const i of this.held.values()) if (i.snoozedUntil !== null && (first === null || i.snoozedUntil < first)) first = i.snoozedUntil;
    return first;
  }

  /** One timer for the next moment anything is due: no polling. */
  private arm(now: number): void {
    const { schedule, timeZone } = this.settings;
    const candidates: (number | null)[] = [this.block?.endsAt ?? null, this.maxHoldDeadline(), this.earliestSnooze()];
    if (this.held.size > 0) candidates.push(nextBatchAfter(this.settings, now));
    if (!this.block) candidates.push(nextOccurrenceAfter(schedule, timeZone, now)?.start ?? null);
    candidates.push((this.meta.retentionAt ?? now) + DAY);
    const wake = Math.max(now, Math.min(...candidates.filter((c): c is number => c !== null)));
    if (wake === this.wakeAt && this.cancelTimer) return;
    this.cancelTimer?.();
    this.wakeAt = wake;
    this.cancelTimer = this.clock.at(wake, () => {
      this.cancelTimer = null;
      this.wakeAt = null;
      this.tick(Math.max(this.clock.now(), wake));
    });
  }

  private saveMeta(): void {
    this.store.saveMeta({ ...this.meta });
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
