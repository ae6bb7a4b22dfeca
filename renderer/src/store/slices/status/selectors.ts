// Named reads of the focus state.
import { isTroubled } from '../../../../../preload/contract.ts';
import type { StatusState } from './initialState.ts';

export const statusSelectors = {
  isFocusing: (s: StatusState): boolean => s.status?.state === 'focus',
  heldCount: (s: StatusState): number => s.status?.held ?? 0,
  nextBatchAt: (s: StatusState): string | null => s.status?.nextBatchAt ?? null,
  /** Sources that cannot do their work (no session bus, a daemon that cannot be held); turned off ones are the user's choice. */
  troubledSources: (s: StatusState): NonNullable<StatusState['status']>['sources'] => s.status?.sources.filter(isTroubled) ?? NO_SOURCES,
};

const NO_SOURCES: NonNullable<StatusState['status']>['sources'] = [];
