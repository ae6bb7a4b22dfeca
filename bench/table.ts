// One row of a benchmark result, and the table `npm run bench` prints.
export type Row = { name: string; value: number; unit: string; target?: string; baseline?: boolean };

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));

export function printTable(sections: { title: string; rows: Row[] }[]): string {
  const lines: string[] = [];
  const width = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.name.length + (r.baseline ? 11 : 0))), 20);
  for (const s of sections) {
    lines.push('', s.title);
    for (const r of s.rows) {
      const name = (r.baseline ? `${r.name} (baseline)` : r.name).padEnd(width);
      lines.push(`  ${name}  ${fmt(r.value).padStart(12)} ${r.unit.padEnd(9)} ${r.target ? `target ${r.target}` : ''}`);
    }
  }
  return lines.join('\n');
}
