// The dashboard's held queue. While a block runs it shows counts, not content (PRODUCT.md §8):
// "12 held from Slack" does not pull; a sender's words would. The content shows when asked for.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboard, useDashboardShallow } from '../../store/context.tsx';
import { queueSelectors } from '../../store/slices/queue/selectors.ts';
import { statusSelectors } from '../../store/slices/status/selectors.ts';
import { QueueTree } from './QueueTree.tsx';

export function HeldQueueView() {
  const { t } = useTranslation();
  const focusing = useDashboard(statusSelectors.isFocusing);
  const held = useDashboard(statusSelectors.heldCount);
  const revealed = useDashboard((s) => s.revealed);
  const load = useDashboard((s) => s.queueLoad);
  const loadQueue = useDashboard((s) => s.loadQueue);
  const reveal = useDashboard((s) => s.reveal);
  const counts = useDashboardShallow(queueSelectors.sourceCounts);
  useEffect(() => {
    if (load === 'idle') void loadQueue();
  }, [load, loadQueue]);

  return (
    <div className="page">
      <h1>{t('queue.heldTitle')}</h1>
      {focusing && !revealed ? (
        <section className="card" aria-labelledby="counts-title">
          <h2 id="counts-title">{t('queue.heldCount', { count: held })}</h2>
          <p className="hint">{t('queue.countsOnly')}</p>
          <ul className="counts" aria-label={t('queue.bySource')}>
            {counts.map((c) => (
              <li key={c.source}>
                <span className="qname">{c.source}</span> <span className="qcount">{t('queue.groupCount', { count: c.count })}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={reveal}>
            {t('queue.reveal')}
          </button>
        </section>
      ) : (
        <QueueTree label={t('queue.heldTitle')} empty={t('queue.heldEmpty')} />
      )}
    </div>
  );
}
