// Loads the consent and sends the user's choice: "start now" or "from the next planned block".
// Main answers with the consent as it now stands; a block that starts follows as a state event.
import type { SliceCreator } from '../../slice.ts';
import { errorMessage } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialConsentState, type ConsentState } from './initialState.ts';

export interface ConsentAction {
  loadConsent(): Promise<void>;
  /** True when main took the choice. */
  beginSchedule(from: 'now' | 'next'): Promise<boolean>;
}

export type ConsentSlice = ConsentState & ConsentAction;

export const createConsentSlice: SliceCreator<ConsentSlice, Pick<SessionSlice, 'notify'>> = (set, get, { api }) => ({
  ...initialConsentState,
  async loadConsent() {
    set({ consent: await api.scheduleConsent() });
  },
  async beginSchedule(from) {
    set({ choosing: true });
    try {
      set({ consent: await api.beginSchedule({ from }) });
      return true;
    } catch (error) {
      get().notify({ kind: 'error', message: errorMessage(error) });
      return false;
    } finally {
      set({ choosing: false });
    }
  },
});
