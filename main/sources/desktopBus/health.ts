// What the desktop-bus source tells the user about itself, in one line without notification text.
import type { DaemonName } from '../../delivery/daemons/control.ts';
import type { HoldStatus } from '../../delivery/daemons/hold.ts';
import type { SourceHealth } from '../source.ts';

export type DaemonSeen =
  | { kind: 'unknown-yet' }
  | { kind: 'none' }
  | { kind: 'control'; name: DaemonName }
  | { kind: 'control-missing'; daemon: DaemonName }
  | { kind: 'unknown'; serverName: string };

const CONTROL_COMMAND: Record<DaemonName, string> = { dunst: 'dunstctl', mako: 'makoctl', swaync: 'swaync-client', gnome: 'gsettings' };

export interface HealthFacts {
  stopped: boolean;
  enabled: boolean;
  address: string | null;
  connected: boolean;
  busError: string | null;
  daemon: DaemonSeen;
  hold: HoldStatus;
  dropped: number;
}

export function describeHealth(f: HealthFacts): SourceHealth {
  if (f.stopped) return { state: 'stopped' };
  if (!f.enabled) return { state: 'stopped', detail: 'desktop notifications are turned off in settings' };
  if (!f.address) return { state: 'unavailable', detail: 'no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): desktop notifications cannot be seen' };
  if (!f.connected) return { state: 'unavailable', detail: `the D-Bus session bus cannot be reached (${f.busError ?? 'connecting'}); retrying` };
  const d = f.daemon;
  if (d.kind === 'unknown-yet') return { state: 'running', detail: 'recording desktop notifications; looking for the notification daemon' };
  if (d.kind === 'none') return { state: 'degraded', detail: 'no notification daemon is running: notifications are recorded, banners cannot be held' };
  if (d.kind === 'unknown') return { state: 'degraded', detail: `banners cannot be held on this desktop (${d.serverName || 'unnamed daemon'}): notifications are recorded` };
  if (d.kind === 'control-missing') return { state: 'degraded', detail: `${d.daemon} runs but ${CONTROL_COMMAND[d.daemon]} does not answer: banners cannot be held` };
  if (f.hold.problem) return { state: 'degraded', detail: `${d.name} could not be paused or restored: ${f.hold.problem}` };
  // No count in the line: under a flood each loss would otherwise be a new state event, more work when Lull has too much.
  if (f.dropped > 0) return { state: 'degraded', detail: 'desktop notifications came faster than they could be recorded: some were lost' };
  return { state: 'running', detail: `recording desktop notifications; ${d.name} is held during focus blocks` };
}
