// `npm run bench`: runs every bench/*.bench.ts suite (or those named on the command line),
// prints one table and writes bench/results.json. Each suite measures its own baseline in the same run.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { printTable, type Row } from './table.ts';

interface Suite {
  title: string;
  run: () => Promise<Row[]>;
}

// The table is the output: Lull's own logs stay out of it (set LULL_LOG=on to see them).
if (process.env.LULL_LOG === undefined) process.env.LULL_LOG = 'off';

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
const only = process.argv.slice(2);
const sections: { title: string; rows: Row[] }[] = [];
for (const file of files) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  const suite = ((await import(join(dir, file))) as { default: Suite }).default;
  process.stderr.write(`running ${suite.title} …\n`);
  sections.push({ title: suite.title, rows: await suite.run() });
}
console.log(printTable(sections));
const out = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', sections };
writeFileSync(join(dir, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
