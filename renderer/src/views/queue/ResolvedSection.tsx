// "Resolved while you focused" (PRODUCT.md §2): what its source took back while it was held, with
// a count, apart from the batch and read-only (there is nothing left to do with it).
import { useTranslation } from 'react-i18next';
import { clockTime } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useCommon } from '../../store/context.tsx';

export function ResolvedSection() {
  const { t } = useTranslation();
  const ctx = useLocale();
  const resolved = useCommon((s) => s.resolved);
  if (resolved.length === 0) return null;
  return (
    <section className="card resolved" aria-labelledby="resolved-title">
      <h2 id="resolved-title">{t('resolved.title')}</h2>
      <p>
        <span className="count">{t('resolved.count', { count: resolved.length })}</span> <span className="hint">{t('resolved.hint')}</span>
      </p>
      <ul className="resolved-list" aria-label={t('resolved.listLabel')}>
        {resolved.map((item) => (
          <li key={item.id}>
            <span className="qtitle">{item.title || t('queue.erased')}</span>
            <span className="qmeta">
              {[item.sender, item.source].filter(Boolean).join(' · ')} · <time dateTime={item.receivedAt}>{clockTime(item.receivedAt, ctx)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
