import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../support/child.ts';
import { HOST_BIN, startHost, type RunningHost } from '../support/host.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'lull.js');

describe('lull-host', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.stop());

  it('prints one ready line with the login link and writes api.json (mode 0600) once listening', async () => {
    expect(host.child.lines[0]).toMatch(/^Lull is running on http:\/\/127\.0\.0\.1:\d+ — open the dashboard: http:\/\/127\.0\.0\.1:\d+\/login\?secret=/);
    expect(statSync(join(host.home, 'api.json')).mode & 0o777).toBe(0o600);
    expect((await host.api('GET', '/v1/status')).status).toBe(200);
  });

  it('the printed login link works once', async () => {
    const first = await fetch(host.loginUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);
    const again = await fetch(host.loginUrl, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe('/?signin=link-used'); // the sign-in page, saying the link was used
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('says in its state when it cannot see the desktop’s notifications, and the CLI says so too', async () => {
    const noBus = await startHost({ env: { DBUS_SESSION_BUS_ADDRESS: '' } });
    try {
      const status = await noBus.api<{ sources: unknown[] }>('GET', '/v1/status');
      const running = [
        { name: 'http-inbox', state: 'running' },
        { name: 'compat', state: 'running' },
        { name: 'webhooks', state: 'running' },
      ];
      const mail = { name: 'mail', state: 'stopped', detail: 'no mail account set up' };
      const expected = process.platform === 'linux' ? [...running, mail, { name: 'desktop-bus', state: 'unavailable', detail: expect.stringContaining('no D-Bus session bus') }] : [...running, mail];
      expect(status.body.sources).toEqual(expected);
      const cli = runChild(CLI, ['status'], { ...process.env, LULL_HOME: noBus.home });
      await cli.exited;
      if (process.platform === 'linux') expect(cli.lines[1]).toMatch(/^ {2}desktop-bus: no D-Bus session bus/);
    } finally {
      await noBus.stop();
    }
  });

  it('refuses a second host on the same data dir with a clear message', async () => {
    const second = runChild(HOST_BIN, ['--port', '0', '--no-open'], { ...process.env, LULL_HOME: host.home });
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.stderr()).toContain(`another Lull is already running with the data dir ${host.home}`);
    expect((await host.api('GET', '/v1/status')).status).toBe(200);
  });

  it('explains its usage', async () => {
    const help = runChild(HOST_BIN, ['--help']);
    expect((await help.exited).code).toBe(0);
    expect(help.lines.join('\n')).toMatch(/usage: lull-host \[--port N\] \[--no-open\]/);
    const bad = runChild(HOST_BIN, ['--port', 'eighty']);
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr()).toContain('--port must be a whole number');
    const role = runChild(HOST_BIN, ['--role', 'chef']);
    expect((await role.exited).code).toBe(2);
    expect(role.stderr()).toContain('--role must be one of maker, manager, customer-facing, new-hire');
  });
});

describe('lull-host stopping', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s: exit 0, api.json removed, nothing held is lost', async (signal) => {
    const host = await startHost();
    await host.api('POST', '/v1/focus', { minutes: 60 });
    const posted = await Promise.all(Array.from({ length: 50 }, (_, i) => host.api<{ id: string }>('POST', '/v1/notifications', { source: 's', title: `t${i}` })));
    host.child.proc.kill(signal);
    expect((await host.child.exited).code).toBe(0);
    expect(existsSync(join(host.home, 'api.json'))).toBe(false);
    const again = await startHost({ home: host.home });
    const held = await again.api<{ items: { id: string }[] }>('GET', '/v1/held?limit=100');
    expect(held.body.items.map((i) => i.id).sort()).toEqual(posted.map((p) => p.body.id).sort());
    await again.stop();
  });
});

describe('lull-host at a chosen hour', () => {
  // On purpose inside the default schedule (Mon–Fri 09:00–12:00): the tests that depend on the
  // hour, pinned with faketime so they pass at every hour of the real day. 2026-12-09 is a Wednesday.
  it('a first start at 09:45 inside the default block holds nothing until the user chooses, then holds', async () => {
    const host = await startHost({ settings: null, at: '2026-12-09 09:45:00' }); // no settings file: defaults, TZ=UTC
    try {
      expect(await host.child.waitFor((l) => l.startsWith('Scheduled'))).toMatch(/^Scheduled focus blocks are not on yet: .*--role maker/);
      expect((await host.api('GET', '/v1/status')).body).toMatchObject({ state: 'idle', block: null });
      const posted = await host.api<{ disposition: string }>('POST', '/v1/notifications', { source: 'ci', title: 'deploy done' });
      expect(posted.body.disposition).toBe('delivered');
      expect((await host.api('GET', '/v1/settings')).body).toMatchObject({ scheduleFrom: null });
      const consent = await host.api('GET', '/v1/schedule/consent');
      expect(consent.body).toEqual({
        from: null,
        current: { start: '2026-12-09T09:00:00.000+00:00', end: '2026-12-09T12:00:00.000+00:00' },
        next: { start: '2026-12-10T09:00:00.000+00:00', end: '2026-12-10T12:00:00.000+00:00' },
      });
      // "Start now" from the dashboard's first run: the default block running now starts and holds.
      expect((await host.api('POST', '/v1/schedule/begin', { from: 'now' })).body).toMatchObject({ from: '2026-12-09T09:00:00.000+00:00' });
      expect((await host.api('GET', '/v1/status')).body).toMatchObject({ state: 'focus', block: { kind: 'scheduled', endsAt: '2026-12-09T12:00:00.000+00:00' } });
      expect((await host.api<{ disposition: string }>('POST', '/v1/notifications', { source: 'ci', title: 'again' })).body.disposition).toBe('held');
    } finally {
      await host.stop();
    }
  });

  it('--role maker counts as chosen: the preset applies and the block running now holds', async () => {
    const host = await startHost({ settings: null, at: '2026-12-09 09:45:00', args: ['--role', 'maker'] });
    try {
      expect(await host.child.waitFor((l) => l.startsWith('Role'))).toBe('Role maker: focus blocks 09:00–12:00, 13:00–16:00 on Mon Tue Wed Thu Fri, batches at 09:00, 12:00, 15:00, 18:00; scheduled blocks hold from now (one runs until 12:00).');
      expect((await host.api('GET', '/v1/settings')).body).toMatchObject({ role: 'maker', scheduleFrom: '2026-12-09T09:00:00.000Z' });
      expect((await host.api('GET', '/v1/status')).body).toMatchObject({ state: 'focus', block: { kind: 'scheduled', endsAt: '2026-12-09T12:00:00.000+00:00' } });
      expect((await host.api<{ disposition: string }>('POST', '/v1/notifications', { source: 'ci', title: 'deploy done' })).body.disposition).toBe('held');
    } finally {
      await host.stop();
    }
  });

  it('started at 12:30 on a Monday with the default schedule, it is idle and says the next batch is at 15:00', async () => {
    const host = await startHost({ settings: null, at: '2026-12-07 12:30:00' });
    try {
      const status = await host.api<{ state: string; nextBatchAt: string }>('GET', '/v1/status');
      expect(status.body).toMatchObject({ state: 'idle', nextBatchAt: '2026-12-07T15:00:00.000+00:00' });
    } finally {
      await host.stop();
    }
  });
});
