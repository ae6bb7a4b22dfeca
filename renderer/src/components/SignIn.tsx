// The dashboard without a session (PRODUCT.md §4): Lull answered, so this is not an error. It
// says Lull is running, how to get a sign-in link (`lull open`), and takes the owner's token
// from api.json, as Jupyter does. Signed in, the page loads again with its session cookie.
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { signIn } from '../api/signIn.ts';

type Attempt = { state: 'idle' | 'busy' | 'wrong' } | { state: 'failed'; reason: string };

export function SignIn() {
  const { t } = useTranslation();
  const id = useId();
  const [token, setToken] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ state: 'idle' });
  const linkUsed = new URLSearchParams(window.location.search).get('signin') === 'link-used';
  const message = attempt.state === 'wrong' ? t('signIn.wrongToken') : attempt.state === 'failed' ? t('signIn.failed', { reason: attempt.reason }) : '';
  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.running')}</p>
      {linkUsed ? <p className="hint">{t('signIn.linkUsed')}</p> : null}
      <p>
        <Trans i18nKey="signIn.howLink" values={{ command: 'lull open' }} components={{ code: <code /> }} />
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!token.trim()) return;
          setAttempt({ state: 'busy' });
          void signIn(token.trim()).then((result) => {
            // The page loads again, now with its session: the address keeps its route, not the link note.
            if (result.ok) window.location.replace(`${window.location.pathname}${window.location.hash}`);
            else setAttempt(result.wrongToken ? { state: 'wrong' } : { state: 'failed', reason: result.reason });
          });
        }}
      >
        <p>{t('signIn.howToken')}</p>
        <div className="sign-in-row">
          <label htmlFor={`${id}-token`}>{t('signIn.tokenLabel')}</label>
          <input
            id={`${id}-token`}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={attempt.state === 'wrong' || undefined}
            aria-describedby={`${id}-message`}
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <button type="submit" className="primary" disabled={attempt.state === 'busy'}>
            {attempt.state === 'busy' ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </div>
        <p id={`${id}-message`} className="sign-in-message" role="status">
          {message}
        </p>
      </form>
    </main>
  );
}
