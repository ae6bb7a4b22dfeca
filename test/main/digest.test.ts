// Digests through an injected node-notifier: one per batch with counts by source, the Lull hint and
// app name; items that pass are shown at once unless their source shows them itself.
import { describe, expect, it } from 'vitest';
import type { FocusEngine } from '../../main/core/engine.ts';
import { DESKTOP_SOURCE } from '../../main/core/vocabulary.ts';
import { digestOutput, DIGEST_HINT, type DigestOptions } from '../../main/delivery/digest.ts';
import { digestText } from '../../main/delivery/digestText.ts';
import { everyOutput } from '../../main/delivery/index.ts';
import { runsOn } from '../../main/service/lull.ts';
import { openOutputs } from '../../main/service/outputs.ts';
import { everySource } from '../../main/sources/index.ts';
import { harness } from '../support/engineHarness.ts';

/** Starts the digest output on an engine as openLull would; returns its stop. */
function startDigests(opts: DigestOptions & { engine: FocusEngine }): () => Promise<void> {
  const outputs = openOutputs([digestOutput(opts)], { engine: opts.engine, clock: { now: () => 0, at: () => () => {} }, dataDir: '', env: {}, onSettings: () => () => {}, healthChanged: () => {} });
  return () => outputs.stop();
}

function setUp(clickable = false, response = '') {
  const h = harness('2026-11-23T08:00:00Z', { batchTimes: ['10:00'], breakthrough: { vipSenders: ['boss'] } });
  const sent: Record<string, unknown>[] = [];
  const clicks: string[] = [];
  const stop = startDigests({
    notifier: { notify: (options, callback) => (sent.push(options), callback?.(null, response)) },
    engine: h.engine,
    language: () => 'en',
    icon: '/opt/lull/icon.png',
    clickable,
    openReview: () => clicks.push('review'),
    openItem: (url) => clicks.push(`item ${url ?? ''}`),
  });
  return { ...h, sent, clicks, stop };
}

describe('shell sources', () => {
  it('start the desktop bus (and its daemon hold) on Linux only', () => {
    const names = (platform: NodeJS.Platform) => [...everySource, ...everyOutput].filter(runsOn(platform)).map((d) => d.name);
    expect(names('linux')).toEqual(['http-inbox', 'desktop-bus', 'daemon-hold']);
    expect(names('darwin')).toEqual(['http-inbox']);
    expect(names('win32')).toEqual(['http-inbox']);
  });
});

describe('digest text', () => {
  it('counts by app or source, biggest first, never more than three names', () => {
    const items = [...Array(5).fill({ source: 'desktop', app: 'Slack' }), ...Array(4).fill({ source: 'mail' }), ...Array(3).fill({ source: 'CI' })];
    expect(digestText(items)).toBe('12 held: 5 Slack, 4 mail, 3 CI');
    expect(digestText([...items, { source: 'jira' }, { source: 'zoom' }])).toBe('14 held: 5 Slack, 4 mail, 5 other');
    expect(digestText([{ source: 'ci' }], 'sv')).toBe('1 väntade: 1 ci');
  });
});

describe('digests', () => {
  it('sends one digest per batch with the text, app name Lull and the x-lull:digest hint', async () => {
    const t = setUp();
    t.engine.startFocus({ minutes: 240 });
    for (const [source, n] of [['mail', 4], ['CI', 3]] as const) for (let i = 0; i < n; i++) await t.post(`secret ${source} ${i}`, { source });
    for (let i = 0; i < 5; i++) await t.engine.ingest({ source: DESKTOP_SOURCE, app: 'Slack', title: `dm ${i}` });
    expect(t.sent).toEqual([]);
    t.clock.advanceTo('2026-11-23T09:00:00Z');
    expect(t.sent).toEqual([
      { appID: 'org.lull.app', 'app-name': 'Lull', hint: DIGEST_HINT, sound: false, wait: false, icon: '/opt/lull/icon.png', title: 'Lull', message: '12 held: 5 Slack, 4 mail, 3 CI', urgency: 'low' },
    ]);
    expect(DIGEST_HINT).toBe('string:x-lull:digest');
    expect(t.clicks).toEqual([]);
  });

  it('shows items that pass at once unless the desktop bus shows them itself', async () => {
    const t = setUp();
    await t.post('deploy done', { source: 'ci', body: 'green' });
    t.engine.startFocus({ minutes: 60 });
    await t.post('call me', { source: 'phone', sender: 'boss' });
    await t.engine.ingest({ source: DESKTOP_SOURCE, app: 'Slack', title: 'from the bus', priority: 'urgent' });
    await t.post('held', { source: 'ci' });
    expect(t.sent.map((s) => [s.title, s.message, s.urgency, s.hint])).toEqual([
      ['deploy done', 'green', 'normal', DIGEST_HINT],
      ['call me', 'boss · phone', 'normal', DIGEST_HINT],
    ]);
  });

  it('a click opens the review window (or the item) where the platform reports clicks', async () => {
    const t = setUp(true, 'activate');
    t.engine.startFocus({ minutes: 60 });
    await t.post('x', { source: 'ci' });
    t.engine.releaseNow();
    await t.post('y', { source: 'ci', sender: 'boss', url: 'https://ci.example/1' });
    expect(t.sent.map((s) => s.wait)).toEqual([true, true]);
    expect(t.clicks).toEqual(['review', 'item https://ci.example/1']);
    await t.stop();
    t.engine.releaseNow();
    expect(t.sent).toHaveLength(2);
  });

  it('a notifier that fails is logged and Lull goes on', async () => {
    const h = harness('2026-11-23T08:00:00Z');
    startDigests({ notifier: { notify: () => { throw new Error('no notify-send'); } }, engine: h.engine, language: () => 'en', clickable: false, openReview: () => {}, openItem: () => {} });
    const { item } = await h.post('still stored');
    expect(item.disposition).toBe('delivered');
  });
});
