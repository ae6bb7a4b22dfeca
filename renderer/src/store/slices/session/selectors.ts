// Named reads of the window's session.
import type { SessionState } from './initialState.ts';

export const sessionSelectors = {
  notice: (s: SessionState) => s.notice,
};
