// The mail door (PRODUCT.md §3.4): one watcher per account in `sources.mail`, each with its own
// status line `mail:<name>`. An account added, edited or removed in the settings is started,
// restarted or stopped alone; setting an account's password (`lull secret set mail:<name>`) makes
// a watcher that was waiting for it connect at once.
import { mailName, type MailAccount } from '../../core/mailSettings.ts';
import { defineSource, type SourceHealth } from '../source.ts';
import { watchAccount, type AccountWatcher } from './account.ts';
import { cursorFile } from './cursor.ts';

export const mail = defineSource({
  name: 'mail',
  settings: (all) => all.sources.mail,
  start(ctx) {
    const watchers = new Map<string, { account: string; watcher: AccountWatcher }>();
    const stopping = new Set<Promise<void>>();
    // Every account's line goes into what is told, so a change in any one is a change.
    const changed = () => ctx.healthChanged({ state: summary().state, detail: Object.entries(each()).map(([name, h]) => `${name}: ${h.state}${h.detail ? ` (${h.detail})` : ''}`).join('; ') });

    const startOne = (account: MailAccount): AccountWatcher =>
      watchAccount(account, {
        ingest: ctx.ingest,
        clock: ctx.clock,
        passwords: { secrets: ctx.secrets, env: ctx.env },
        cursor: cursorFile(ctx.dataDir, account, ctx.log),
        log: ctx.log,
        changed,
      });

    const stopOne = (watcher: AccountWatcher): void => {
      const done = watcher.stop().finally(() => stopping.delete(done));
      stopping.add(done);
    };

    function reconcile(accounts: readonly MailAccount[]): void {
      const wanted = new Map(accounts.map((a) => [a.name, a]));
      for (const [name, { account, watcher }] of watchers) {
        const next = wanted.get(name);
        if (next && JSON.stringify(next) === account) continue;
        stopOne(watcher);
        watchers.delete(name);
      }
      for (const [name, account] of wanted) {
        if (!watchers.has(name)) watchers.set(name, { account: JSON.stringify(account), watcher: startOne(account) });
      }
      changed();
    }

    function each(): Record<string, SourceHealth> {
      return Object.fromEntries([...watchers].map(([name, { watcher }]) => [mailName(name), watcher.health()]));
    }

    function summary(): SourceHealth {
      const lines = Object.values(each());
      if (lines.length === 0) return { state: 'stopped', detail: 'no mail account set up' };
      const worst = lines.find((h) => h.state === 'unavailable') ?? lines.find((h) => h.state === 'degraded');
      return worst ?? { state: 'running', detail: `watching ${lines.length} mail account${lines.length === 1 ? '' : 's'}` };
    }

    const unsubscribeSettings = ctx.settings.onChange(reconcile);
    const unsubscribeSecrets = ctx.secrets.onChange((name) => {
      for (const [accountName, { watcher }] of watchers) if (mailName(accountName) === name) watcher.retryNow();
    });
    reconcile(ctx.settings.get());

    return {
      health: summary,
      each,
      async stop() {
        unsubscribeSettings();
        unsubscribeSecrets();
        for (const { watcher } of watchers.values()) stopOne(watcher);
        watchers.clear();
        await Promise.all([...stopping]);
      },
    };
  },
});
