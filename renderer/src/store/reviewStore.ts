// The review window's one store: the released items waiting for review, the breakthroughs waiting
// for "was it urgent?", what resolved itself, with the focus state (for "snooze to 15:00") and the
// settings (language, time zone). Hydrated from main.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LullApi } from '../../../preload/contract.ts';
import type { WindowAction } from './dashboardStore.ts';
import { createQueueSlice, type QueueSlice } from './slices/queue/action.ts';
import { createResolvedSlice, type ResolvedSlice } from './slices/resolved/action.ts';
import { createSessionSlice, type SessionSlice } from './slices/session/action.ts';
import { createSettingsSlice, type SettingsSlice } from './slices/settings/action.ts';
import { createStatusSlice, type StatusSlice } from './slices/status/action.ts';
import { createVerdictSlice, type VerdictSlice } from './slices/verdicts/action.ts';
import { defaultDeps, type StoreDeps } from './slice.ts';

export type ReviewStore = QueueSlice & VerdictSlice & ResolvedSlice & StatusSlice & SettingsSlice & SessionSlice & WindowAction;

export function createReviewStore(api: LullApi, overrides: Partial<StoreDeps> = {}): StoreApi<ReviewStore> {
  const deps = { ...defaultDeps(api), ...overrides };
  return createStore<ReviewStore>()((set, get) => {
    const queue = createQueueSlice('review')(set, get, deps);
    const verdicts = createVerdictSlice(set, get, deps);
    return {
      ...createSessionSlice(set, get, deps),
      ...createStatusSlice(set, get, deps),
      ...createSettingsSlice(set, get, deps),
      ...queue,
      ...verdicts,
      ...createResolvedSlice(set, get, deps),
      // One action waits for undo at a time, a verdict or a queue action: taking one sends the
      // other, so `u` always undoes the last thing done.
      act(kind, key) {
        void get().flushVerdict();
        queue.act(kind, key);
      },
      judge(urgent, id) {
        void get().flush();
        verdicts.judge(urgent, id);
      },
      undo() {
        if (get().verdictPending) get().undoVerdict();
        else queue.undo();
      },
      async flush() {
        await Promise.all([queue.flush(), get().flushVerdict()]);
      },
      async hydrate() {
        const reloadAll = (): void => {
          void get().loadStatus().catch(() => undefined);
          void get().loadQueue().catch(() => undefined);
          void get().loadVerdicts();
          void get().loadResolved();
        };
        const offs = [
          // Lull answered but no longer knows this browser: the sign-in page, not an error.
          api.onSignedOut?.(() => set({ hydrated: 'signed-out' })) ?? (() => undefined),
          api.onStateChanged((status) => get().setStatus(status)),
          api.onBatchReleased(() => void get().loadQueue().catch(() => undefined)),
          api.onItemAdded((item) => get().verdictHeard(item)),
          api.onItemChanged((item) => {
            get().itemChanged(item);
            get().verdictHeard(item);
            get().resolvedHeard(item);
          }),
          // The event stream dropped (HTTP transport): what was missed is read again, once.
          api.onResync?.(reloadAll) ?? (() => undefined),
          api.onSettingsChanged((value) => get().receiveSettings(value)),
        ];
        try {
          await Promise.all([get().loadSettings(), get().loadStatus(), get().loadQueue(), get().loadVerdicts(), get().loadResolved()]);
          set({ hydrated: 'yes' });
        } catch (error) {
          get().hydrateFailed(error);
        }
        return () => offs.forEach((off) => off());
      },
    };
  });
}
