// Consent before holding (PRODUCT.md §2): from when scheduled blocks hold (null: not chosen yet),
// the planned block running now and the next one, as main's clock sees them.
import type { ScheduleConsentDto } from '../../../../../preload/contract.ts';

export interface ConsentState {
  consent: ScheduleConsentDto | null;
  /** A choice is being sent: the buttons wait. */
  choosing: boolean;
}

export const initialConsentState: ConsentState = { consent: null, choosing: false };
