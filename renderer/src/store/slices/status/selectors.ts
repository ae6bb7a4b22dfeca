// Named reads of the focus state.
import type { StatusState } from './initialState.ts';

export const statusSelectors = {
  isFocusing: (s: StatusState): boolean => s.status?.state === 'focus',
  heldCount: (s: StatusState): number => s.status?.held ?? 0,
  blockEndsAt: (s: StatusState): string | null => s.status?.block?.endsAt ?? null,
  nextBatchAt: (s: StatusState): string | null => s.status?.nextBatchAt ?? null,
};
