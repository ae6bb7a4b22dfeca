// Window bounds that survive a restart but not an unplugged monitor, and the printable report
// page: script-free, its style allowed by hash, and every text from notifications escaped.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWindowBounds } from '../../main/app/windowBounds.ts';
import { reportDocument, REPORT_CSP } from '../../main/app/reportDocument.ts';
import { presentReport } from '../../main/core/present.ts';
import { harness } from '../support/engineHarness.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window bounds', () => {
  it('are kept per window kind across restarts, and dropped when no display shows them', () => {
    const dir = tempDir();
    openWindowBounds(dir).set('dashboard', { x: 10.4, y: 20, width: 900, height: 700 });
    openWindowBounds(dir).set('review', { x: 3000, y: 20, width: 700, height: 600 });
    const again = openWindowBounds(dir);
    expect(again.get('dashboard', screen)).toEqual({ x: 10, y: 20, width: 900, height: 700 });
    expect(again.get('review', screen)).toBeNull();
    expect(again.get('review', [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual({ x: 3000, y: 20, width: 700, height: 600 });
  });

  it('a damaged file means default sizes, not a crash', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'windows.json'), '{"dashboard": {"x": "left"');
    expect(openWindowBounds(dir).get('dashboard', screen)).toBeNull();
  });
});

describe('report page for PDF', () => {
  it('escapes what came from notifications and carries its CSP', async () => {
    const h = harness('2026-11-23T08:00:00Z');
    h.engine.startFocus({ minutes: 60 });
    await h.post('x', { sender: '<script>alert(1)</script>', source: 'a&b' });
    const html = reportDocument(presentReport(h.engine.weeklyReport()));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('a&#38;b');
    expect(html).toContain(`content="${REPORT_CSP}"`);
    expect(html).toContain('Refocus time saved (estimate)');
    expect(html).toContain('How we count:');
    // The one style block is what the CSP's hash allows, so Chromium applies it.
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(REPORT_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });
});
