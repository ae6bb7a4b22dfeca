// Notices (a refused command, a reset settings file) and the first-run steps.
import type { SliceCreator } from '../../slice.ts';
import { initialSessionState, type Notice, type SessionState } from './initialState.ts';

export interface SessionAction {
  notify(notice: Notice): void;
  clearNotice(): void;
  setFirstRun(step: SessionState['firstRun']): void;
}

export type SessionSlice = SessionState & SessionAction;

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  ...initialSessionState,
  notify: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
  setFirstRun: (firstRun) => set({ firstRun }),
});
