// One mail account, added or edited (PRODUCT.md §3.4): where to log in, how (security, password
// or a password command), what to watch, and a link to open a message in webmail. "Test" asks
// main to log in as the form stands; "Save" writes the account to the settings and a typed
// password to the secret store. The password is write-only: kept in the input alone (never in
// React state or a DOM attribute), and once stored it shows as "Stored" with a Change button.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultMailPort, mailSecuritySchema, type MailSecurity } from '../../../../main/core/mailSettings.ts';
import { STORED_PASSWORD } from '../../../../preload/contract.ts';
import { useLocale } from '../../components/Locale.tsx';
import type { MailAccountInput, MailAccountView, MailTestOutcome } from '../../store/slices/mail/action.ts';
import { useDashboard } from '../../store/context.tsx';
import { joinCommandLine, splitCommandLine } from './commandLine.ts';
import { asNumber, FieldError } from './fields.tsx';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#search/rfc822msgid%3A{messageId}';

type Webmail = 'none' | 'gmail' | 'custom';
type PasswordFrom = 'stored' | 'command';
type Field = 'name' | 'host' | 'port' | 'security' | 'user' | 'password' | 'passwordCommand' | 'mailbox' | 'webUrl';

interface Draft {
  name: string;
  host: string;
  port: string;
  security: MailSecurity;
  user: string;
  passwordFrom: PasswordFrom;
  command: string;
  mailbox: string;
  webmail: Webmail;
  webUrl: string;
}

function draftOf(account: MailAccountView | null): Draft {
  return {
    name: account?.name ?? '',
    host: account?.host ?? '',
    port: account?.port === undefined ? '' : String(account.port),
    security: account?.security ?? 'tls',
    user: account?.user ?? '',
    passwordFrom: account?.passwordCommand ? 'command' : 'stored',
    command: account?.passwordCommand ? joinCommandLine(account.passwordCommand) : '',
    mailbox: account?.mailbox ?? 'INBOX',
    webmail: account?.webUrl === undefined ? 'none' : account.webUrl === GMAIL_URL ? 'gmail' : 'custom',
    webUrl: account?.webUrl ?? '',
  };
}

function accountOf(d: Draft): MailAccountInput {
  const argv = splitCommandLine(d.command);
  const webUrl = d.webmail === 'gmail' ? GMAIL_URL : d.webmail === 'custom' ? d.webUrl.trim() : '';
  return {
    name: d.name.trim(),
    host: d.host.trim(),
    // Not a number: sent as typed, and the schema names the field.
    ...(d.port.trim() !== '' && { port: asNumber(d.port) as number }),
    security: d.security,
    user: d.user.trim(),
    ...(d.passwordFrom === 'command' && argv.ok && argv.argv.length > 0 && { passwordCommand: argv.argv }),
    mailbox: d.mailbox.trim() || 'INBOX',
    ...(webUrl !== '' && { webUrl }),
  };
}

/** The refusal of one field: this form's own check first, then the settings check's (here or main's), then the last test's. */
function useErrors(index: number, local: Partial<Record<Field, string>>, tested: Partial<Record<string, string>>) {
  const fieldErrors = useDashboard((s) => s.fieldErrors);
  const saved = (path: string): string | undefined => Object.entries(fieldErrors).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
  return {
    of: (field: Field): string | undefined => local[field] ?? saved(`sources.mail.${index}.${field}`) ?? tested[field],
    /** A refusal of the account or the list as a whole (too many accounts). */
    whole: fieldErrors[`sources.mail.${index}`] ?? fieldErrors['sources.mail'],
  };
}

export function MailAccountForm({ account, index, onDone }: { account: MailAccountView | null; index: number; onDone(saved: string | null): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const save = useDashboard((s) => s.saveMailAccount);
  const test = useDashboard((s) => s.testMailAccount);
  const forget = useDashboard((s) => s.forgetMailErrors);
  const busy = useDashboard((s) => s.mailBusy);
  const secretRefusal = useDashboard((s) => s.mailSecretRefusal);
  const [draft, setDraft] = useState(() => draftOf(account));
  const stored = account?.password === STORED_PASSWORD;
  const [changing, setChanging] = useState(!stored);
  const [typed, setTyped] = useState(false);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [tested, setTested] = useState<Partial<Record<string, string>>>({});
  const [outcome, setOutcome] = useState<MailTestOutcome | null>(null);
  const [testing, setTesting] = useState(false);
  const password = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const errors = useErrors(index, local, tested);
  const errorOf = errors.of;
  const argv = splitCommandLine(draft.command);

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
    setOutcome(null);
  };
  /** The password typed now, if any (read from the input, never kept in state). */
  const typedPassword = (): string | undefined => (draft.passwordFrom === 'stored' && changing && password.current?.value ? password.current.value : undefined);

  /** What this form refuses before asking main: the command's quoting, a missing password. */
  const check = (forSave: boolean): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (draft.passwordFrom === 'command') {
      if (!argv.ok) found.passwordCommand = t(argv.error === 'unclosed-quote' ? 'mail.commandQuote' : 'mail.commandBackslash');
      else if (argv.argv.length === 0) found.passwordCommand = t('mail.commandEmpty');
    } else if (forSave && typedPassword() === undefined) {
      if (!stored) found.password = t('mail.passwordEmpty');
      else if (account && draft.name.trim() !== account.name) found.password = t('mail.passwordRenamed');
    }
    return found;
  };
  const focusFirstInvalid = (): void => {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const runTest = async (): Promise<void> => {
    if (testing || busy) return;
    const found = check(false);
    setLocal(found);
    setTested({});
    setOutcome(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    setTesting(true);
    try {
      const result = await test(accountOf(draft), typedPassword());
      if (result.kind === 'invalid') {
        setTested(Object.fromEntries(result.fields.map((f) => [f.field.replace(/^account\./, ''), f.message])));
        focusFirstInvalid();
      }
      setOutcome(result);
    } finally {
      setTesting(false);
    }
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = check(true);
    setLocal(found);
    setTested({});
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    const secret = typedPassword();
    const ok = await save({ index: account ? index : null, previous: account, account: accountOf(draft), ...(secret !== undefined && { password: secret }) });
    if (ok) {
      if (password.current) password.current.value = '';
      onDone(draft.name.trim());
    } else focusFirstInvalid();
  };

  const cancel = (): void => {
    forget();
    onDone(null);
  };

  const port = String(defaultMailPort(draft.security));
  const title = account ? t('mail.formEdit', { name: account.name }) : t('mail.formNew');
  return (
    <form ref={form} className="mail-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && cancel()} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      <Text id={`${id}-name`} label={t('mail.name')} hint={t('mail.nameHint', { name: draft.name.trim() || '…' })} value={draft.name} error={errorOf('name')} onChange={(v) => edit('name', v)} autoFocus />
      <div className="pair">
        <Text id={`${id}-host`} label={t('mail.host')} hint={t('mail.hostHint')} value={draft.host} error={errorOf('host')} onChange={(v) => edit('host', v)} />
        <Text id={`${id}-port`} label={t('mail.port')} hint={t('mail.portHint', { port })} value={draft.port} placeholder={port} inputMode="numeric" error={errorOf('port')} onChange={(v) => edit('port', v)} narrow />
      </div>
      <div className="field">
        <label htmlFor={`${id}-security`}>{t('mail.security')}</label>
        <select id={`${id}-security`} value={draft.security} onChange={(e) => edit('security', mailSecuritySchema.parse(e.target.value))} aria-invalid={!!errorOf('security')} aria-describedby={describe(`${id}-security`, errorOf('security'), true)}>
          {mailSecuritySchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`mail.securityOption.${s}`)}
            </option>
          ))}
        </select>
        <span id={`${id}-security-h`} className="hint">
          {t(`mail.securityHint.${draft.security}`)}
        </span>
        <FieldError id={`${id}-security-e`} error={errorOf('security')} />
      </div>
      <Text id={`${id}-user`} label={t('mail.user')} hint={t('mail.userHint')} value={draft.user} error={errorOf('user')} onChange={(v) => edit('user', v)} autoComplete="username" />
      <fieldset className="mail-password">
        <legend>{t('mail.passwordSource')}</legend>
        <div className="choices">
          {(['stored', 'command'] as const).map((from) => (
            <label key={from}>
              <input type="radio" name={`${id}-from`} value={from} checked={draft.passwordFrom === from} onChange={() => edit('passwordFrom', from)} />
              {t(`mail.passwordFrom.${from}`)}
            </label>
          ))}
        </div>
        {draft.passwordFrom === 'stored' ? (
          !changing ? (
            <div className="field">
              <span className="control">
                <span id={`${id}-stored`} className="stored">
                  {t('mail.passwordStoredNow')}
                </span>
                <button type="button" aria-describedby={`${id}-stored`} onClick={() => (setChanging(true), requestAnimationFrame(() => password.current?.focus()))}>
                  {t('mail.change')}
                </button>
              </span>
              <FieldError id={`${id}-password-e`} error={errorOf('password') ?? secretRefusal ?? undefined} />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-password`}>{t('mail.password')}</label>
              <span className="control">
                <input
                  id={`${id}-password`}
                  ref={password}
                  type="password"
                  autoComplete="new-password"
                  spellCheck={false}
                  onChange={(e) => {
                    setTyped(e.target.value !== '');
                    setOutcome(null);
                  }}
                  aria-invalid={!!(errorOf('password') ?? secretRefusal)}
                  aria-describedby={describe(`${id}-password`, errorOf('password') ?? secretRefusal, true)}
                />
                {stored ? (
                  <button type="button" onClick={() => (setChanging(false), setTyped(false))}>
                    {t('mail.keepStored')}
                  </button>
                ) : null}
              </span>
              <span id={`${id}-password-h`} className="hint">
                {typed || !stored ? t('mail.passwordHint') : t('mail.passwordKeepHint')}
              </span>
              <FieldError id={`${id}-password-e`} error={errorOf('password') ?? secretRefusal ?? undefined} />
            </div>
          )
        ) : (
          <div className="field">
            <label htmlFor={`${id}-command`}>{t('mail.command')}</label>
            <input
              id={`${id}-command`}
              className="mono"
              value={draft.command}
              placeholder="pass show mail/work"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => edit('command', e.target.value)}
              aria-invalid={!!errorOf('passwordCommand')}
              aria-describedby={`${describe(`${id}-command`, errorOf('passwordCommand'), true) ?? ''} ${id}-argv`.trim()}
            />
            <span id={`${id}-command-h`} className="hint">
              {t('mail.commandHint')}
            </span>
            <div id={`${id}-argv`} className="argv" aria-live="polite">
              {argv.ok && argv.argv.length > 0 ? (
                <>
                  <span className="hint">{t('mail.commandArgv', { count: argv.argv.length })}</span>
                  <ol>
                    {argv.argv.map((word, i) => (
                      <li key={i}>
                        <code>{word === '' ? '""' : word}</code>
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
            </div>
            <FieldError id={`${id}-command-e`} error={errorOf('passwordCommand')} />
          </div>
        )}
      </fieldset>
      <Text id={`${id}-mailbox`} label={t('mail.mailbox')} hint={t('mail.mailboxHint')} value={draft.mailbox} error={errorOf('mailbox')} onChange={(v) => edit('mailbox', v)} />
      <div className="field">
        <label htmlFor={`${id}-webmail`}>{t('mail.webmail')}</label>
        <select id={`${id}-webmail`} value={draft.webmail} onChange={(e) => edit('webmail', e.target.value as Webmail)} aria-describedby={draft.webmail === 'gmail' ? `${id}-webmail-h` : undefined}>
          {(['none', 'gmail', 'custom'] as const).map((w) => (
            <option key={w} value={w}>
              {t(`mail.webmailOption.${w}`)}
            </option>
          ))}
        </select>
        {draft.webmail === 'gmail' ? (
          <span id={`${id}-webmail-h`} className="hint">
            {t('mail.gmailHint')}
          </span>
        ) : null}
        {draft.webmail !== 'custom' ? <FieldError id={`${id}-webmail-e`} error={errorOf('webUrl')} /> : null}
      </div>
      {draft.webmail === 'custom' ? (
        <Text id={`${id}-weburl`} label={t('mail.webUrl')} hint={t('mail.webUrlHint')} value={draft.webUrl} placeholder="https://webmail.example.com/search?q={messageId}" error={errorOf('webUrl')} onChange={(v) => edit('webUrl', v)} mono />
      ) : null}
      <FieldError id={`${id}-whole-e`} error={errors.whole} />
      <div className="mail-actions">
        {/* Not disabled while it runs: a disabled button would drop the keyboard's focus. */}
        <button type="button" onClick={() => void runTest()} aria-disabled={testing || busy}>
          {testing ? t('mail.testing') : t('mail.test')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('mail.saving') : t('mail.save')}
        </button>
        <button type="button" onClick={cancel}>
          {t('mail.cancel')}
        </button>
      </div>
      <TestOutcome outcome={outcome} locale={locale} />
    </form>
  );
}

function TestOutcome({ outcome, locale }: { outcome: MailTestOutcome | null; locale: string }) {
  const { t } = useTranslation();
  let content: ReactNode = null;
  if (outcome?.kind === 'answer' && outcome.result.ok) {
    const { messages, mailbox } = outcome.result;
    content = <span className="ok">{t('mail.connected', { count: messages, n: new Intl.NumberFormat(locale).format(messages), mailbox })}</span>;
  } else if (outcome?.kind === 'answer' && !outcome.result.ok) {
    content = (
      <>
        <strong className="failure-kind">{t(`mail.failure.${outcome.result.kind}`)}</strong> {outcome.result.message}
      </>
    );
  } else if (outcome?.kind === 'invalid') content = t('mail.testInvalid');
  else if (outcome?.kind === 'failed') content = outcome.message;
  return (
    <p className={`mail-test${outcome && !(outcome.kind === 'answer' && outcome.result.ok) ? ' failed' : ''}`} role="status" aria-live="polite">
      {content}
    </p>
  );
}

const describe = (id: string, error: unknown, hint: boolean): string | undefined => [error ? `${id}-e` : '', hint ? `${id}-h` : ''].filter(Boolean).join(' ') || undefined;

function Text(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  hint?: string;
  placeholder?: string;
  inputMode?: 'numeric';
  autoComplete?: string;
  autoFocus?: boolean;
  narrow?: boolean;
  mono?: boolean;
}) {
  const { id, label, value, onChange, error, hint, placeholder, inputMode, autoComplete = 'off', autoFocus, narrow, mono } = props;
  return (
    <div className={`field${narrow ? ' narrow' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={mono ? 'mono' : undefined}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        // The form opens on a click of Add or Edit: the first field is where the keyboard goes next.
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={describe(id, error, !!hint)}
      />
      {hint ? (
        <span id={`${id}-h`} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-e`} error={error} />
    </div>
  );
}
