// The grouped queue as a virtual tree (10,000 items stay smooth), with a toolbar for the row the
// cursor is on, a count of what is left, the last action with its undo, and the keyboard help.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommon, useCommonShallow } from '../../store/context.tsx';
import { queueSelectors } from '../../store/slices/queue/selectors.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { QueueRowView, ROW_REM } from './QueueRowView.tsx';
import { useQueueKeys } from './useQueueKeys.ts';

const remPx = (): number => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

export function QueueTree({ label, empty, helpKeys }: { label: string; empty: string; helpKeys?: readonly (readonly [string, string])[] }) {
  const { t } = useTranslation();
  const rows = useCommon(queueSelectors.rows);
  const activeIndex = useCommon(queueSelectors.activeIndex);
  const left = useCommon(queueSelectors.left);
  const load = useCommon((s) => s.queueLoad);
  const pending = useCommon((s) => s.pending);
  const keys = useCommonShallow((s) => ({
    moveActive: s.moveActive,
    moveActiveTo: s.moveActiveTo,
    toggleGroup: s.toggleGroup,
    act: s.act,
    openActive: s.openActive,
    undo: s.undo,
    setHelp: s.setHelp,
    helpOpen: s.helpOpen,
    setActive: s.setActive,
    flush: s.flush,
  }));
  useQueueKeys(keys);
  const { setActive, flush } = keys;

  // The last action reaches main before the window goes away.
  useEffect(() => {
    const onHide = (): void => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const rem = useMemo(remPx, []);
  const activeRef = useRef(activeIndex);
  activeRef.current = activeIndex;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_REM[rows[i]?.kind ?? 'item'] * rem,
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 10,
    // The active row is always rendered, so aria-activedescendant always points at something.
    rangeExtractor: useCallback((range: Range) => {
      const out = defaultRangeExtractor(range);
      const a = activeRef.current;
      if (a >= 0 && !out.includes(a)) out.push(a);
      return out.sort((x, y) => x - y);
    }, []),
  });
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const select = useCallback((key: string) => setActive(key), [setActive]);
  const open = useCallback(
    (key: string) => {
      setActive(key);
      void keys.openActive();
    },
    [setActive, keys],
  );
  const active = rows[activeIndex];
  const onGroup = active !== undefined && active.kind !== 'item';

  return (
    <section className="queue" aria-label={label}>
      <div className="toolbar" role="toolbar" aria-label={t('queue.actions')}>
        <button type="button" disabled={!active} onClick={() => void keys.openActive()}>
          {onGroup ? (active.expanded ? t('queue.fold') : t('queue.unfold')) : t('queue.open')} <kbd>Enter</kbd>
        </button>
        <button type="button" disabled={!active} onClick={() => keys.act('done')}>
          {t('queue.done')} <kbd>e</kbd>
        </button>
        <button type="button" disabled={!active} onClick={() => keys.act('snooze')}>
          {t('queue.snooze')} <kbd>s</kbd>
        </button>
        <button type="button" disabled={!active} onClick={() => keys.act('dismiss')}>
          {t('queue.dismiss')} <kbd>x</kbd>
        </button>
        <button type="button" disabled={!pending} onClick={keys.undo}>
          {t('queue.undo')} <kbd>u</kbd>
        </button>
        <button type="button" onClick={() => keys.setHelp(true)}>
          {t('queue.keys')} <kbd>?</kbd>
        </button>
      </div>
      <p className="queue-status" role="status" aria-live="polite">
        <span className="left">{t('queue.left', { count: left })}</span>
        {load === 'more' || load === 'loading' ? <span> · {t('queue.loadingMore')}</span> : null}
        {pending ? <span> · {t(`queue.pending.${pending.kind}`, { count: pending.ids.length })}</span> : null}
      </p>
      {rows.length === 0 && load !== 'loading' ? (
        <p className="empty">{empty}</p>
      ) : (
        <div ref={scrollRef} className="queue-scroll" role="tree" aria-label={label} tabIndex={0} aria-activedescendant={active?.domId} data-testid="queue-tree">
          <div className="queue-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              return <QueueRowView key={row.key} row={row} active={v.index === activeIndex} style={{ height: v.size, transform: `translateY(${v.start}px)` }} onSelect={select} onOpen={open} />;
            })}
          </div>
        </div>
      )}
      {keys.helpOpen && <HelpDialog onClose={() => keys.setHelp(false)} {...(helpKeys && { extra: helpKeys })} />}
    </section>
  );
}
