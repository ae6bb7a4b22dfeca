// Notices (a refused command, a reset settings file) and the first-run steps.
import { LullApiError } from '../../../../../preload/bridge.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import { initialSessionState, type Notice, type SessionState } from './initialState.ts';

export interface SessionAction {
  notify(notice: Notice): void;
  clearNotice(): void;
  setFirstRun(step: SessionState['firstRun']): void;
  /** Hydration failed: a refusal for want of a session means "sign in", only no answer means unreachable. */
  hydrateFailed(error: unknown): void;
}

export type SessionSlice = SessionState & SessionAction;

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  ...initialSessionState,
  notify: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
  setFirstRun: (firstRun) => set({ firstRun }),
  hydrateFailed: (error) =>
    set(error instanceof LullApiError && error.code === 'unauthorized' ? { hydrated: 'signed-out', hydrateError: null } : { hydrated: 'failed', hydrateError: errorMessage(error) }),
});
