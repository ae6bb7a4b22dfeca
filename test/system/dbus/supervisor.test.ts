// The bus supervisor on a fake clock: no address, a failed connect retried with a doubling delay
// (capped), a lost connection retried from the first delay again, turned off and on, stopped.
import { describe, expect, it } from 'vitest';
import { superviseBus, type BusState, type Connected } from '../../../main/system/dbus/supervisor.ts';
import { FakeClock } from '../../support/fakeClock.ts';

function fakeBus() {
  const attempts: number[] = [];
  let failing = true;
  const open: Connected[] = [];
  const ends: ((reason: string) => void)[] = [];
  return {
    attempts,
    open,
    setFailing: (f: boolean) => void (failing = f),
    /** Ends the last connection as the bus would (it went away). */
    drop: (reason: string) => ends.at(-1)?.(reason),
    connect(clock: FakeClock) {
      return async (): Promise<Connected> => {
        attempts.push(clock.now());
        if (failing) throw new Error('connection refused');
        let end: (reason: string) => void = () => {};
        const conn: Connected = { ended: new Promise<string>((resolve) => (end = resolve)), close: () => end('closed') };
        ends.push(end);
        open.push(conn);
        return conn;
      };
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('bus supervisor', () => {
  it('without an address: no attempt, and says so', async () => {
    const clock = new FakeClock(0);
    const bus = fakeBus();
    const states: BusState[] = [];
    const s = superviseBus({ env: {}, clock, open: bus.connect(clock), onState: (st) => states.push(st) });
    expect(s.state()).toEqual({ kind: 'off' });
    await s.setWanted(true);
    expect(s.state()).toEqual({ kind: 'no-address' });
    expect(bus.attempts).toEqual([]);
    s.stop();
  });

  it('retries a failed connect with a doubling delay up to the cap, then from the first delay after a loss', async () => {
    const clock = new FakeClock(0);
    const bus = fakeBus();
    const ups: Connected[] = [];
    const downs: string[] = [];
    const s = superviseBus({
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nowhere' }, clock, retry: { firstMs: 100, maxMs: 400 },
      open: bus.connect(clock), onUp: (c) => void ups.push(c), onDown: (r) => void downs.push(r), onState: () => {},
    });
    await s.setWanted(true);
    expect(s.state()).toEqual({ kind: 'connecting', lastError: 'connection refused' });
    for (const step of [100, 200, 400, 400]) {
      clock.advance(step);
      await tick();
    }
    expect(bus.attempts).toEqual([0, 100, 300, 700, 1100]);
    bus.setFailing(false);
    clock.advance(400);
    await tick();
    expect(s.state()).toEqual({ kind: 'connected' });
    expect(ups).toHaveLength(1);
    expect(s.current()).toBe(ups[0]);

    bus.drop('the session bus closed the connection');
    await tick();
    expect(downs).toEqual(['the session bus closed the connection']);
    expect(s.state()).toEqual({ kind: 'connecting', lastError: 'the session bus closed the connection' });
    clock.advance(100); // the first delay again
    await tick();
    expect(s.state()).toEqual({ kind: 'connected' });
    s.stop();
  });

  it('turned off: closes at once and stops retrying; turned on: connects again', async () => {
    const clock = new FakeClock(0);
    const bus = fakeBus();
    bus.setFailing(false);
    const s = superviseBus({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/bus' }, clock, open: bus.connect(clock), onState: () => {} });
    await s.setWanted(true);
    expect(s.state().kind).toBe('connected');
    const first = bus.open[0]!;
    await s.setWanted(false);
    expect(s.state()).toEqual({ kind: 'off' });
    expect(await first.ended).toBe('closed');
    clock.advance(60_000);
    await tick();
    expect(bus.attempts).toHaveLength(1);
    await s.setWanted(true);
    expect(s.state().kind).toBe('connected');
    s.stop();
    expect(s.state()).toEqual({ kind: 'off' });
    expect(s.current()).toBeNull();
  });
});
