// What the desktop-bus source tells the user about watching the bus, in one line without
// notification text. (Whether the daemon can be held is the daemon-hold output's line, which
// Lull shows joined to this one.)
import type { BusState } from '../../system/dbus/supervisor.ts';
import type { SourceHealth } from '../source.ts';

export interface CaptureFacts {
  stopped: boolean;
  bus: BusState;
  dropped: number;
}

export function describeCapture(f: CaptureFacts): SourceHealth {
  if (f.stopped) return { state: 'stopped' };
  if (f.bus.kind === 'off') return { state: 'stopped', detail: 'desktop notifications are turned off in settings' };
  if (f.bus.kind === 'no-address') return { state: 'unavailable', detail: 'no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): desktop notifications cannot be seen' };
  if (f.bus.kind === 'connecting') return { state: 'unavailable', detail: `the D-Bus session bus cannot be reached (${f.bus.lastError ?? 'connecting'}); retrying` };
  // No count in the line: under a flood each loss would otherwise be a new state event, more work when Lull has too much.
  if (f.dropped > 0) return { state: 'degraded', detail: 'desktop notifications came faster than they could be recorded: some were lost' };
  return { state: 'running', detail: 'recording desktop notifications' };
}
