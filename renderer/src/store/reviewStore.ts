// The review window's one store: the released items waiting for review, with the focus state
// (for "snooze to 15:00") and the settings (language, time zone). Hydrated from main.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LullApi } from '../../../preload/contract.ts';
import type { WindowAction } from './dashboardStore.ts';
import { createQueueSlice, type QueueSlice } from './slices/queue/action.ts';
import { createSessionSlice, type SessionSlice } from './slices/session/action.ts';
import { createSettingsSlice, type SettingsSlice } from './slices/settings/action.ts';
import { createStatusSlice, type StatusSlice } from './slices/status/action.ts';
import { defaultDeps, type StoreDeps } from './slice.ts';

export type ReviewStore = QueueSlice & StatusSlice & SettingsSlice & SessionSlice & WindowAction;

export function createReviewStore(api: LullApi, overrides: Partial<StoreDeps> = {}): StoreApi<ReviewStore> {
  const deps = { ...defaultDeps(api), ...overrides };
  return createStore<ReviewStore>()((set, get) => ({
    ...createSessionSlice(set, get, deps),
    ...createStatusSlice(set, get, deps),
    ...createSettingsSlice(set, get, deps),
    ...createQueueSlice('review')(set, get, deps),
    async hydrate() {
      const offs = [
        // Lull answered but no longer knows this browser: the sign-in page, not an error.
        api.onSignedOut?.(() => set({ hydrated: 'signed-out' })) ?? (() => undefined),
        api.onStateChanged((status) => get().setStatus(status)),
        api.onBatchReleased(() => void get().loadQueue().catch(() => undefined)),
        api.onItemChanged((item) => get().itemChanged(item)),
        // The event stream dropped (HTTP transport): what was missed is read again, once.
        api.onResync?.(() => {
          void get().loadStatus().catch(() => undefined);
          void get().loadQueue().catch(() => undefined);
        }) ?? (() => undefined),
        api.onSettingsChanged((value) => get().receiveSettings(value)),
      ];
      try {
        await Promise.all([get().loadSettings(), get().loadStatus(), get().loadQueue()]);
        set({ hydrated: 'yes' });
      } catch (error) {
        get().hydrateFailed(error);
      }
      return () => offs.forEach((off) => off());
    },
  }));
}
