// One row of the queue: a source group, a thread entry ("Anna · 5 messages"), or an item (title,
// time, and where it stands; it names its sender when no sender entry above it does). Fixed heights in rem, so the
// virtual list stays right at 200 % text size.
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import type { QueueRow } from '../../store/slices/queue/selectors.ts';

export const ROW_REM: Record<QueueRow['kind'], number> = { source: 2.5, thread: 2, item: 3.5 };

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
    'aria-level': row.kind === 'source' ? 1 : row.kind === 'thread' ? 2 : row.level,
    'aria-selected': active,
    className: `qrow qrow-${row.kind}${row.kind === 'item' ? ` qlevel-${row.level}` : ''}${active ? ' active' : ''}`,
    style,
    onClick: () => onSelect(row.key),
    onDoubleClick: () => onOpen(row.key),
  } as const;
  if (row.kind !== 'item') {
    const name = row.kind === 'source' ? row.source : row.others ? t('thread.andOthers', { name: row.name, count: row.others }) : row.name;
    return (
      <div {...common} aria-expanded={row.expanded}>
        <span className="caret" aria-hidden="true">
          {row.expanded ? '▾' : '▸'}
        </span>
        <span className="qname">{name}</span>
        {row.kind === 'thread' ? (
          <span className="qcount">
            <span aria-hidden="true">· </span>
            {t('thread.count', { count: row.count })}
          </span>
        ) : (
          <span className="qcount">{t('queue.groupCount', { count: row.count })}</span>
        )}
      </div>
    );
  }
  const { item } = row;
  const snoozedUntil = row.snoozing ? t('queue.snoozing') : item.snoozedUntil ? t('queue.snoozedUntil', { time: clockTime(item.snoozedUntil, ctx) }) : null;
  return (
    <div {...common}>
      <span className="qtitle">{item.title || t('queue.erased')}</span>
      <span className="qmeta">
        {item.sender && (row.level === 2 || item.thread) ? <span className="qsender">{item.sender} · </span> : null}
        <time dateTime={item.receivedAt}>{clockTime(item.receivedAt, ctx)}</time>
        {item.body ? <span className="qbody"> · {item.body}</span> : null}
        {snoozedUntil ? <span className="tag"> · {snoozedUntil}</span> : null}
      </span>
    </div>
  );
});
