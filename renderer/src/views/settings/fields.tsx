// Settings fields. Each saves on its own (a toggle at once, text when it is left or Enter is
// pressed); a refused value stays in the field with the reason beside it, and nothing is sent.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsInput } from '../../../../main/core/settings.ts';
import { weekdayName } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useCommon } from '../../store/context.tsx';
import { settingsSelectors } from '../../store/slices/settings/selectors.ts';

export type Patch = Partial<SettingsInput>;

/** aria-describedby naming only what is on screen: the refusal and the hint. */
const describedBy = (id: string, error: unknown, hint: unknown): string | undefined => [error ? `${id}-e` : '', hint ? `${id}-h` : ''].filter(Boolean).join(' ') || undefined;

/** The refusal reason for `path`, and the save action. */
export function useField(path: string, exact = false) {
  const error = useCommon(exact ? settingsSelectors.exactErrorFor(path) : settingsSelectors.errorFor(path));
  const save = useCommon((s) => s.saveSettings);
  return { error, save };
}

const REASONS: Record<string, string> = {
  'must be HH:MM (24-hour)': 'hhmm',
  'start and end must differ': 'startEnd',
  'unknown IANA time zone': 'timeZone',
  'unknown field': 'unknown',
};

/** Puts the schema's reason in the user's words where we have them; otherwise as main wrote it. */
function useReason(error: string | undefined): string | undefined {
  const { t } = useTranslation();
  if (error === undefined) return undefined;
  const known = REASONS[error];
  if (known) return t(`settings.reason.${known}`);
  const bound = /(>=|<=|>|<)\s*(-?\d+)/.exec(error);
  if (bound && /too (small|big)/i.test(error)) return t(bound[1]?.startsWith('>') ? 'settings.reason.min' : 'settings.reason.max', { n: Number(bound[2]) + (bound[1] === '>' ? 1 : bound[1] === '<' ? -1 : 0) });
  return error;
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const reason = useReason(error);
  return reason ? (
    <span id={id} className="field-error">
      {reason}
    </span>
  ) : null;
}

/** The refusal reason of one entry of a list (`schedule.1`, `batchTimes.2`). */
export function EntryError({ path, exact = false }: { path: string; exact?: boolean }) {
  const { error } = useField(path, exact);
  return <FieldError id={`${path.replace(/\W/g, '-')}-e`} error={error} />;
}

export function Toggle({ path, label, checked, patch, hint }: { path: string; label: string; checked: boolean; patch: (v: boolean) => Patch; hint?: string }) {
  const { error, save } = useField(path);
  const id = useId();
  return (
    <div className="field toggle">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => void save(patch(e.target.checked))} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} />
        {label}
      </label>
      {hint ? <span id={`${id}-h`} className="hint">{hint}</span> : null}
      <FieldError id={`${id}-e`} error={error} />
    </div>
  );
}

/** A text or number input that keeps what was typed until it is saved or refused. */
export function TextInput(props: { path: string; label: string; value: string; toPatch: (text: string) => Patch; type?: 'text' | 'number'; hint?: string; list?: string; suffix?: string; min?: number; max?: number }) {
  const { path, label, value, toPatch, type = 'text', hint, list, suffix, min, max } = props;
  const { error, save } = useField(path);
  const [draft, setDraft] = useState(value);
  const id = useId();
  useEffect(() => setDraft(value), [value]);
  const commit = (): void => {
    if (draft !== value) void save(toPatch(draft));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="control">
        <input
          id={id}
          type={type}
          value={draft}
          list={list}
          min={min}
          max={max}
          inputMode={type === 'number' ? 'numeric' : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, error, hint)}
        />
        {suffix ? <span className="suffix">{suffix}</span> : null}
      </span>
      {hint ? <span id={`${id}-h`} className="hint">{hint}</span> : null}
      <FieldError id={`${id}-e`} error={error} />
    </div>
  );
}

/** A number field: an empty or non-numeric entry goes to the schema as it is, which refuses it. */
export const asNumber = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** One per line: VIP senders, keywords, allowed apps. */
export function LinesInput({ path, label, value, toPatch, hint }: { path: string; label: string; value: readonly string[]; toPatch: (lines: string[]) => Patch; hint?: string }) {
  const { error, save } = useField(path);
  const joined = value.join('\n');
  const [draft, setDraft] = useState(joined);
  const id = useId();
  useEffect(() => setDraft(joined), [joined]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          const lines = draft.split('\n').map((l) => l.trim()).filter(Boolean);
          if (lines.join('\n') !== joined) void save(toPatch(lines));
        }}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error, hint)}
      />
      {hint ? <span id={`${id}-h`} className="hint">{hint}</span> : null}
      <FieldError id={`${id}-e`} error={error} />
    </div>
  );
}

export function Choice<T extends string>({ path, label, value, options, toPatch }: { path: string; label: string; value: T; options: readonly { value: T; label: string }[]; toPatch: (v: T) => Patch }) {
  const { error, save } = useField(path);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => void save(toPatch(e.target.value as T))} aria-invalid={!!error} aria-describedby={describedBy(id, error, null)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-e`} error={error} />
    </div>
  );
}

/** Seven checkboxes, Monday first (ISO weekdays). */
export function Weekdays({ legend, value, onChange, error }: { legend: string; value: readonly number[]; onChange(days: number[]): void; error?: string | undefined }) {
  const { locale } = useLocale();
  const id = useId();
  return (
    <fieldset className="weekdays" aria-describedby={describedBy(id, error, null)}>
      <legend>{legend}</legend>
      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
        <label key={d} title={weekdayName(d, locale)}>
          <input
            type="checkbox"
            checked={value.includes(d)}
            onChange={(e) => onChange(e.target.checked ? [...value, d].sort((a, b) => a - b) : value.filter((x) => x !== d))}
            aria-label={weekdayName(d, locale)}
          />
          <span aria-hidden="true">{weekdayName(d, locale, 'short')}</span>
        </label>
      ))}
      <FieldError id={`${id}-e`} error={error} />
    </fieldset>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card settings-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
