// "Was it urgent?" in the review (PRODUCT.md §2): each breakthrough not yet answered, with two
// buttons, and `y` / `n` for the row the cursor is on (from anywhere in the window: the keys mean
// nothing else). j/k move this list's cursor while the focus is inside it. An answer can be undone.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useCommon, useCommonShallow } from '../../store/context.tsx';
import { verdictSelectors } from '../../store/slices/verdicts/action.ts';
import { isTyping } from './useQueueKeys.ts';

const domSafe = (s: string): string => s.replace(/[^\w-]/g, '_');

export function VerdictSection() {
  const { t } = useTranslation();
  const ctx = useLocale();
  const rows = useCommon(verdictSelectors.rows);
  const active = useCommon((s) => s.verdictActive);
  const pending = useCommon((s) => s.verdictPending);
  const a = useCommonShallow((s) => ({ judge: s.judge, moveVerdict: s.moveVerdict, setVerdictActive: s.setVerdictActive, undo: s.undo, flushVerdict: s.flushVerdict, helpOpen: s.helpOpen }));

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || a.helpOpen || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== 'y' && event.key !== 'n') return;
      a.judge(event.key === 'y');
      event.preventDefault();
    };
    const onHide = (): void => void a.flushVerdict();
    document.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', onHide);
    };
  }, [a]);

  if (rows.length === 0 && !pending) return null;
  return (
    <section
      className="card verdicts"
      aria-labelledby="verdicts-title"
      onKeyDown={(e) => {
        // Inside this list j/k move its own cursor; the queue's keys see the event as handled.
        const delta = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
        if (delta === 0 || e.ctrlKey || e.metaKey || e.altKey) return;
        a.moveVerdict(delta);
        e.preventDefault();
      }}
    >
      <h2 id="verdicts-title">
        {t('verdicts.title')} <span className="qcount">{t('verdicts.count', { count: rows.length })}</span>
      </h2>
      <p className="hint">{t('verdicts.hint')}</p>
      {rows.length > 0 && (
        <ul className="verdict-list" aria-label={t('verdicts.listLabel')}>
          {rows.map((item) => {
            const on = item.id === active;
            const titleId = `v-${domSafe(item.id)}`;
            return (
              <li
                key={item.id}
                className={`verdict${on ? ' active' : ''}`}
                aria-current={on ? 'true' : undefined}
                onClick={() => a.setVerdictActive(item.id)}
                // Tabbing to a row's buttons makes it the row y / n answer.
                onFocus={() => a.setVerdictActive(item.id)}
              >
                <span className="vtext">
                  <span className="qtitle" id={titleId}>
                    {item.title || t('queue.erased')}
                  </span>
                  <span className="qmeta">
                    {[item.sender, item.source].filter(Boolean).join(' · ')} · <time dateTime={item.receivedAt}>{clockTime(item.receivedAt, ctx)}</time>
                    {item.rule ? ` · ${t('verdicts.rule', { rule: t(`rule.${item.rule}`) })}` : null}
                  </span>
                </span>
                <button type="button" aria-describedby={titleId} onClick={() => a.judge(true, item.id)}>
                  {t('verdicts.urgent')} {on ? <kbd aria-hidden="true">y</kbd> : null}
                </button>
                <button type="button" aria-describedby={titleId} onClick={() => a.judge(false, item.id)}>
                  {t('verdicts.notUrgent')} {on ? <kbd aria-hidden="true">n</kbd> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="verdict-status">
        <p className="queue-status" role="status" aria-live="polite">
          {pending ? t(pending.urgent ? 'verdicts.pending.urgent' : 'verdicts.pending.notUrgent') : null}
        </p>
        {pending ? (
          <button type="button" onClick={a.undo}>
            {t('verdicts.undo')} <kbd>u</kbd>
          </button>
        ) : null}
      </div>
    </section>
  );
}
