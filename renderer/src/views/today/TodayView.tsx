// The dashboard's first page: state and focus commands, this week's grid, the held queue as
// counts, and today's numbers.
import { useTranslation } from 'react-i18next';
import { useDashboard } from '../../store/context.tsx';
import { ScheduleNotOn } from '../ScheduleChoice.tsx';
import { StatusCard } from './StatusCard.tsx';
import { TodayStats } from './TodayStats.tsx';
import { WeekGrid } from './WeekGrid.tsx';

export function TodayView({ customFocus = false }: { customFocus?: boolean }) {
  const { t } = useTranslation();
  const held = useDashboard((s) => s.status?.held ?? 0);
  return (
    <div className="page today">
      <h1 className="sr-only">{t('nav.today')}</h1>
      <ScheduleNotOn />
      <div className="columns">
        <StatusCard customFocus={customFocus} />
        <section className="card queue-summary" aria-labelledby="queue-summary-title">
          <h2 id="queue-summary-title">{t('queue.heldTitle')}</h2>
          <p>{t('queue.heldCount', { count: held })}</p>
          <p>
            <a href="#/queue">{t('queue.openQueue')}</a> · <a href="review.html">{t('queue.openReview')}</a>
          </p>
        </section>
        <TodayStats />
      </div>
      <WeekGrid />
    </div>
  );
}
