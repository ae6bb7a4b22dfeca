// openLull starts only the doors and outputs whose platforms include the one it is given: the
// desktop bus and its daemon hold on Linux, and neither elsewhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { everyOutput } from '../../main/delivery/index.ts';
import { openLull, type Lull } from '../../main/service/lull.ts';
import { everySource } from '../../main/sources/index.ts';
import { openConfSettings } from '../../main/store/confSettings.ts';

const opened: { lull: Lull; dir: string }[] = [];
afterEach(async () => {
  for (const { lull, dir } of opened.splice(0)) {
    await lull.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function openOn(platform: NodeJS.Platform): Promise<Lull> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-platform-'));
  const lull = openLull({ dataDir: dir, openSettings: openConfSettings, doors: everySource, outputs: everyOutput, env: {}, platform });
  opened.push({ lull, dir });
  await lull.ready;
  return lull;
}

describe('doors and outputs by platform', () => {
  it('on Linux without a session bus: the inbox, the tool doors, and one desktop-bus line that says why (the hold joins it)', async () => {
    const lull = await openOn('linux');
    expect(lull.sourceHealth()).toEqual({
      'http-inbox': { state: 'running' },
      compat: { state: 'running' },
      webhooks: { state: 'running' },
      mail: { state: 'stopped', detail: 'no mail account set up' },
      'desktop-bus': { state: 'unavailable', detail: 'no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): desktop notifications cannot be seen' },
    });
  });

  it.each(['darwin', 'win32'] as const)('on %s: the inbox and the tool doors, no desktop bus', async (platform) => {
    const lull = await openOn(platform);
    expect(lull.sourceHealth()).toEqual({ 'http-inbox': { state: 'running' }, compat: { state: 'running' }, webhooks: { state: 'running' }, mail: { state: 'stopped', detail: 'no mail account set up' } });
  });
});
