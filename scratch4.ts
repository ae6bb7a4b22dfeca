import { startDovecot } from './test/support/dovecot.ts';
import { ImapFlow } from 'imapflow';
const d = await startDovecot();
const c = new ImapFlow({ host: '127.0.0.1', port: d.port, secure: false, doSTARTTLS: false, auth: { user: d.user, pass: 'bad' }, logger: false });
c.on('error', () => {});
try { await c.connect(); } catch {}
await new Promise(r => setTimeout(r, 500));
console.log(d.log().split('\n').filter(l => /imap-login|auth/.test(l)).join('\n'));
await d.stop();
