// The settings page's "Test" button: log in to a mail account, ask how many messages its mailbox
// holds (STATUS, so nothing is selected and no mail is touched), and log out. Whatever fails is
// said as connect.ts says it (DNS, refused, TLS, login, mailbox); the connection is always closed
// and the whole test has a time limit, so a server that never answers cannot hold the page.
import type { ImapFlow } from 'imapflow';
import type { MailAccount } from '../../core/mailSettings.ts';
import { describeImapError, imapOptions, loadImapFlow, MailError, portOf } from './connect.ts';

export interface MailProbe {
  mailbox: string;
  messages: number;
}

export interface ProbeOptions {
  /** The whole test, from connecting to logging out (default 30 s). */
  timeoutMs?: number;
}

/** Connects, counts the messages of the account's mailbox, logs out; throws a MailError. */
export async function probeMailAccount(account: MailAccount, password: string, opts: ProbeOptions = {}): Promise<MailProbe> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  // Throws plain-refused before any connection when plain IMAP would leave this machine.
  const options = imapOptions(account, password);
  const client = new (await loadImapFlow())(options);
  // imapflow reports socket trouble as an event too; the awaited call below carries the failure.
  client.on('error', () => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MailError('timeout', `${account.host}:${portOf(account)} did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    return await Promise.race([count(client, account.mailbox), late]);
  } catch (error) {
    throw describeImapError(error, account);
  } finally {
    clearTimeout(timer);
    client.close(); // a no-op after a clean logout; ends a connection still in flight otherwise
  }
}

async function count(client: ImapFlow, mailbox: string): Promise<MailProbe> {
  await client.connect();
  const status = await client.status(mailbox, { messages: true });
  // false: the server refused STATUS for another reason than a missing mailbox.
  if (status === false || typeof status.messages !== 'number') throw Object.assign(new Error('STATUS failed'), { code: 'StatusFailed' });
  await client.logout();
  return { mailbox, messages: status.messages };
}
