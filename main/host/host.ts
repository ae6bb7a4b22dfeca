// The headless host (PRODUCT.md §7): Lull's core, its sources and the HTTP API with the built
// dashboard, without Electron. api.json is written only once the server listens.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rolePreset, type Role } from '../core/settings.ts';
import { openLull, type Lull } from '../service/lull.ts';
import { openConfSettings } from '../store/confSettings.ts';
import type { ApiServer } from '../api/server.ts';
import { serveApi } from '../api/serve.ts';
import type { OutputDefinition } from '../delivery/output.ts';
import type { SourceDefinition } from '../sources/source.ts';

/** out/renderer of the repository this module runs from (as TypeScript source or as a built bundle). */
function builtDashboard(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'out', 'renderer');
}

export interface HostOptions {
  dataDir: string;
  /** Overrides the `api.port` setting; 0 = any free port. */
  port?: number;
  staticDir?: string | null;
  /** The doors to open (default: the HTTP inbox alone). */
  doors?: readonly SourceDefinition[];
  outputs?: readonly OutputDefinition[];
  /** The environment the sources and outputs see. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * `--role`: applies the role's preset and counts as the user's choice, so scheduled blocks hold
   * from now, one running now included (PRODUCT.md §2).
   */
  role?: Role;
}

export interface Host {
  lull: Lull;
  server: ApiServer;
  port: number;
  token: string;
  stop(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const lull = openLull({ dataDir: opts.dataDir, openSettings: openConfSettings, doors: opts.doors, outputs: opts.outputs, env: opts.env });
  try {
    if (opts.role) {
      const preset = lull.settings.patch(rolePreset(opts.role));
      if (!preset.ok) throw new Error(`the ${opts.role} preset was refused: ${preset.issues.map((i) => i.field).join(', ')}`);
      await lull.operations['schedule:begin']({ from: 'now' });
    }
    const api = await serveApi(lull, { port: opts.port ?? lull.settings.get().api.port, staticDir: opts.staticDir === undefined ? builtDashboard() : opts.staticDir });
    let stopping: Promise<void> | null = null;
    return {
      lull,
      server: api.server,
      port: api.port,
      token: api.token,
      stop() {
        stopping ??= (async () => {
          await api.close(); // requests in flight finish, and with them their commits
          await lull.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await lull.close();
    throw error;
  }
}
