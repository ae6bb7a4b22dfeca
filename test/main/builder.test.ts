// Packaging cannot run here (electron-builder needs an Electron download), so its configuration
// is checked instead: targets, app id, icons, and the fuses of Electron's security checklist.
// The icons are what scripts/make-icons.ts draws, byte for byte.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeIcons } from '../../scripts/make-icons.ts';
import { useTempDirs } from '../support/tempDir.ts';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, Record<string, unknown> & { target?: unknown; icon?: string }>;
const tempDir = useTempDirs();
const pngSize = (file: string): [number, number] => {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
};

describe('electron-builder.yml', () => {
  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no inspect flags, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb, dmg and nsis, with the app id and icons', () => {
    expect(config.appId).toBe('org.lull.app');
    expect(config.productName).toBe('Lull');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
    for (const platform of ['linux', 'mac', 'win']) {
      const icon = config[platform]?.icon ?? '';
      const [w, h] = pngSize(icon);
      expect(w).toBeGreaterThanOrEqual(512);
      expect(h).toBe(w);
    }
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'assets/*.png', 'package.json']));
  });
});

describe('icons', () => {
  it('tray icons for idle, focusing and holding at 1x and 2x, with macOS templates, as the script draws them', () => {
    const fresh = tempDir();
    const names = makeIcons(fresh);
    for (const state of ['idle', 'focusing', 'holding']) {
      for (const kind of ['', 'Template']) {
        expect(pngSize(join('assets', `tray-${state}${kind}.png`))).toEqual([16, 16]);
        expect(pngSize(join('assets', `tray-${state}${kind}@2x.png`))).toEqual([32, 32]);
      }
    }
    expect(names.sort()).toEqual(readdirSync('assets').filter((f) => f.endsWith('.png')).sort());
    for (const name of names) expect(readFileSync(join(fresh, name)).equals(readFileSync(join('assets', name))), name).toBe(true);
  });
});
