// A bus that dies in the middle of a message must end the connection, not Lull. dbus-next reads
// the cut-off rest and throws from a socket handler; the connection guards it. The "bus" here is a
// Unix socket server speaking the D-Bus wire protocol just far enough to do that.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectBus, sessionBusAddress } from '../../../main/system/dbus/connection.ts';
import { startMonitor } from '../../../main/sources/desktopBus/monitor.ts';

const require = createRequire(import.meta.url);
const compat = require('dbus-next/lib/marshall-compat.js') as { marshallMessage(msg: Record<string, unknown>): [Buffer, unknown[]] };
const marshallMessage = (msg: Record<string, unknown>): Buffer => compat.marshallMessage(msg)[0];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Accepts one client, answers its Hello and BecomeMonitor, then sends half of a Notify call and hangs up. */
function cuttingBus(): Promise<{ address: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-cut-'));
  dirs.push(dir);
  const path = join(dir, 'bus');
  const server = createServer((socket: Socket) => {
    let text = '';
    let serial = 100;
    const reply = (replySerial: number, signature?: string, body?: unknown[]) =>
      socket.write(marshallMessage({ type: 2, serial: serial++, flags: 1, replySerial, destination: ':1.7', sender: 'org.freedesktop.DBus', ...(signature && { signature, body }) }));
    const steps = { ok: false, hello: false, monitor: false };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (!steps.ok && text.includes('AUTH')) {
        steps.ok = true;
        socket.write('OK 0123456789abcdef0123456789abcdef\r\n');
      }
      if (!steps.hello && text.includes('BEGIN\r\n')) {
        steps.hello = true;
        reply(1, 's', [':1.7']);
      }
      if (steps.monitor || !text.includes('BecomeMonitor')) return;
      steps.monitor = true;
      reply(2);
      const notify = marshallMessage({
        type: 1, serial: serial++, flags: 0, path: '/org/freedesktop/Notifications', interface: 'org.freedesktop.Notifications', member: 'Notify',
        destination: 'org.freedesktop.Notifications', sender: ':1.9', signature: 'susssasa{sv}i', body: ['App', 0, '', 'title', 'b'.repeat(60_000), [], {}, -1],
      });
      setTimeout(() => socket.end(notify.subarray(0, notify.length >> 1)), 50);
    };
    socket.on('data', onData);
  });
  return new Promise((resolve) => server.listen(path, () => resolve({ address: `unix:path=${path}`, close: () => server.close() })));
}

describe('session bus connection', () => {
  it('a bus that dies mid-message ends the connection with a reason; the process goes on', async () => {
    const bus = await cuttingBus();
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const calls: unknown[] = [];
      const monitor = await startMonitor(bus.address, { notify: (c) => calls.push(c), close: (c) => calls.push(c), reply: (r) => calls.push(r) });
      expect(await monitor.ended).toMatch(/could not be read|closed the connection/);
      expect(calls).toEqual([]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      bus.close();
    }
  });

  it('a bus that is not there: a one-line reason, no hang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lull-nobus-'));
    dirs.push(dir);
    await expect(connectBus(`unix:path=${join(dir, 'missing')}`)).rejects.toThrow(/ENOENT/);
  });

  it('reaches a real bus on an abstract socket (older dbus-launch setups)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lull-abstract-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'bus.conf'), `<busconfig><type>session</type><listen>unix:abstract=${dir}/bus</listen><auth>EXTERNAL</auth>
      <policy context="default"><allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/></policy></busconfig>`);
    const daemon = spawn('dbus-daemon', ['--config-file', join(dir, 'bus.conf'), '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const printed = await new Promise<string>((resolve) => daemon.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
      expect(printed).toMatch(/^unix:abstract=/);
      const monitor = await startMonitor(sessionBusAddress({ DBUS_SESSION_BUS_ADDRESS: printed })!, { notify: () => {}, close: () => {}, reply: () => {} });
      monitor.close();
      expect(await monitor.ended).toBe('closed');
    } finally {
      await new Promise((resolve) => (daemon.once('exit', resolve), daemon.kill()));
    }
  });

  it('reads the address from the environment; abstract sockets become paths Node can reach', () => {
    expect(sessionBusAddress({})).toBeNull();
    expect(sessionBusAddress({ DBUS_SESSION_BUS_ADDRESS: ' ' })).toBeNull();
    expect(sessionBusAddress({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' })).toBe('unix:path=/run/user/1000/bus');
    expect(sessionBusAddress({ DBUS_SESSION_BUS_ADDRESS: 'unix:abstract=/tmp/dbus-x,guid=ab' })).toBe('unix:socket=\u0000/tmp/dbus-x');
  });
});
