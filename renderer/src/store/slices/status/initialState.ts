// The focus state as main reports it, and the minute the window last looked at the clock.
import type { StatusDto } from '../../../../../preload/contract.ts';

export interface StatusState {
  status: StatusDto | null;
  /** Epoch ms, advanced once a minute so "in 40 min" and the now-line stay true. */
  now: number;
  /** A focus command is on its way to main (buttons wait for it). */
  statusBusy: boolean;
}

export const initialStatusState = (now: number): StatusState => ({ status: null, now, statusBusy: false });
