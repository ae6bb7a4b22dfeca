// Named reads of the window's session.
import type { SessionState } from './initialState.ts';

export const sessionSelectors = {
  isReady: (s: SessionState): boolean => s.hydrated === 'yes',
  notice: (s: SessionState) => s.notice,
  firstRun: (s: SessionState) => s.firstRun,
};
