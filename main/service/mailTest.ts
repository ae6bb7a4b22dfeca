// The "Test" button of a mail account (`mail:test`): the password typed in the form, or else the
// account's own (passwordCommand or secret store), then a probe of its mailbox. Every failure is an
// answer with its kind, never a thrown error, and no answer carries the password.
import type { MailAccount } from '../core/mailSettings.ts';
import { logger } from '../log.ts';
import { describeImapError, MailError, passwordOf, type PasswordSources } from '../sources/mail/connect.ts';
import { probeMailAccount } from '../sources/mail/probe.ts';
import type { MailTestResult } from '../../preload/contract.ts';

const log = logger('mail-test');

export interface MailTestDeps extends PasswordSources {
  /** The probe (a real IMAP login); tests of the transports may give their own. */
  probe?: typeof probeMailAccount;
}

export async function testMailAccount(account: MailAccount, typed: string | undefined, deps: MailTestDeps): Promise<MailTestResult> {
  const probe = deps.probe ?? probeMailAccount;
  try {
    const password = typed ?? (await passwordOf(account, deps));
    const { mailbox, messages } = await probe(account, password);
    log.info({ account: account.name, messages }, 'mail account test: connected');
    return { ok: true, mailbox, messages };
  } catch (error) {
    const failure = error instanceof MailError ? error : describeImapError(error, account);
    log.info({ account: account.name, kind: failure.kind }, 'mail account test failed');
    return { ok: false, kind: failure.kind, message: failure.message };
  }
}
