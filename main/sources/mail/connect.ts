// How Lull reaches one mail account: the password (its passwordCommand, or the secret store under
// `mail:<name>`), imapflow's options for the account's security, and what went wrong said so a
// person can act on it (DNS, refused, TLS, login, mailbox). Shared by the watcher and the
// settings page's "Test" button. Never a password, never what the server said about the login.
import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import type { z } from 'zod';
import { defaultMailPort, isLoopbackHost, mailName, type mailFailureSchema, type MailAccount } from '../../core/mailSettings.ts';
import { PasswordCommandError, runPasswordCommand } from '../../system/passwordCommand.ts';
import type { Secrets } from '../source.ts';

/**
 * imapflow, loaded on first use: it and what it pulls in (mail parsing, charsets) cost start-up time
 * and memory that a Lull with no mail account should not pay.
 */
export const loadImapFlow = async (): Promise<typeof ImapFlow> => (await import('imapflow')).ImapFlow;


export type MailFailure = z.output<typeof mailFailureSchema>;

export class MailError extends Error {
  override readonly name = 'MailError';
  readonly kind: MailFailure;
  constructor(kind: MailFailure, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Whether trying again later can help (a wrong password or a missing mailbox waits for the user). */
export const worthRetrying = (kind: MailFailure): boolean => !['no-password', 'plain-refused', 'auth', 'mailbox'].includes(kind);

export interface PasswordSources {
  secrets: Pick<Secrets, 'get'>;
  env: Readonly<Record<string, string | undefined>>;
}

export async function passwordOf(account: MailAccount, from: PasswordSources): Promise<string> {
  if (account.passwordCommand) {
    try {
      return await runPasswordCommand(account.passwordCommand, { env: from.env });
    } catch (error) {
      throw new MailError('password-command', error instanceof PasswordCommandError ? error.message : 'passwordCommand failed');
    }
  }
  const stored = await from.secrets.get(mailName(account.name));
  if (stored === null) throw new MailError('no-password', `no password for "${account.name}": store one in the settings or with \`lull secret set ${mailName(account.name)}\`, or give the account a passwordCommand`);
  return stored;
}

export const portOf = (account: MailAccount): number => account.port ?? defaultMailPort(account.security);

/** imapflow's options for the account; throws when plain IMAP would leave this machine. */
export function imapOptions(account: MailAccount, password: string): ImapFlowOptions {
  if (account.security === 'none' && !isLoopbackHost(account.host)) {
    throw new MailError('plain-refused', `plain IMAP would send the password for "${account.name}" unencrypted to ${account.host}: use security "tls" or "starttls"`);
  }
  return {
    host: account.host,
    port: portOf(account),
    secure: account.security === 'tls',
    // STARTTLS is required, never optional, when asked for: no quiet fall back to plain text.
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'tls' ? undefined : false,
    auth: { user: account.user, pass: password },
    logger: false,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    // IDLE is restarted this often, so a connection that died quietly (a night asleep) is noticed.
    maxIdleTime: 4 * 60_000,
    autoIdleDelay: 300,
    disableAutoEnable: false,
    clientInfo: { name: 'Lull' },
  };
}

interface ImapErrorShape {
  code?: unknown;
  authenticationFailed?: unknown;
  tlsFailed?: unknown;
  mailboxMissing?: unknown;
  serverResponseCode?: unknown;
  responseText?: unknown;
  message?: unknown;
}

/** A failure as the person can act on it: what failed, for which account, and what to check. */
export function describeImapError(error: unknown, account: MailAccount): MailError {
  if (error instanceof MailError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ImapErrorShape;
  const code = typeof e.code === 'string' ? e.code : '';
  const where = `${account.host}:${portOf(account)}`;
  if (e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new MailError('auth', `${where} refused the login for ${account.user}: check the user name and password (an app password for Gmail and Fastmail)`);
  }
  // imapflow 2.10 says a missing mailbox with code NotFound after checking with LIST (Dovecot's NO carries no [NONEXISTENT]).
  if (e.mailboxMissing === true || e.serverResponseCode === 'NONEXISTENT' || code === 'NotFound') return new MailError('mailbox', `there is no mailbox "${account.mailbox}" on ${where}`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new MailError('dns', `the name ${account.host} could not be looked up (${code === 'EAI_AGAIN' ? 'no answer from DNS' : 'no such host'})`);
  if (code === 'ECONNREFUSED') return new MailError('refused', `${where} refused the connection: is the server running, and is the port right?`);
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || code === 'CONNECT_TIMEOUT' || code === 'GREETING_TIMEOUT') return new MailError('timeout', `${where} did not answer in time`);
  if (e.tlsFailed === true || /CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
    return new MailError('tls', `the TLS handshake with ${where} failed (${code || 'no detail'}): check the port and security setting, or trust the server's certificate (NODE_EXTRA_CA_CERTS)`);
  }
  if (code === 'NoConnection' || code === 'EConnectionClosed' || code === 'ECONNRESET' || code === 'EPIPE') return new MailError('connection', `the connection to ${where} was lost`);
  // Unknown: the code if there is one, never the server's free text (it can quote what was sent).
  return new MailError('connection', `the connection to ${where} failed${code ? ` (${code})` : ''}`);
}
