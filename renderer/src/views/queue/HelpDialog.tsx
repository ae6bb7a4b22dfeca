// The keyboard help (`?`): a small modal that lists the keys; Escape or `?` closes it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS: (readonly [string, string])[] = [
  ['j / ↓', 'help.next'],
  ['k / ↑', 'help.previous'],
  ['Enter', 'help.open'],
  ['e', 'help.done'],
  ['s', 'help.snooze'],
  ['x', 'help.dismiss'],
  ['u / Ctrl+Z', 'help.undo'],
  ['← / →', 'help.fold'],
  ['?', 'help.help'],
];

/** `extra`: keys only the window has (the review's y / n), as [key, words] pairs. */
export function HelpDialog({ onClose, extra = [] }: { onClose(): void; extra?: readonly (readonly [string, string])[] }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        className="dialog"
        onKeyDown={(e) => {
          // One control inside: Tab stays on it rather than leaving the modal.
          if (e.key === 'Tab') {
            e.preventDefault();
            close.current?.focus();
          }
        }}
      >
        <h2 id="help-title">{t('help.title')}</h2>
        <dl className="keys">
          {[...KEYS, ...extra].map(([key, label]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
