// What the daemon hold tells the user, in one line without notification text. Lull shows it
// joined to the desktop-bus source's line (service/outputs.ts), as one "desktop-bus" state.
import type { Health } from '../../core/ports.ts';
import type { BusState } from '../../system/dbus/supervisor.ts';
import { controlCommand, type DaemonName } from '../daemons/control.ts';
import type { HoldStatus } from '../daemons/hold.ts';

export type DaemonSeen =
  | { kind: 'unknown-yet' }
  | { kind: 'none' }
  | { kind: 'control'; name: DaemonName }
  | { kind: 'control-missing'; daemon: DaemonName }
  | { kind: 'unknown'; serverName: string };

export interface HoldFacts {
  stopped: boolean;
  bus: BusState;
  daemon: DaemonSeen;
  hold: HoldStatus;
}

export function describeHold(f: HoldFacts): Health {
  if (f.stopped) return { state: 'stopped' };
  if (f.bus.kind === 'off') return { state: 'stopped', detail: 'banners are not held: turned off in settings' };
  if (f.bus.kind === 'no-address') return { state: 'unavailable', detail: 'no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): banners cannot be held' };
  if (f.bus.kind === 'connecting') return { state: 'unavailable', detail: `the D-Bus session bus cannot be reached (${f.bus.lastError ?? 'connecting'}); retrying` };
  const d = f.daemon;
  if (d.kind === 'unknown-yet') return { state: 'running', detail: 'looking for the notification daemon' };
  if (d.kind === 'none') return { state: 'degraded', detail: 'no notification daemon is running: notifications are recorded, banners cannot be held' };
  if (d.kind === 'unknown') return { state: 'degraded', detail: `banners cannot be held on this desktop (${d.serverName || 'unnamed daemon'}): notifications are recorded` };
  if (d.kind === 'control-missing') return { state: 'degraded', detail: `${d.daemon} runs but ${controlCommand(d.daemon)} does not answer: banners cannot be held` };
  if (f.hold.problem) return { state: 'degraded', detail: `${d.name} could not be paused or restored: ${f.hold.problem}` };
  return { state: 'running', detail: `${d.name} is held during focus blocks` };
}
