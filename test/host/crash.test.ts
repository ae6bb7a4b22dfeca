import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConfSettings } from '../../main/store/confSettings.ts';
import { startHost, type RunningHost } from '../support/host.ts';

const ROUNDS = 20;

/** Posts as fast as 8 concurrent clients can until the host dies; returns the ids that got a 202. */
async function stream(host: RunningHost, round: number): Promise<string[]> {
  const acked: string[] = [];
  let alive = true;
  const client = async (c: number) => {
    for (let i = 0; alive; i++) {
      try {
        const r = await host.api<{ id: string }>('POST', '/v1/notifications', { source: 'crash', title: `r${round} c${c} #${i}`, body: 'ü'.repeat(100) });
        if (r.status === 202) acked.push(r.body.id);
        else throw new Error(`unexpected ${r.status}`);
      } catch (error) {
        if (host.child.proc.exitCode === null && host.child.proc.signalCode === null && !(error instanceof TypeError)) throw error;
        alive = false;
      }
    }
  };
  const clients = Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
  await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 250)); // a random moment, not a batch wait
  await host.kill();
  alive = false;
  await clients;
  return acked;
}

async function heldIds(host: RunningHost): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const r: { body: { items: { id: string }[]; nextCursor: string | null } } = await host.api('GET', `/v1/held?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const item of r.body.items) ids.add(item.id);
    cursor = r.body.nextCursor;
  } while (cursor);
  return ids;
}

describe('crash safety of the host', () => {
  const home = mkdtempSync(join(tmpdir(), 'lull-crash-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it(`keeps every item that got a 202 across ${ROUNDS} SIGKILLs at random moments`, async () => {
    // No batch times, no schedule, a 24 h maximum hold: everything posted stays held, so it can be listed.
    const settings = openConfSettings(home).patch({ batchTimes: [], schedule: [], maxHoldMinutes: 1440, api: { port: 0, rateLimitPerMinute: 0 } });
    expect(settings.ok).toBe(true);
    const acked: string[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const host = await startHost({ home });
      const held = await heldIds(host);
      const lost = acked.filter((id) => !held.has(id));
      expect(lost, `round ${round}: lost ${lost.length} of ${acked.length}`).toEqual([]);
      if (round === 0) expect((await host.api('POST', '/v1/focus', { minutes: 720 })).status).toBe(201);
      if (round === ROUNDS) {
        expect(await host.stop()).toBe(0);
        break;
      }
      acked.push(...(await stream(host, round)));
    }
    expect(acked.length).toBeGreaterThan(ROUNDS * 20);
  });
});
