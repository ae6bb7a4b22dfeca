// Mail benchmarks (issue "Mail: hold what arrives by IMAP"): arrival → held over a real Dovecot on
// loopback, one message every 300 ms, beside the baseline measured in the same run: a bare imapflow
// client IDLEing on the same mailbox, timing its own EXISTS push. The difference is what Lull adds
// (fetching the headers with BODY.PEEK, deciding, the durable commit); the rest is the server's own
// notify delay (Dovecot batches mailbox changes for 0.5 s). `node bench/run.ts 7` runs this alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { mail } from '../main/sources/mail/index.ts';
import { fileSecrets } from '../main/store/secrets.ts';
import { openApi } from '../test/api/apiHarness.ts';
import { pollUntil } from '../test/support/daemon.ts';
import { startDovecot } from '../test/support/dovecot.ts';
import type { Row } from './table.ts';

const MESSAGES = 40;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export default {
  title: `mail: arrival → held over a real Dovecot (${MESSAGES} messages, one per 300 ms)`,
  async run(): Promise<Row[]> {
    const dovecot = await startDovecot();
    const dataDir = mkdtempSync(join(tmpdir(), 'lull-bench-mail-'));
    await fileSecrets(dataDir).set('mail:bench', dovecot.password);
    const api = await openApi({ sources: { mail: [{ name: 'bench', host: '127.0.0.1', port: dovecot.port, security: 'none', user: dovecot.user }] } }, { doors: [mail], dataDir });
    const bare = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false, autoIdleDelay: 300 });
    try {
      const held = new Map<string, number>();
      api.lull.engine.on((event) => {
        if (event.type === 'item-added' && event.item.dedupeKey) held.set(event.item.dedupeKey, performance.timeOrigin + performance.now());
      });
      const pushes: number[] = [];
      bare.on('error', () => {});
      bare.on('exists', () => pushes.push(performance.timeOrigin + performance.now()));
      await bare.connect();
      await bare.mailboxOpen('INBOX', { readOnly: true });
      await pollUntil('the account running', 15_000, async () => ((await api.call('GET', '/v1/status')).json.sources.some((s: { name: string; state: string }) => s.name === 'mail:bench' && s.state === 'running') ? true : undefined));
      await new Promise((r) => setTimeout(r, 500)); // both IDLE now
      const sent = await dovecot.append(Array.from({ length: MESSAGES }, (_, i) => ({ from: `Sender ${i} <s${i}@example.test>`, subject: `bench ${i}`, pause: 0.3 })));
      await pollUntil('every message held', 30_000, async () => (held.size >= MESSAGES ? true : undefined));
      const lull = sent.map((s) => held.get(s.messageId)! - s.at);
      // Dovecot's 0.5 s batching can cover two arrivals with one push: for each message the baseline
      // takes the first push at or after its APPEND.
      const baseline = sent.map((s) => (pushes.find((p) => p >= s.at) ?? NaN) - s.at);
      return [
        { name: 'bare IMAP IDLE push, p50', value: percentile(baseline, 50), unit: 'ms', baseline: true },
        { name: 'bare IMAP IDLE push, p99', value: percentile(baseline, 99), unit: 'ms', baseline: true },
        { name: 'arrival → held in Lull, p50', value: percentile(lull, 50), unit: 'ms' },
        { name: 'arrival → held in Lull, p99', value: percentile(lull, 99), unit: 'ms', target: '< 1,000 ms' },
      ];
    } finally {
      await bare.logout().catch(() => bare.close());
      await api.close();
      await dovecot.stop();
    }
  },
};
