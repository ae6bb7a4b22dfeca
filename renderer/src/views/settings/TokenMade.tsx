// The token just made, shown once: the secret in a read-only field with Copy, the warning that it
// will not be shown again, and ready-to-paste examples with this Lull's base URL and the token.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewTokenDto } from '../../../../preload/contract.ts';
import { CopyButton } from './CopyButton.tsx';
import { tokenExamples, type TokenExample } from './tokenExamples.ts';

function Example({ example, open }: { example: TokenExample; open: boolean }) {
  const { t } = useTranslation();
  const code = useRef<HTMLPreElement>(null);
  const label = t(`tokens.example.${example.id}`);
  const id = `token-example-${example.id}`;
  return (
    <details className="token-example" open={open} aria-labelledby={id}>
      <summary id={id}>{label}</summary>
      {/* Focusable, so a line longer than the window scrolls from the keyboard too. */}
      <pre ref={code} tabIndex={0}>
        <code>{example.text}</code>
      </pre>
      <CopyButton text={example.text} target={code} label={t('tokens.copyExample', { what: label })} />
    </details>
  );
}

export function TokenMade({ made, baseUrl, onDone }: { made: NewTokenDto; baseUrl: string; onDone(): void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const examples = useMemo(() => tokenExamples(baseUrl, made.token, made.name, { title: t('tokens.sample.title'), message: t('tokens.sample.message') }), [baseUrl, made, t]);
  // The new token is where the keyboard goes next: the user came here to copy it.
  useEffect(() => heading.current?.focus(), [made.id]);
  return (
    <section className="token-made" aria-labelledby="token-made-title">
      <h3 id="token-made-title" ref={heading} tabIndex={-1}>
        {t('tokens.madeTitle', { name: made.name })}
      </h3>
      <p className="token-once">
        <strong>{t('tokens.once')}</strong>
      </p>
      <div className="field token-secret">
        <label htmlFor="token-secret">{t('tokens.token')}</label>
        <span className="control">
          <input id="token-secret" ref={field} readOnly value={made.token} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={made.token} target={field} />
        </span>
      </div>
      <h4>{t('tokens.examples')}</h4>
      <p className="hint">{t('tokens.examplesIntro', { base: baseUrl })}</p>
      <div className="token-examples">
        {examples.map((example, i) => (
          <Example key={example.id} example={example} open={i === 0} />
        ))}
      </div>
      <button type="button" onClick={onDone}>
        {t('tokens.done')}
      </button>
    </section>
  );
}
