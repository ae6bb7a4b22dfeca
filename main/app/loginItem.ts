// Launch at login (setting `launchAtLogin`): Electron's login items on macOS and Windows, an XDG
// autostart entry on Linux (which Electron does not cover). A login start passes `--login`, so
// Lull starts in the tray without opening its dashboard.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const LOGIN_FLAG = '--login';

export interface LoginItemOptions {
  enabled: boolean;
  platform: NodeJS.Platform;
  setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => void;
  /** The command that starts Lull: the executable (AppImage when there is one) and its arguments. */
  command: string[];
  autostartDir?: string;
}

export function applyLaunchAtLogin(opts: LoginItemOptions): void {
  if (opts.platform !== 'linux') {
    opts.setLoginItemSettings({ openAtLogin: opts.enabled, args: [LOGIN_FLAG] });
    return;
  }
  const dir = opts.autostartDir ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
  const file = join(dir, 'lull.desktop');
  if (!opts.enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, autostartEntry([...opts.command, LOGIN_FLAG]));
}

/** A desktop entry per the XDG Desktop Entry spec: each argument quoted, its specials escaped. */
export function autostartEntry(command: string[]): string {
  const exec = command.map((arg) => `"${arg.replace(/(["`$\\])/g, '\\$1')}"`).join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Lull', 'Comment=Holds notifications during focus and releases them in batches', `Exec=${exec}`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
