// Copies text with the clipboard API and says so; where the page may not write the clipboard,
// it selects the text instead and says how to copy it by hand.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** Selects what an input or a block of text shows, so Ctrl+C copies it. */
function select(target: HTMLElement | null): void {
  if (!target) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.focus();
    target.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(target);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function CopyButton({ text, target, label }: { text: string; target: RefObject<HTMLElement | null>; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (): Promise<void> => {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
      // "Copied" stays long enough to be read, then the button is quiet again.
      timer.current = setTimeout(() => setState('idle'), 4000);
    } catch {
      select(target.current);
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" onClick={() => void copy()} aria-label={label}>
        {t('tokens.copy')}
      </button>
      <span role="status" className="copy-state">
        {state === 'copied' ? t('tokens.copied') : state === 'failed' ? t('tokens.copyFailed') : ''}
      </span>
    </span>
  );
}
