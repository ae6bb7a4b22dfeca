// Mail accounts in the settings (PRODUCT.md §3.4): each account with where it logs in, what it
// watches, where its password comes from and how its watch is going (its status line
// `mail:<name>`); Add and Edit open the form in place, Remove asks first, as tokens do.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultMailPort, mailName } from '../../../../main/core/mailSettings.ts';
import { isTroubled, STORED_PASSWORD } from '../../../../preload/contract.ts';
import type { MailAccountView } from '../../store/slices/mail/action.ts';
import { useDashboard } from '../../store/context.tsx';
import { MailAccountForm } from './MailAccountForm.tsx';

const NONE: readonly MailAccountView[] = [];

/** Which form is open: a new account, or the one at this place in the list. */
type Editing = { kind: 'new' } | { kind: 'edit'; name: string } | null;

function Health({ name }: { name: string }) {
  const { t } = useTranslation();
  const health = useDashboard((s) => s.status?.sources.find((source) => source.name === mailName(name)));
  if (!health) return null;
  // A trouble is named first ("Working in part — retrying in 30 s: …"); otherwise the watcher's own words say it best ("connected, watching INBOX").
  const troubled = isTroubled(health);
  return (
    <p className={`mail-health ${health.state}`}>
      {troubled || !health.detail ? <span className="state">{t(`mail.health.${health.state}`)}</span> : null}
      {troubled && health.detail ? ' — ' : null}
      {health.detail ?? null}
    </p>
  );
}

function AccountRow({ account, onEdit, onRemoved }: { account: MailAccountView; onEdit(): void; onRemoved(name: string): void }) {
  const { t } = useTranslation();
  const busy = useDashboard((s) => s.mailBusy);
  const remove = useDashboard((s) => s.removeMailAccount);
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const password = account.passwordCommand ? t('mail.passwordFromCommand') : account.password === STORED_PASSWORD ? t('mail.passwordStored') : t('mail.passwordMissing');
  return (
    <li className="mail-account">
      <div className="mail-account-head">
        <h3>{account.name}</h3>
        {confirming ? (
          <div className="revoke-confirm" role="group" aria-label={t('mail.removeNamed', { name: account.name })} onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
            <span>{t('mail.confirmRemove', { name: account.name })}</span>
            <button type="button" className="primary" disabled={busy} onClick={() => void remove(account).then((ok) => ok && onRemoved(account.name))}>
              {t('mail.remove')}
            </button>
            <button type="button" ref={keep} onClick={() => setConfirming(false)}>
              {t('mail.keep')}
            </button>
          </div>
        ) : (
          <span className="control">
            <button type="button" onClick={onEdit} aria-label={t('mail.editNamed', { name: account.name })}>
              {t('mail.edit')}
            </button>
            <button type="button" onClick={() => setConfirming(true)} aria-label={t('mail.removeNamed', { name: account.name })}>
              {t('mail.remove')}
            </button>
          </span>
        )}
      </div>
      <p className="mail-where">
        {t('mail.where', { user: account.user, host: account.host, port: account.port ?? defaultMailPort(account.security) })} · {t(`mail.securityOption.${account.security}`)} · {t('mail.mailboxLine', { mailbox: account.mailbox })}
      </p>
      <p className={`mail-secret${account.passwordCommand || account.password === STORED_PASSWORD ? '' : ' missing'}`}>{password}</p>
      <Health name={account.name} />
    </li>
  );
}

export function MailSection() {
  const { t } = useTranslation();
  const accounts = useDashboard((s) => s.settings?.sources.mail ?? NONE);
  const [editing, setEditing] = useState<Editing>(null);
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const done = (message: string): void => {
    setEditing(null);
    setSaid(message);
    requestAnimationFrame(() => (message ? heading.current : add.current)?.focus());
  };
  const newIndex = accounts.length;
  return (
    <>
      <p>{t('mail.intro')}</p>
      <section aria-labelledby="mail-list-title" className="mail-list">
        <h3 id="mail-list-title" ref={heading} tabIndex={-1} className="sr-only">
          {t('mail.list')}
        </h3>
        <p role="status" className="hint">
          {said}
        </p>
        {accounts.length === 0 && editing?.kind !== 'new' ? <p className="empty">{t('mail.none')}</p> : null}
        <ul>
          {accounts.map((account, index) =>
            editing?.kind === 'edit' && editing.name === account.name ? (
              <li key={account.name} className="mail-account editing">
                <MailAccountForm account={account} index={index} onDone={(saved) => done(saved ? t('mail.saved', { name: saved }) : '')} />
              </li>
            ) : (
              <AccountRow
                key={account.name}
                account={account}
                onEdit={() => {
                  setSaid('');
                  setEditing({ kind: 'edit', name: account.name });
                }}
                onRemoved={(name) => done(t('mail.removed', { name }))}
              />
            ),
          )}
        </ul>
      </section>
      {editing?.kind === 'new' ? (
        <div className="mail-account editing">
          <MailAccountForm account={null} index={newIndex} onDone={(saved) => done(saved ? t('mail.saved', { name: saved }) : '')} />
        </div>
      ) : (
        <button
          type="button"
          ref={add}
          className="add-mail"
          disabled={editing !== null}
          onClick={() => {
            setSaid('');
            setEditing({ kind: 'new' });
          }}
        >
          {t('mail.add')}
        </button>
      )}
    </>
  );
}
