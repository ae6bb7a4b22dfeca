// The state at a glance: idle, or focusing until 11:30; the next batch; how many are held; and
// the focus commands (start for 25/50/90 min or until the next batch, end now, release, skip today).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusRequestSchema, LIMITS } from '../../../../preload/contract.ts';
import { clockTime, relativeTime } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useDashboard, useDashboardShallow } from '../../store/context.tsx';
import { statusSelectors } from '../../store/slices/status/selectors.ts';

const PRESETS = [25, 50, 90] as const;

export function StatusCard({ customFocus = false }: { customFocus?: boolean }) {
  const { t } = useTranslation();
  const ctx = useLocale();
  const { status, now, busy } = useDashboardShallow((s) => ({ status: s.status, now: s.now, busy: s.statusBusy }));
  const actions = useDashboardShallow((s) => ({ startFocus: s.startFocus, stopFocus: s.stopFocus, skipToday: s.skipToday, releaseNow: s.releaseNow }));
  const focusing = useDashboard(statusSelectors.isFocusing);
  const [custom, setCustom] = useState('');
  if (!status) return null;
  const endsAt = status.block?.endsAt;
  const next = status.nextBatchAt;
  const customMinutes = Number(custom);
  // The contract's own check, so the button is enabled exactly when main would take the request.
  const customValid = focusRequestSchema.safeParse({ minutes: customMinutes }).success;

  return (
    <section className={`card status ${focusing ? 'focusing' : 'idle'}`} aria-labelledby="status-title">
      <h2 id="status-title" className="state">
        {focusing && endsAt ? t('status.focusingUntil', { time: clockTime(endsAt, ctx) }) : t('status.idle')}
      </h2>
      <p className="next">{next ? t('status.nextBatch', { time: clockTime(next, ctx), relative: relativeTime(next, now, ctx.locale) }) : t('status.noNextBatch')}</p>
      <p className="held">{t('status.held', { count: status.held })}</p>
      <div className="actions">
        {focusing ? (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void actions.stopFocus()}>
              {t('status.endFocus')}
            </button>
            <button type="button" disabled={busy || status.held === 0} onClick={() => void actions.releaseNow()}>
              {t('status.releaseNow')}
            </button>
          </>
        ) : (
          <>
            {PRESETS.map((minutes) => (
              <button key={minutes} type="button" className={minutes === 50 ? 'primary' : ''} disabled={busy} onClick={() => void actions.startFocus({ minutes })}>
                {t('status.focusFor', { minutes })}
              </button>
            ))}
            <button type="button" disabled={busy || !next} onClick={() => void actions.startFocus({ until: 'next-batch' })}>
              {t('status.untilNextBatch')}
            </button>
            <form
              className="custom"
              onSubmit={(e) => {
                e.preventDefault();
                if (customValid) void actions.startFocus({ minutes: customMinutes });
              }}
            >
              <label>
                {t('status.customMinutes')}
                <input type="number" min={LIMITS.focusMinutes.min} max={LIMITS.focusMinutes.max} inputMode="numeric" autoFocus={customFocus} value={custom} onChange={(e) => setCustom(e.target.value)} aria-invalid={custom !== '' && !customValid} />
              </label>
              <button type="submit" disabled={busy || !customValid}>
                {t('status.start')}
              </button>
            </form>
          </>
        )}
        <button type="button" className="quiet" disabled={busy} onClick={() => void actions.skipToday()}>
          {t('status.skipToday')}
        </button>
      </div>
    </section>
  );
}
