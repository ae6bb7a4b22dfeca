// One row of the queue: a source group, a sender group, or an item (title, sender, time, and
// where it stands). Fixed heights in rem, so the virtual list stays right at 200 % text size.
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import type { QueueRow } from '../../store/slices/queue/selectors.ts';

export const ROW_REM: Record<QueueRow['kind'], number> = { source: 2.5, sender: 2, item: 3.5 };
const LEVEL: Record<QueueRow['kind'], number> = { source: 1, sender: 2, item: 3 };

interface Props {
  row: QueueRow;
  active: boolean;
  style: CSSProperties;
  onSelect(key: string): void;
  onOpen(key: string): void;
}

export const QueueRowView = memo(function QueueRowView({ row, active, style, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const ctx = useLocale();
  const common = {
    id: row.domId,
    role: 'treeitem',
    'aria-level': LEVEL[row.kind],
    'aria-selected': active,
    className: `qrow qrow-${row.kind}${active ? ' active' : ''}`,
    style,
    onClick: () => onSelect(row.key),
    onDoubleClick: () => onOpen(row.key),
  } as const;
  if (row.kind !== 'item') {
    const name = row.kind === 'source' ? row.source : row.sender || t('queue.noSender');
    return (
      <div {...common} aria-expanded={row.expanded}>
        <span className="caret" aria-hidden="true">
          {row.expanded ? '▾' : '▸'}
        </span>
        <span className="qname">{name}</span>
        <span className="qcount">{t('queue.groupCount', { count: row.count })}</span>
      </div>
    );
  }
  const { item } = row;
  const snoozedUntil = row.snoozing ? t('queue.snoozing') : item.snoozedUntil ? t('queue.snoozedUntil', { time: clockTime(item.snoozedUntil, ctx) }) : null;
  return (
    <div {...common}>
      <span className="qtitle">{item.title || t('queue.erased')}</span>
      <span className="qmeta">
        <time dateTime={item.receivedAt}>{clockTime(item.receivedAt, ctx)}</time>
        {item.body ? <span className="qbody"> · {item.body}</span> : null}
        {snoozedUntil ? <span className="tag"> · {snoozedUntil}</span> : null}
      </span>
    </div>
  );
});
