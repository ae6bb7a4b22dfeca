// The two lists of times: batch times (HH:MM) and recurring focus blocks (weekdays, start–end).
// The list is edited in place and saved whole when a field is left or a row is added or removed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../main/core/settings.ts';
import { EntryError, useField, Weekdays } from './fields.tsx';

export function BatchTimes({ value }: { value: readonly string[] }) {
  const { t } = useTranslation();
  const { error, save } = useField('batchTimes');
  const [draft, setDraft] = useState<string[]>([...value]);
  // Follow main by content: the same list arriving again (answer, then event) keeps an edit in progress.
  const joined = value.join(',');
  useEffect(() => setDraft(joined ? joined.split(',') : []), [joined]);
  const commit = (next: string[]): void => {
    setDraft(next);
    if (next.join() !== value.join()) void save({ batchTimes: next });
  };
  return (
    <fieldset className="time-list">
      <legend>{t('settings.batchTimes')}</legend>
      <ul>
        {draft.map((time, i) => (
          <li key={i}>
            <input
              type="time"
              aria-label={t('settings.batchTimeN', { n: i + 1 })}
              value={time}
              onChange={(e) => setDraft(draft.map((x, j) => (j === i ? e.target.value : x)))}
              onBlur={() => commit(draft)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit(draft);
              }}
              aria-invalid={!!error}
            />
            <button type="button" className="quiet" onClick={() => commit(draft.filter((_, j) => j !== i))} aria-label={t('settings.removeBatchTime', { time: time || '—' })}>
              {t('common.remove')}
            </button>
            <EntryError path={`batchTimes.${i}`} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDraft([...draft, ''])}>
        {t('settings.addBatchTime')}
      </button>
      <EntryError path="batchTimes" exact />
    </fieldset>
  );
}

type Rule = Settings['schedule'][number];

export function ScheduleRules({ value }: { value: readonly Rule[] }) {
  const { t } = useTranslation();
  const { save } = useField('schedule');
  const [draft, setDraft] = useState<Rule[]>(value.map((r) => ({ ...r })));
  const serial = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(serial) as Rule[]), [serial]);
  const commit = (next: Rule[]): void => {
    setDraft(next);
    if (JSON.stringify(next) !== JSON.stringify(value)) void save({ schedule: next });
  };
  const update = (i: number, change: Partial<Rule>): Rule[] => draft.map((r, j) => (j === i ? { ...r, ...change } : r));
  return (
    <fieldset className="rules-list">
      <legend>{t('settings.schedule')}</legend>
      <ul>
        {draft.map((rule, i) => (
          <li key={i} className="rule">
            <Weekdays legend={t('settings.blockN', { n: i + 1 })} value={rule.weekdays} onChange={(weekdays) => commit(update(i, { weekdays }))} />
            <label>
              {t('settings.from')}
              <input type="time" value={rule.start} onChange={(e) => setDraft(update(i, { start: e.target.value }))} onBlur={() => commit(draft)} />
            </label>
            <label>
              {t('settings.to')}
              <input type="time" value={rule.end} onChange={(e) => setDraft(update(i, { end: e.target.value }))} onBlur={() => commit(draft)} />
            </label>
            <button type="button" className="quiet" onClick={() => commit(draft.filter((_, j) => j !== i))} aria-label={t('settings.removeBlock', { n: i + 1 })}>
              {t('common.remove')}
            </button>
            <EntryError path={`schedule.${i}`} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => commit([...draft, { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }])}>
        {t('settings.addBlock')}
      </button>
      <EntryError path="schedule" exact />
    </fieldset>
  );
}
