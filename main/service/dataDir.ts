// Where Lull keeps its data: $LULL_HOME when set, otherwise where Electron's userData would be
// for an app named "Lull", so the app, the host and the CLI find the same files.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LULL_HOME) return env.LULL_HOME;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lull');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lull');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Lull');
}
