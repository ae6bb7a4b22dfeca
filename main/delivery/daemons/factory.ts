// Which control holds the running notification daemon: chosen from the name the daemon gives in
// GetServerInformation, then confirmed by asking its own control to answer.
import type { CommandRunner, DaemonControl, DaemonName } from './control.ts';
import { dunstControl } from './dunst.ts';
import { gnomeControl } from './gnome.ts';
import { makoControl } from './mako.ts';
import { swayncControl } from './swaync.ts';

const byServerName: Record<string, DaemonName> = {
  dunst: 'dunst',
  mako: 'mako',
  swaynotificationcenter: 'swaync',
  swaync: 'swaync',
  'gnome-shell': 'gnome',
};

/** The daemon a GetServerInformation name stands for, or null for one Lull cannot hold. */
export function daemonForServer(serverName: string): DaemonName | null {
  return byServerName[serverName.trim().toLowerCase()] ?? null;
}

export function controlFor(name: DaemonName, run: CommandRunner): DaemonControl {
  switch (name) {
    case 'dunst':
      return dunstControl(run);
    case 'mako':
      return makoControl(run);
    case 'swaync':
      return swayncControl(run);
    case 'gnome':
      return gnomeControl(run);
  }
}

export type Detection =
  | { kind: 'control'; control: DaemonControl }
  /** A daemon Lull knows, whose control did not answer (not installed, or another bus). */
  | { kind: 'control-missing'; daemon: DaemonName }
  | { kind: 'unknown'; serverName: string };

/** Detects the control for a running daemon; `serverName` comes from GetServerInformation. */
export async function detectControl(serverName: string, run: CommandRunner): Promise<Detection> {
  const daemon = daemonForServer(serverName);
  if (!daemon) return { kind: 'unknown', serverName };
  const control = controlFor(daemon, run);
  return (await control.detect()) ? { kind: 'control', control } : { kind: 'control-missing', daemon };
}
