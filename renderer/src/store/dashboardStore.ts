// The dashboard window's one store: its slices, hydrated from main by invokes and kept current
// by main's events. Nothing is persisted here; main is the source of truth.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LullApi } from '../../../preload/contract.ts';
import { createConsentSlice, type ConsentSlice } from './slices/consent/action.ts';
import { createMailSlice, type MailSlice } from './slices/mail/action.ts';
import { createQueueSlice, type QueueSlice } from './slices/queue/action.ts';
import { createReportSlice, type ReportSlice } from './slices/report/action.ts';
import { createScheduleSlice, type ScheduleSlice } from './slices/schedule/action.ts';
import { createSessionSlice, type SessionSlice } from './slices/session/action.ts';
import { createSettingsSlice, type SettingsSlice } from './slices/settings/action.ts';
import { createStatsSlice, type StatsSlice } from './slices/stats/action.ts';
import { createStatusSlice, type StatusSlice } from './slices/status/action.ts';
import { createTokensSlice, type TokensSlice } from './slices/tokens/action.ts';
import { defaultDeps, refresher, type StoreDeps } from './slice.ts';

export interface WindowAction {
  /** Loads everything the window shows and subscribes to main's events; returns the unsubscribe. */
  hydrate(): Promise<() => void>;
}

export type DashboardStore = StatusSlice & ScheduleSlice & StatsSlice & QueueSlice & SettingsSlice & ReportSlice & SessionSlice & ConsentSlice & TokensSlice & MailSlice & WindowAction;

export function createDashboardStore(api: LullApi, overrides: Partial<StoreDeps> = {}): StoreApi<DashboardStore> {
  const deps = { ...defaultDeps(api), ...overrides };
  return createStore<DashboardStore>()((set, get) => {
    const refreshStats = refresher(() => get().loadStats());
    const refreshSchedule = refresher(() => get().loadSchedule(get().schedule?.week));
    // A new schedule (a role chosen) moves the block running now and the next one.
    const refreshConsent = refresher(() => get().loadConsent());
    const quietly = (p: Promise<void>): void => void p.catch(() => undefined);
    return {
      ...createSessionSlice(set, get, deps),
      ...createStatusSlice(set, get, deps),
      ...createScheduleSlice(set, get, deps),
      ...createStatsSlice(set, get, deps),
      ...createQueueSlice('held')(set, get, deps),
      ...createSettingsSlice(set, get, deps),
      ...createReportSlice(set, get, deps),
      ...createConsentSlice(set, get, deps),
      ...createTokensSlice(set, get, deps),
      ...createMailSlice(set, get, deps),
      async hydrate() {
        const offs = [
          // Lull answered but no longer knows this browser: the sign-in page, not an error.
          api.onSignedOut?.(() => set({ hydrated: 'signed-out' })) ?? (() => undefined),
          // A block that starts or ends changes the state's block: that (not block:ended too) redraws the week.
          api.onStateChanged((status) => {
            const blockChanged = status.block?.id !== get().status?.block?.id;
            get().setStatus(status);
            quietly(refreshStats());
            if (blockChanged) quietly(refreshSchedule());
          }),
          // A batch is always followed by a state:changed with the held count it left, so that
          // count (not batch:released too) is what refreshes today's numbers and the held queue.
          api.onQueueChanged(({ held }) => get().heldCountIs(held)),
          // What arrived or changed comes with the event: the held queue updates in place, and the
          // count that follows already matches (no listing of up to 10,000 held items per arrival).
          api.onItemAdded((item) => get().itemAdded(item)),
          api.onItemChanged((item) => get().itemChanged(item)),
          // The event stream dropped (HTTP transport): what was missed is read again, once.
          api.onResync?.(() => {
            quietly(get().loadStatus());
            quietly(get().loadSettings());
            quietly(refreshConsent());
            quietly(refreshStats());
            if (get().queueLoad !== 'idle') quietly(get().loadQueue());
          }) ?? (() => undefined),
          // Main follows a settings change with a state:changed of its own: no status to fetch here.
          api.onSettingsChanged((value) => {
            get().receiveSettings(value);
            quietly(refreshSchedule());
            quietly(refreshConsent());
            if (get().report) quietly(get().loadReport());
          }),
          api.onSettingsReset(({ movedTo }) => get().settingsWereReset(movedTo)),
        ];
        try {
          await Promise.all([get().loadSettings(), get().loadStatus(), get().loadStats(), get().loadSchedule(), get().loadConsent()]);
          set({ hydrated: 'yes', firstRun: get().settings?.role === null ? 'role' : null });
        } catch (error) {
          get().hydrateFailed(error);
        }
        return () => offs.forEach((off) => off());
      },
    };
  });
}
