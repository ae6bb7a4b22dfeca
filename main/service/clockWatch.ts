// Clock and time-zone changes, for the app and the host. Neither Electron nor Node reports them,
// so once a minute the wall clock is compared with the monotonic one (a jump means the clock was
// set) and the system time zone is read again. On a change the engine resyncs; a time-zone
// setting that followed the system follows it to the new zone.
import { readlinkSync } from 'node:fs';
import { logger } from '../log.ts';
import type { Lull } from './lull.ts';

const log = logger('clock-watch');

export interface ClockWatchOptions {
  wallNow: () => number;
  monotonicNow: () => number;
  systemTimeZone: () => string;
  every: (ms: number, fn: () => void) => () => void;
  onClockJump: () => void;
  onTimeZoneChange: (from: string, to: string) => void;
  intervalMs?: number;
  toleranceMs?: number;
}

export function watchClock(opts: ClockWatchOptions): () => void {
  const tolerance = opts.toleranceMs ?? 30_000;
  let wall = opts.wallNow();
  let mono = opts.monotonicNow();
  let zone = opts.systemTimeZone();
  return opts.every(opts.intervalMs ?? 60_000, () => {
    const nextWall = opts.wallNow();
    const nextMono = opts.monotonicNow();
    const drift = nextWall - wall - (nextMono - mono);
    wall = nextWall;
    mono = nextMono;
    const nextZone = opts.systemTimeZone();
    if (nextZone !== zone) {
      const from = zone;
      zone = nextZone;
      log.info({ from, to: nextZone }, 'system time zone changed');
      opts.onTimeZoneChange(from, nextZone);
    } else if (Math.abs(drift) > tolerance) {
      log.info({ driftMs: Math.round(drift) }, 'wall clock jumped');
      opts.onClockJump();
    }
  });
}

/** The system's zone now: /etc/localtime's link on Linux and macOS (Intl caches it), else Intl's. */
export function readSystemTimeZone(readLink: (path: string) => string = readlinkSync): string {
  try {
    const match = /zoneinfo\/(.+)$/.exec(readLink('/etc/localtime'));
    if (match?.[1]) return match[1];
  } catch {
    // No link (Windows, some containers): Intl's answer.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface ZoneFollower {
  settingsTimeZone(): string;
  setTimeZone(zone: string): void;
  resync(): void;
}

/** The process follows the new zone (Date, Intl); Lull's setting follows when it was the system's. */
export function followTimeZone(lull: ZoneFollower, from: string, to: string, env: NodeJS.ProcessEnv = process.env): void {
  env.TZ = to;
  if (lull.settingsTimeZone() === from) lull.setTimeZone(to);
  else lull.resync();
}

/** The watch as the app and the host run it: the real clocks, a one-minute interval that never keeps Lull alive. */
export function watchSystemClock({ settings, engine }: Pick<Lull, 'settings' | 'engine'>): () => void {
  const lull: ZoneFollower = {
    settingsTimeZone: () => settings.get().timeZone,
    setTimeZone: (timeZone) => void settings.patch({ timeZone }),
    resync: () => engine.resync(),
  };
  return watchClock({
    wallNow: Date.now,
    monotonicNow: () => performance.now(),
    systemTimeZone: () => readSystemTimeZone(),
    every: (ms, fn) => {
      const timer = setInterval(fn, ms).unref();
      return () => clearInterval(timer);
    },
    onClockJump: () => lull.resync(),
    onTimeZoneChange: (from, to) => followTimeZone(lull, from, to),
  });
}
