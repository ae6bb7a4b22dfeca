// Focus commands (start, end, skip today, release now); main answers with events as well.
import type { InvokeRequest, StatusDto } from '../../../../../preload/contract.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialStatusState, type StatusState } from './initialState.ts';

export interface StatusAction {
  loadStatus(): Promise<void>;
  setStatus(status: StatusDto): void;
  tick(): void;
  startFocus(request: InvokeRequest<'focus:start'>): Promise<void>;
  stopFocus(): Promise<void>;
  skipToday(): Promise<void>;
  releaseNow(): Promise<void>;
}

export type StatusSlice = StatusState & StatusAction;

export const createStatusSlice: SliceCreator<StatusSlice, Pick<SessionSlice, 'notify'>> = (set, get, { api, now }) => {
  /** Runs a command, refreshing the state afterwards; a refusal becomes a calm notice. */
  const command = async (run: () => Promise<unknown>, done?: (result: never) => string | null): Promise<void> => {
    set({ statusBusy: true });
    try {
      const result = await run();
      const message = done?.(result as never);
      if (message) get().notify({ kind: 'info', message });
      await get().loadStatus();
    } catch (error) {
      get().notify({ kind: 'error', message: errorMessage(error) });
    } finally {
      set({ statusBusy: false });
    }
  };
  return {
    ...initialStatusState(now()),
    async loadStatus() {
      get().setStatus(await api.getStatus());
    },
    setStatus: (status) => set({ status, now: now() }),
    tick: () => set({ now: now() }),
    startFocus: (request) => command(() => api.startFocus(request)),
    stopFocus: () => command(() => api.stopFocus()),
    skipToday: () => command(() => api.skipToday()),
    releaseNow: () => command(() => api.releaseNow()),
  };
};
