// The end-of-block review window (PRODUCT.md §1.2): what was released, grouped by source then
// sender, dealt with from the keyboard.
import { useTranslation } from 'react-i18next';
import { clockTime, relativeTime } from '../format/time.ts';
import { useLocale } from '../components/Locale.tsx';
import { NoticeBar } from '../components/NoticeBar.tsx';
import { useCommon } from '../store/context.tsx';
import { statusSelectors } from '../store/slices/status/selectors.ts';
import { QueueTree } from './queue/QueueTree.tsx';

export function ReviewApp() {
  const { t } = useTranslation();
  const ctx = useLocale();
  const next = useCommon(statusSelectors.nextBatchAt);
  const now = useCommon((s) => s.now);
  return (
    <main className="review">
      <header className="review-head">
        <h1>{t('review.title')}</h1>
        <p className="hint">{next ? t('review.snoozeHint', { time: clockTime(next, ctx), relative: relativeTime(next, now, ctx.locale) }) : t('review.snoozeHintNone')}</p>
      </header>
      <NoticeBar />
      <QueueTree label={t('review.listLabel')} empty={t('review.empty')} />
    </main>
  );
}
