// "Breakthroughs — was it urgent?" (PRODUCT.md §2): each rule's breakthroughs with their verdicts,
// and the changes suggested from them, each applied with one button and undone with the next.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyReportDto } from '../../../../preload/contract.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useDashboardShallow } from '../../store/context.tsx';
import { suggestionRows } from '../../store/slices/report/selectors.ts';

const COLUMNS = ['count', 'urgent', 'notUrgent', 'unjudged'] as const;

function VerdictTable({ report }: { report: WeeklyReportDto }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <table className="numbers-table verdicts-table">
      <caption className="sr-only">{t('report.verdicts.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.verdicts.rule')}</th>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {t(`report.verdicts.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.breakthroughs.map((row) => (
          <tr key={row.rule} data-rule={row.rule}>
            <th scope="row">{t(`rule.${row.rule}`)}</th>
            {COLUMNS.map((c) => (
              <td key={c}>{row[c].toLocaleString(locale)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Suggestions({ report }: { report: WeeklyReportDto }) {
  const { t } = useTranslation();
  const idBase = useId();
  const { applied, busy, apply, undo } = useDashboardShallow((s) => ({ applied: s.appliedSuggestions, busy: s.suggestionBusy, apply: s.applySuggestion, undo: s.undoSuggestion }));
  const rows = useMemo(() => suggestionRows(report.suggestions, applied), [report.suggestions, applied]);
  // The pressed button is replaced by its opposite: the keyboard's focus moves to it, not to the page.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  // A disabled button cannot take the focus: wait until the action has settled (busy is clear) and the row shows it.
  useEffect(() => {
    if (focusNext === null || busy !== null) return;
    const button = buttons.current.get(focusNext);
    if (button && !button.disabled) {
      button.focus();
      setFocusNext(null);
    }
  }, [focusNext, rows, busy]);

  if (!rows.length) return <p className="hint">{t('report.verdicts.noSuggestions')}</p>;
  return (
    <ul className="suggestions">
      {rows.map(({ suggestion, applied: isApplied }, index) => {
        const textId = `${idBase}-${index}`;
        const key = `${suggestion.id}:${isApplied ? 'undo' : 'apply'}`;
        const ref = (el: HTMLButtonElement | null) => void (el ? buttons.current.set(key, el) : buttons.current.delete(key));
        return (
          <li key={suggestion.id} data-suggestion={suggestion.id} className={isApplied ? 'applied' : undefined}>
            <span id={textId} className="suggestion-text">
              {suggestion.text}
            </span>
            {isApplied ? (
              <span className="suggestion-actions">
                <span className="applied-note">{t('report.verdicts.applied')}</span>
                <button
                  type="button"
                  ref={ref}
                  aria-describedby={textId}
                  disabled={busy !== null}
                  onClick={() => void undo(suggestion.id).then(() => setFocusNext(`${suggestion.id}:apply`))}
                >
                  {t('report.verdicts.undo')}
                </button>
              </span>
            ) : (
              <span className="suggestion-actions">
                <button
                  type="button"
                  ref={ref}
                  aria-describedby={textId}
                  disabled={busy !== null}
                  onClick={() => void apply(suggestion, index).then(() => setFocusNext(`${suggestion.id}:undo`))}
                >
                  {t('report.verdicts.apply')}
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function Breakthroughs({ report }: { report: WeeklyReportDto }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="verdicts" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('report.verdicts.title')}</h2>
      <p className="hint">{t('report.verdicts.hint')}</p>
      <VerdictTable report={report} />
      <h3>{t('report.verdicts.suggestions')}</h3>
      <Suggestions report={report} />
    </section>
  );
}
