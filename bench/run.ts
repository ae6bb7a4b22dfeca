// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchEngine } from './engine.ts';
import { benchStore } from './store.ts';
import { printTable, type Row } from './table.ts';

const suites: { title: string; run: () => Promise<Row[]> }[] = [
  { title: 'store (node:sqlite, WAL, synchronous=FULL)', run: benchStore },
  { title: 'engine', run: benchEngine },
];

const only = process.argv.slice(2);
const sections: { title: string; rows: Row[] }[] = [];
for (const suite of suites) {
  if (only.length && !only.some((o) => suite.title.startsWith(o))) continue;
  process.stderr.write(`running ${suite.title} …\n`);
  sections.push({ title: suite.title, rows: await suite.run() });
}
console.log(printTable(sections));
const out = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', sections };
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
