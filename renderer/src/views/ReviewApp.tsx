// The end-of-block review window (PRODUCT.md §1.2, §2): the breakthroughs waiting for "was it
// urgent?", what was released (by source, then thread entry), dealt with from the keyboard, and
// apart from it what resolved itself while you focused.
import { useTranslation } from 'react-i18next';
import { clockTime, relativeTime } from '../format/time.ts';
import { useLocale } from '../components/Locale.tsx';
import { NoticeBar } from '../components/NoticeBar.tsx';
import { useCommon } from '../store/context.tsx';
import { statusSelectors } from '../store/slices/status/selectors.ts';
import { QueueTree } from './queue/QueueTree.tsx';
import { ResolvedSection } from './queue/ResolvedSection.tsx';
import { VerdictSection } from './queue/VerdictSection.tsx';

const VERDICT_KEYS = [
  ['y', 'verdicts.helpUrgent'],
  ['n', 'verdicts.helpNotUrgent'],
] as const;

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
      <VerdictSection />
      <QueueTree label={t('review.listLabel')} empty={t('review.empty')} helpKeys={VERDICT_KEYS} />
      <ResolvedSection />
    </main>
  );
}
