// The report's charts, drawn with visx (scales, bars, heat map) as SVG themed by CSS classes.
// Each is an image with a spoken summary; the exact numbers stand in a table beside it.
import { Group } from '@visx/group';
import { HeatmapRect } from '@visx/heatmap';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, BarGroup, BarStack } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { WeeklyReportDto } from '../../../../preload/contract.ts';
import { dayLabel } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';

const W = 480;
const H = 200;
const M = { top: 8, right: 8, bottom: 24, left: 28 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

type Day = WeeklyReportDto['days'][number];

function DayAxis({ days, x, locale }: { days: Day[]; x: (d: string) => number | undefined; locale: string }) {
  const bw = innerW / Math.max(days.length, 1);
  return (
    <g className="axis">
      {days.map((d) => (
        <text key={d.date} x={(x(d.date) ?? 0) + bw / 2} y={innerH + 16} textAnchor="middle">
          {dayLabel(d.date, locale)}
        </text>
      ))}
    </g>
  );
}

function ValueAxis({ max, unit }: { max: number; unit: string }) {
  const y = scaleLinear({ domain: [0, max], range: [innerH, 0] });
  return (
    <g className="axis">
      {y.ticks(4).map((v) => (
        <g key={v}>
          <line x1={0} x2={innerW} y1={y(v)} y2={y(v)} className="gridline" />
          <text x={-4} y={y(v) + 4} textAnchor="end">
            {v}
            {unit}
          </text>
        </g>
      ))}
    </g>
  );
}

export function FocusHoursChart({ days }: { days: Day[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const keys = ['plannedHours', 'keptHours'] as const;
  const max = Math.max(1, ...days.flatMap((d) => [d.plannedHours, d.keptHours]));
  const x0 = scaleBand({ domain: days.map((d) => d.date), range: [0, innerW], padding: 0.25 });
  const x1 = scaleBand({ domain: [...keys], range: [0, x0.bandwidth()], padding: 0.1 });
  const y = scaleLinear({ domain: [0, max], range: [innerH, 0], nice: true });
  const planned = days.reduce((n, d) => n + d.plannedHours, 0);
  const kept = days.reduce((n, d) => n + d.keptHours, 0);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('report.chart.focusSummary', { kept: (Math.round(kept * 10) / 10).toLocaleString(locale), planned: (Math.round(planned * 10) / 10).toLocaleString(locale) })}>
      <Group left={M.left} top={M.top}>
        <ValueAxis max={y.domain()[1] ?? max} unit="h" />
        <BarGroup data={days.map((d) => ({ ...d }))} keys={[...keys]} height={innerH} x0={(d) => d.date} x0Scale={x0} x1Scale={x1} yScale={y} color={() => ''}>
          {(groups) =>
            groups.map((g) => (
              <Group key={g.index} left={g.x0}>
                {g.bars.map((bar) => (
                  <Bar key={bar.key} x={bar.x} y={bar.y} width={bar.width} height={Math.max(0, bar.height)} className={`bar ${bar.key}`} />
                ))}
              </Group>
            ))
          }
        </BarGroup>
        <DayAxis days={days} x={(d) => x0(d)} locale={locale} />
      </Group>
    </svg>
  );
}

export function DispositionChart({ days }: { days: Day[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const keys = ['held', 'delivered', 'breakthrough'] as const;
  const max = Math.max(1, ...days.map((d) => d.held + d.delivered + d.breakthrough));
  const x = scaleBand({ domain: days.map((d) => d.date), range: [0, innerW], padding: 0.3 });
  const y = scaleLinear({ domain: [0, max], range: [innerH, 0], nice: true });
  const total = (k: (typeof keys)[number]): number => days.reduce((n, d) => n + d[k], 0);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('report.chart.dispositionSummary', { held: total('held'), delivered: total('delivered'), breakthrough: total('breakthrough') })}>
      <Group left={M.left} top={M.top}>
        <ValueAxis max={y.domain()[1] ?? max} unit="" />
        <BarStack data={days} keys={[...keys]} x={(d) => d.date} xScale={x} yScale={y} color={() => ''}>
          {(stacks) =>
            stacks.map((stack) =>
              stack.bars.map((bar) => <rect key={`${stack.index}-${bar.index}`} x={bar.x} y={bar.y} width={bar.width} height={Math.max(0, bar.height)} className={`bar ${stack.key}`} />),
            )
          }
        </BarStack>
        <DayAxis days={days} x={(d) => x(d)} locale={locale} />
      </Group>
    </svg>
  );
}

/** Arrivals by day × hour: the darker the cell, the more arrived in that hour. */
export function ArrivalsHeatMap({ heatmap, dates }: { heatmap: number[][]; dates: string[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const left = 44;
  const cell = (W - left) / 24;
  const max = Math.max(1, ...heatmap.flat());
  const columns = Array.from({ length: 24 }, (_, hour) => ({ hour, bins: heatmap.map((row, day) => ({ day, count: row[hour] ?? 0 })) }));
  const busiest = heatmap.flatMap((row, day) => row.map((count, hour) => ({ day, hour, count }))).sort((a, b) => b.count - a.count)[0];
  const summary = busiest && busiest.count > 0 ? t('report.chart.heatSummary', { day: dayLabel(dates[busiest.day] ?? '', locale, 'long'), hour: busiest.hour, count: busiest.count }) : t('report.chart.heatEmpty');
  const height = cell * 7 + 20;
  return (
    <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary}>
      <g className="axis">
        {dates.map((d, i) => (
          <text key={d} x={left - 4} y={i * cell + cell / 2 + 4} textAnchor="end">
            {dayLabel(d, locale)}
          </text>
        ))}
        {[0, 6, 12, 18].map((h) => (
          <text key={h} x={left + h * cell + cell / 2} y={7 * cell + 14} textAnchor="middle">
            {String(h).padStart(2, '0')}
          </text>
        ))}
      </g>
      <Group left={left}>
      <HeatmapRect
        data={columns}
        xScale={(i) => i * cell}
        yScale={(i) => i * cell}
        binWidth={cell}
        binHeight={cell}
        gap={1}
        bins={(c) => c.bins}
        count={(b) => b.count}
      >
        {(cells) =>
          cells.flatMap((col) =>
            col.map((c) => {
              const n = c.count ?? 0;
              const level = n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4));
              return <rect key={`${c.row}-${c.column}`} x={c.x} y={c.y} width={c.width} height={c.height} className={`heat heat-${level}`} />;
            }),
          )
        }
      </HeatmapRect>
      </Group>
    </svg>
  );
}

export function TopBars({ entries, label }: { entries: { name: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...entries.map((e) => e.count));
  const rowH = 24;
  const x = scaleLinear({ domain: [0, max], range: [0, W - 160] });
  return (
    <svg viewBox={`0 0 ${W} ${Math.max(1, entries.length) * rowH}`} role="img" aria-label={label}>
      {entries.map((e, i) => (
        <g key={e.name} transform={`translate(0, ${i * rowH})`} className="axis">
          <text x={0} y={16}>
            {e.name.length > 18 ? `${e.name.slice(0, 17)}…` : e.name}
          </text>
          <Bar x={140} y={4} width={Math.max(1, x(e.count))} height={rowH - 8} className="bar top" />
          <text x={146 + x(e.count)} y={16}>
            {e.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
