// The bridge's method and event names: which channel each `window.lull` method and `onX` uses.
// Kept free of zod so the sandboxed preload bundle stays small; contract.ts re-exports them.
import type { EventChannel, InvokeChannel } from './contract.ts';

/** One named method per operation (no catch-all `invoke(channel)` reaches the page). */
export const methods = {
  getStatus: 'status:get',
  startFocus: 'focus:start',
  stopFocus: 'focus:stop',
  skipToday: 'focus:skip-today',
  listQueue: 'queue:list',
  releaseNow: 'queue:release',
  markDone: 'queue:done',
  dismiss: 'queue:dismiss',
  snooze: 'queue:snooze',
  openItem: 'queue:open',
  todayStats: 'stats:today',
  weekSchedule: 'schedule:week',
  weeklyReport: 'report:weekly',
  exportPdf: 'report:pdf',
  getSettings: 'settings:get',
  patchSettings: 'settings:patch',
} as const satisfies Record<string, InvokeChannel>;

export const subscriptions = {
  onStateChanged: 'state:changed',
  onQueueChanged: 'queue:changed',
  onBatchReleased: 'batch:released',
  onBlockEnded: 'block:ended',
  onSettingsChanged: 'settings:changed',
  onSettingsReset: 'settings:reset',
} as const satisfies Record<string, EventChannel>;
