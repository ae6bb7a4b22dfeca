// Debian's real `apprise` CLI (package `apprise`, 1.2.0) sending through its ntfy://, gotify:// and
// json:// targets to a real lull-host process, with a notify token made by the owner's token: the
// items land held (a focus block runs) with the right title, body, source and priority, read back
// with GET /v1/held (and, for what broke through, the review's `unjudged` view).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../support/host.ts';

const run = promisify(execFile);

interface HeldItem {
  id: string;
  source: string;
  title: string;
  body?: string;
  priority?: string;
  tags?: string[];
  url?: string;
}

let host: RunningHost;
let token: string;
let address: string;
beforeAll(async () => {
  host = await startHost();
  address = `127.0.0.1:${host.port}`;
  const made = await host.api<{ token: string }>('POST', '/v1/tokens', { name: 'apprise-bot', scope: 'notify' });
  expect(made.status).toBe(201);
  token = made.body.token;
  expect((await host.api('POST', '/v1/focus', { minutes: 120 })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await host?.stop();
});

/** `apprise -t TITLE -b BODY [args] URL`; apprise exits 0 only when the server said yes. */
async function apprise(title: string, body: string, url: string, ...args: string[]): Promise<void> {
  const { stdout, stderr } = await run('/usr/bin/apprise', ['-vv', '-t', title, '-b', body, ...args, url], { timeout: 30_000 });
  expect(`${stdout}${stderr}`).toMatch(/Sent .* notification/);
}

async function find(title: string, view: 'held' | 'unjudged' = 'held'): Promise<HeldItem> {
  const listed = await host.api<{ items: HeldItem[] }>('GET', `/v1/held?view=${view}&limit=1000`);
  expect(listed.status).toBe(200);
  const found = listed.body.items.filter((i) => i.title === title);
  expect(found, `${view}: ${title}`).toHaveLength(1);
  return found[0]!;
}

describe('Apprise 1.2.0 → a real lull-host', () => {
  it('ntfy:// (JSON at /, Basic auth with the token as password, X-Priority/X-Tags/X-Click): source = topic', async () => {
    const click = encodeURIComponent('https://ci.example/build/42');
    await apprise('CI failed', 'Build #42 failed on main', `ntfy://bot:${token}@${address}/ci?priority=high&tags=warning,skull&click=${click}`);
    // Apprise keeps the tags in a set, so their order is its own.
    expect(await find('CI failed')).toMatchObject({ source: 'ci', body: 'Build #42 failed on main', priority: 'high', tags: expect.arrayContaining(['warning', 'skull']), url: 'https://ci.example/build/42' });
  });

  it('ntfy:// priority=max is urgent: it breaks through, waiting for its verdict', async () => {
    await apprise('Prod down', 'api.example is not answering', `ntfy://bot:${token}@${address}/pager?priority=max`);
    expect(await find('Prod down', 'unjudged')).toMatchObject({ source: 'pager', body: 'api.example is not answering', priority: 'urgent' });
  });

  it('gotify:// (POST /message with X-Gotify-Key): source = the token’s name, Apprise’s high = 8 = high', async () => {
    await apprise('Disk almost full', 'db1 at 91 %', `gotify://${address}/${token}?priority=high`);
    expect(await find('Disk almost full')).toMatchObject({ source: 'apprise-bot', body: 'db1 at 91 %', priority: 'high' });
    await apprise('Nightly report', 'all green', `gotify://${address}/${token}?priority=low`);
    expect(await find('Nightly report')).toMatchObject({ source: 'apprise-bot', body: 'all green', priority: 'low' });
  });

  it('json:// with the token as a Bearer header: failure = high, warning = normal, no title = first line', async () => {
    const url = `json://${address}/?+Authorization=Bearer%20${token}`;
    await apprise('Deploy failed', 'rollout of v2.3 stopped', url, '-n', 'failure');
    expect(await find('Deploy failed')).toMatchObject({ source: 'apprise-bot', body: 'rollout of v2.3 stopped', priority: 'high' });
    await apprise('Cert expires soon', 'in 14 days', url, '-n', 'warning');
    expect(await find('Cert expires soon')).toMatchObject({ source: 'apprise-bot', body: 'in 14 days', priority: 'normal' });
    await apprise('', 'Backup finished in 4 min', url, '-n', 'success');
    expect(await find('Backup finished in 4 min')).toMatchObject({ source: 'apprise-bot', priority: 'normal' });
  });

  it('a wrong token is refused: apprise reports the failure', async () => {
    await expect(run('/usr/bin/apprise', ['-t', 'x', '-b', 'y', `ntfy://bot:not-the-token@${address}/ci`], { timeout: 30_000 })).rejects.toMatchObject({ code: 1 });
  });
});
