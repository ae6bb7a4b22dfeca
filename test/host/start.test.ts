import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApiFile } from '../../main/service/apiFile.ts';
import { runChild } from '../support/child.ts';
import { useTempDirs } from '../support/tempDir.ts';

const START = join(import.meta.dirname, '..', '..', 'scripts', 'start.js');

describe('npm start', () => {
  const tempDir = useTempDirs();

  it('says in one line why Electron cannot run here, then runs the headless host', async () => {
    const home = tempDir();
    const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...env } = process.env;
    const child = runChild(START, ['--port', '0', '--no-open'], { ...env, LULL_HOME: home, LULL_START_NO_BUILD: '1' });
    const ready = await child.waitFor((l) => l.startsWith('Lull is running'));
    expect(child.lines[0]).toBe('Lull: there is no display (DISPLAY and WAYLAND_DISPLAY are unset); starting the headless host instead.');
    const info = readApiFile(home);
    expect(ready).toContain(`http://127.0.0.1:${info?.port}`);
    const status = await fetch(`http://127.0.0.1:${info?.port}/v1/status`, { headers: { authorization: `Bearer ${info?.token}` } });
    expect(status.status).toBe(200);
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
  });
});
