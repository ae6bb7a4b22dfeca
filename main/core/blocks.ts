// Focus blocks: the one running now, starting ad hoc or by the weekly schedule, and the user's
// word against the schedule (today skipped, this occurrence ended early), which it persists.
import type { EngineMeta, EngineStore } from './ports.ts';
import { scheduleAllows } from './consent.ts';
import { localDay, nextBatchAfter, nextOccurrenceAfter, occurrenceAt } from './schedule.ts';
import type { Settings } from './settings.ts';
import { LullError, type BlockEnd, type BlockKind, type FocusBlock, type FocusRequest } from './types.ts';
import { focusMinutesSchema, LIMITS } from './vocabulary.ts';

const MINUTE = 60_000;

export interface BlocksOptions {
  store: Pick<EngineStore, 'saveBlock'>;
  newId: () => string;
  settings: () => Settings;
  /** Hears a block once it is stored and running. */
  onStart: (block: FocusBlock) => void;
  /** Hears that no block runs any more (its end is announced by the engine, after its batch). */
  onClose: () => void;
}

type ScheduleMeta = Pick<EngineMeta, 'skipDate' | 'endedOccurrence'>;

export function createBlocks({ store, newId, settings, onStart, onClose }: BlocksOptions) {
  let current: FocusBlock | null = null;
  const meta: ScheduleMeta = { skipDate: null, endedOccurrence: null };

  const begin = (kind: BlockKind, now: number, endsAt: number): FocusBlock => {
    const block: FocusBlock = { id: newId(), kind, startedAt: now, endsAt, endedAt: null, endReason: null };
    current = block;
    store.saveBlock(block);
    onStart(block);
    return block;
  };

  return {
    get current(): FocusBlock | null {
      return current;
    },

    /** What the schedule part of the engine's meta holds now. */
    meta(): ScheduleMeta {
      return { ...meta };
    },

    restore(active: FocusBlock | null, saved: ScheduleMeta): void {
      current = active;
      meta.skipDate = saved.skipDate;
      meta.endedOccurrence = saved.endedOccurrence;
    },

    /** Starts a block by hand: for some minutes, or until the next batch. */
    startAdhoc(request: FocusRequest, now: number): FocusBlock {
      if (current) throw new LullError('conflict', 'a focus block is already running');
      let endsAt: number;
      if ('minutes' in request) {
        if (!focusMinutesSchema.safeParse(request.minutes).success) {
          const { min, max } = LIMITS.focusMinutes;
          throw new LullError('invalid', `minutes must be a whole number from ${min} to ${max}`);
        }
        endsAt = now + request.minutes * MINUTE;
      } else {
        const next = nextBatchAfter(settings(), now);
        if (next === null) throw new LullError('no-batch-time', 'no batch time is set, so there is no next batch');
        endsAt = next;
      }
      return begin('adhoc', now, endsAt);
    },

    /** Ends the running block at `at` and stores it; null when none runs. */
    close(reason: BlockEnd, at: number): FocusBlock | null {
      if (!current) return null;
      const ended: FocusBlock = { ...current, endedAt: at, endReason: reason };
      current = null;
      store.saveBlock(ended);
      onClose();
      return ended;
    },

    /** Whatever kind ended, the scheduled occurrence running now must not restart at once. */
    endedEarly(now: number): void {
      const { schedule, timeZone } = settings();
      meta.endedOccurrence = occurrenceAt(schedule, timeZone, now)?.start ?? meta.endedOccurrence;
    },

    /** Keeps today's scheduled blocks from starting. */
    skipDay(now: number): void {
      meta.skipDate = localDay(now, settings().timeZone);
    },

    /**
     * Starts the scheduled block running at `now`, unless the user ended or skipped it, or has not
     * yet said that scheduled blocks from its start on may hold (`scheduleFrom`).
     */
    startScheduledIfDue(now: number): void {
      const { schedule, timeZone, scheduleFrom } = settings();
      const occ = occurrenceAt(schedule, timeZone, now);
      if (!occ || occ.start === meta.endedOccurrence || !scheduleAllows(scheduleFrom, occ.start)) return;
      if (meta.skipDate === localDay(occ.start, timeZone)) return;
      begin('scheduled', now, occ.end);
    },

    /** The next moment this part needs a look: the block's end, or the next scheduled start. */
    dueAt(now: number): number | null {
      if (current) return current.endsAt;
      const { schedule, timeZone, scheduleFrom } = settings();
      if (scheduleFrom === null) return null; // nothing starts by itself until the user chooses
      return nextOccurrenceAfter(schedule, timeZone, now)?.start ?? null;
    },
  };
}

export type Blocks = ReturnType<typeof createBlocks>;
