// The bridge's method and event names: which channel each `window.lull` method and `onX` uses.
// Free of zod and of every other file, so the sandboxed preload bundle stays small and nothing
// imports back here; contract.ts checks these names against its maps and re-exports them.

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
  judge: 'queue:verdict',
  todayStats: 'stats:today',
  weekSchedule: 'schedule:week',
  scheduleConsent: 'schedule:consent',
  beginSchedule: 'schedule:begin',
  weeklyReport: 'report:weekly',
  exportPdf: 'report:pdf',
  getSettings: 'settings:get',
  patchSettings: 'settings:patch',
  createToken: 'tokens:create',
  listTokens: 'tokens:list',
  revokeToken: 'tokens:revoke',
  setSecret: 'secrets:set',
  deleteSecret: 'secrets:delete',
  listSecrets: 'secrets:list',
  testMailAccount: 'mail:test',
} as const;

export const subscriptions = {
  onStateChanged: 'state:changed',
  onQueueChanged: 'queue:changed',
  onItemAdded: 'queue:item-added',
  onItemChanged: 'queue:item-changed',
  onBatchReleased: 'batch:released',
  onBlockEnded: 'block:ended',
  onSettingsChanged: 'settings:changed',
  onSettingsReset: 'settings:reset',
} as const;

export type MethodName = keyof typeof methods;
export type SubscriptionName = keyof typeof subscriptions;
