// Tokens for tools (PRODUCT.md §4): make a notify-only token by name, see it once with examples,
// list the tokens (never a secret) with when each was made and last used, and revoke one after
// a confirmation that the keyboard reaches as easily as the mouse.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../main/core/vocabulary.ts';
import { tokenNameSchema, type TokenDto } from '../../../../preload/contract.ts';
import { useLocale } from '../../components/Locale.tsx';
import { dateAndTime, relativeTime, type TimeContext } from '../../format/time.ts';
import { useDashboard, useDashboardShallow } from '../../store/context.tsx';
import { baseUrlFor } from './tokenExamples.ts';
import { TokenMade } from './TokenMade.tsx';

/** The name's fault in the user's words, checked with the contract's own schema; null when fine. */
function nameFault(name: string): { key: string; n?: number } | null {
  const parsed = tokenNameSchema.safeParse(name);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_small') return { key: 'tokens.nameEmpty' };
  if (issue?.code === 'too_big') return { key: 'tokens.nameTooLong', n: LIMITS.source };
  return { key: 'tokens.namePrintable' };
}

/** "5 min ago" within the last hour and a half, else the date and time. */
function when(iso: string, now: number, ctx: TimeContext): string {
  return Math.abs(now - Date.parse(iso)) <= 90 * 60_000 ? relativeTime(iso, now, ctx.locale) : dateAndTime(iso, ctx);
}

function MakeToken() {
  const { t } = useTranslation();
  const { busy, refusal } = useDashboardShallow((s) => ({ busy: s.tokenBusy, refusal: s.tokenRefusal }));
  const makeToken = useDashboard((s) => s.makeToken);
  const clearRefusal = useDashboard((s) => s.clearTokenRefusal);
  const [name, setName] = useState('');
  const [fault, setFault] = useState<{ key: string; n?: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = nameFault(name);
    setFault(found);
    if (found) return input.current?.focus();
    if (await makeToken(name.trim())) setName('');
    else input.current?.focus();
  };
  const error = fault ? t(fault.key, { n: fault.n }) : refusal ? (refusal.code === 'conflict' ? t('tokens.taken', { name: name.trim() }) : refusal.message) : null;
  return (
    <form className="make-token" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor="token-name">{t('tokens.name')}</label>
        <span className="control">
          <input
            id="token-name"
            ref={input}
            value={name}
            maxLength={LIMITS.source}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              setName(e.target.value);
              setFault(null);
              if (refusal) clearRefusal();
            }}
            aria-invalid={!!error}
            aria-describedby={error ? 'token-name-h token-name-e' : 'token-name-h'}
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('tokens.make')}
          </button>
        </span>
        <span id="token-name-h" className="hint">
          {t('tokens.nameHint')}
        </span>
        {error ? (
          <span id="token-name-e" className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function TokenRow({ token, confirming, onConfirm, onCancel, onRevoke }: { token: TokenDto; confirming: boolean; onConfirm(): void; onCancel(): void; onRevoke(): void }) {
  const { t } = useTranslation();
  const ctx = useLocale();
  const now = useDashboard((s) => s.now);
  const busy = useDashboard((s) => s.tokenBusy);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>
        <time dateTime={token.createdAt}>{when(token.createdAt, now, ctx)}</time>
      </td>
      <td>{token.lastUsedAt ? <time dateTime={token.lastUsedAt}>{when(token.lastUsedAt, now, ctx)}</time> : t('tokens.never')}</td>
      <td>
        {confirming ? (
          <div
            className="revoke-confirm"
            role="group"
            aria-label={t('tokens.revokeNamed', { name: token.name })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onCancel();
            }}
          >
            <span>{t('tokens.confirm', { name: token.name })}</span>
            <button type="button" className="primary" disabled={busy} onClick={onRevoke}>
              {t('tokens.revoke')}
            </button>
            <button type="button" ref={keep} onClick={onCancel}>
              {t('tokens.keep')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={onConfirm} aria-label={t('tokens.revokeNamed', { name: token.name })}>
            {t('tokens.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

function TokenList() {
  const { t } = useTranslation();
  const tokens = useDashboard((s) => s.tokens);
  const revokeToken = useDashboard((s) => s.revokeToken);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const revoke = async (token: TokenDto): Promise<void> => {
    if (await revokeToken(token.id)) setRevoked(t('tokens.revoked', { name: token.name }));
    setConfirming(null);
    heading.current?.focus();
  };
  return (
    <section aria-labelledby="token-list-title" className="token-list">
      <h3 id="token-list-title" ref={heading} tabIndex={-1}>
        {t('tokens.list')}
      </h3>
      <p role="status" className="hint">
        {revoked ?? ''}
      </p>
      {tokens === null ? null : tokens.length === 0 ? (
        <p className="empty">{t('tokens.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="sr-only">{t('tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  confirming={confirming === token.id}
                  onConfirm={() => {
                    setRevoked(null);
                    setConfirming(token.id);
                  }}
                  onCancel={() => setConfirming(null)}
                  onRevoke={() => void revoke(token)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function TokensSection() {
  const { t } = useTranslation();
  const { made, port } = useDashboardShallow((s) => ({ made: s.tokenMade, port: s.settings?.api.port ?? 0 }));
  const loadTokens = useDashboard((s) => s.loadTokens);
  const forget = useDashboard((s) => s.forgetTokenMade);
  const notify = useDashboard((s) => s.notify);
  useEffect(() => {
    loadTokens().catch((error: unknown) => notify({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
    // Leaving the settings forgets the secret: it is shown once.
    return forget;
  }, [loadTokens, forget, notify]);
  return (
    <>
      <p>{t('tokens.intro')}</p>
      <p className="hint">{t('tokens.scope')}</p>
      <MakeToken />
      {made ? <TokenMade made={made} baseUrl={baseUrlFor(window.location, port)} onDone={forget} /> : null}
      <TokenList />
    </>
  );
}
