// HTTP inbox and host benchmarks (issue "The local HTTP inbox, the lull CLI and the headless
// host"): durable ingest over loopback (no sender, so repeat escalation lets nothing through) from autocannon in this process against a real lull-host
// child, beside a bare fastify endpoint as the ceiling; the host's cold start, idle memory and
// idle wake-ups.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openConfSettings } from '../main/store/confSettings.ts';
import { readApiFile } from '../main/service/apiFile.ts';
import type { Row } from './table.ts';

const root = join(import.meta.dirname, '..');
const HOST = join(root, 'bin', 'lull-host.js');
const body = JSON.stringify({ source: 'bench', title: 'deploy finished', body: 'pipeline #4411 passed in 6 min 12 s', priority: 'normal' });
const IDLE_SECONDS = Number(process.env.LULL_BENCH_IDLE_SECONDS ?? 60);

interface Started {
  proc: ChildProcess;
  port: number;
  token: string;
  home: string;
  startMs: number;
}

async function startHost(): Promise<Started> {
  const home = mkdtempSync(join(tmpdir(), 'lull-bench-host-'));
  openConfSettings(home).patch({ schedule: [], batchTimes: [], maxHoldMinutes: 1440, api: { port: 0, rateLimitPerMinute: 0 } });
  const t0 = performance.now();
  const proc = spawn(process.execPath, [HOST, '--port', '0', '--no-open'], { env: { ...process.env, LULL_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
  // Cold start ends when api.json is written: that is when a client can reach Lull.
  while (!existsSync(join(home, 'api.json'))) await new Promise((r) => setTimeout(r, 2));
  const startMs = performance.now() - t0;
  const info = readApiFile(home);
  if (!info) throw new Error('no api.json');
  return { proc, port: info.port, token: info.token, home, startMs };
}

async function stop(s: Started): Promise<void> {
  s.proc.kill('SIGTERM');
  await new Promise((r) => s.proc.once('exit', r));
  rmSync(s.home, { recursive: true, force: true });
}

/** The same notification in ntfy's form (PRODUCT.md §3.3): text body, title and priority in headers, topic = source. */
const NTFY = { path: '/bench', headers: { 'content-type': 'text/plain', title: 'deploy finished', priority: '3' }, body: 'pipeline #4411 passed in 6 min 12 s' };
const NATIVE = { path: '/v1/notifications', headers: { 'content-type': 'application/json' }, body };

async function load(port: number, token: string | null, opts: { connections: number; duration: number; overallRate?: number }, form = NATIVE) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${form.path}`,
    method: 'POST',
    headers: { ...form.headers, ...(token && { authorization: `Bearer ${token}` }) },
    body: form.body,
    ...opts,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rate: result['2xx'] / opts.duration, p50: result.latency.p50, p99: result.latency.p99, accepted: result['2xx'] };
}

/** RSS, private (anonymous) memory and context switches of every thread of a process, from /proc. */
function procStats(pid: number): { rssMb: number; anonMb: number; switches: number } {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  // RSS also counts the pages of the Node binary shared with every other Node process; this is Lull's own.
  const anon = Number(/Anonymous:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024;
  let switches = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
    switches += Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0) + Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return { rssMb: rss, anonMb: anon, switches };
}

async function ceiling(): Promise<{ rate: number }> {
  const proc = spawn(process.execPath, [join(import.meta.dirname, 'fixtures', 'bareServer.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  try {
    return await load(port, null, { connections: 50, duration: 5 });
  } finally {
    proc.kill('SIGTERM');
  }
}

async function run(): Promise<Row[]> {
  const bare = await ceiling();
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await startHost();
    starts.push(s.startMs);
    await stop(s);
  }
  starts.sort((a, b) => a - b);

  const host = await startHost();
  try {
    await new Promise((r) => setTimeout(r, 2000)); // let start-up work settle before measuring idle
    const before = procStats(host.proc.pid!);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const after = procStats(host.proc.pid!);
    await fetch(`http://127.0.0.1:${host.port}/v1/focus`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ minutes: 720 }) });
    const steady = await load(host.port, host.token, { connections: 10, duration: 5, overallRate: 1000 });
    const saturated = await load(host.port, host.token, { connections: 50, duration: 5 });
    // The compat layer's cost: the native form and ntfy's at 10 connections, alternated three times so drift hits both alike; the best of each.
    const ten = { connections: 10, duration: 4 };
    const runs = { native: [] as Awaited<ReturnType<typeof load>>[], ntfy: [] as Awaited<ReturnType<typeof load>>[] };
    for (let i = 0; i < 3; i++) {
      runs.native.push(await load(host.port, host.token, ten));
      runs.ntfy.push(await load(host.port, host.token, ten, NTFY));
    }
    const native10 = Math.max(...runs.native.map((r) => r.rate));
    const ntfy10 = Math.max(...runs.ntfy.map((r) => r.rate));
    const status = (await (await fetch(`http://127.0.0.1:${host.port}/v1/status`, { headers: { authorization: `Bearer ${host.token}` } })).json()) as { held: number };
    // Requests still in flight when the load stopped may be stored without being counted: never fewer.
    const accepted = [steady, saturated, ...runs.native, ...runs.ntfy].reduce((n, r) => n + r.accepted, 0);
    if (status.held < accepted) throw new Error(`lost items: ${accepted} accepted, ${status.held} held`);
    return [
      { name: 'bare fastify POST on loopback (HTTP ceiling)', value: bare.rate, unit: 'req/s', baseline: true },
      { name: 'ingest, durable, saturation (50 connections)', value: saturated.rate, unit: 'items/s', target: '≥ 5,000 and ≥ ½ ceiling' },
      { name: 'ingest, durable, saturation: share of the ceiling', value: (100 * saturated.rate) / bare.rate, unit: '%', target: '≥ 50' },
      { name: 'ingest, durable, saturation p50', value: saturated.p50, unit: 'ms' },
      { name: 'ingest, durable, saturation p99', value: saturated.p99, unit: 'ms' },
      { name: 'ingest, native POST /v1/notifications (10 connections)', value: native10, unit: 'items/s', baseline: true },
      { name: 'ingest, ntfy form POST /<topic> (10 connections)', value: ntfy10, unit: 'items/s' },
      { name: 'ntfy form: cost against the native form', value: (100 * (native10 - ntfy10)) / native10, unit: '%', target: '< 10' },
      { name: 'ingest at a fixed 1,000/s', value: steady.rate, unit: 'items/s' },
      { name: 'ingest at a fixed 1,000/s p50', value: steady.p50, unit: 'ms' },
      { name: 'ingest at a fixed 1,000/s p99', value: steady.p99, unit: 'ms', target: '< 20' },
      { name: 'host cold start to api.json (median of 5)', value: starts[2] ?? 0, unit: 'ms', target: '< 400' },
      { name: 'host idle memory (RSS)', value: after.rssMb, unit: 'MB', target: '< 80' },
      { name: 'host idle memory of its own (anonymous, not the shared Node binary)', value: after.anonMb, unit: 'MB' },
      { name: `host idle wake-ups (context switches, all threads, ${IDLE_SECONDS} s)`, value: after.switches - before.switches, unit: 'switches', target: 'a handful' },
    ];
  } finally {
    await stop(host);
  }
}

export default { title: 'HTTP inbox and headless host', run };
