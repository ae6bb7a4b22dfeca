// Digests through an injected node-notifier: one per batch with counts by source, the Lull hint and
// app name; items that pass are shown at once unless their source shows them itself.
import { describe, expect, it } from 'vitest';
import type { FocusEngine } from '../../main/core/engine.ts';
import type { SettingsInput } from '../../main/core/settings.ts';
import { DESKTOP_SOURCE } from '../../main/core/vocabulary.ts';
import { digestOutput, DIGEST_HINT, type DigestOptions } from '../../main/delivery/digest.ts';
import { digestText, type DigestItem } from '../../main/delivery/digestText.ts';
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

function setUp(clickable = false, response = '', breakthrough: SettingsInput['breakthrough'] = {}) {
  const h = harness('2026-11-23T08:00:00Z', { batchTimes: ['10:00'], breakthrough: { vipSenders: ['boss'], ...breakthrough } });
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
    expect(names('linux')).toEqual(['http-inbox', 'compat', 'webhooks', 'desktop-bus', 'mail', 'daemon-hold']);
    expect(names('darwin')).toEqual(['http-inbox', 'compat', 'webhooks', 'mail']);
    expect(names('win32')).toEqual(['http-inbox', 'compat', 'webhooks', 'mail']);
  });
});

describe('digest text', () => {
  const item = (id: number, extra: Partial<DigestItem> = {}): DigestItem => ({ id: `i${id}`, source: 'slack', batchId: 'b1', ...extra });

  it('shows a batch as entries: 5 of one thread and 4 from one sender are two entries with counts', () => {
    const thread = Array.from({ length: 5 }, (_, i) => item(i, { thread: 'deploy-42', sender: ['Anna', 'Bo'][i % 2] }));
    const anna = Array.from({ length: 4 }, (_, i) => item(10 + i, { source: 'mail', sender: i === 0 ? 'anna@example.com' : 'Anna@Example.com' }));
    expect(digestText([...anna.slice(0, 2), ...thread, ...anna.slice(2)])).toBe('9 held in 2 conversations\nslack · 5 messages\nmail · anna@example.com · 4 messages');
    expect(digestText([...thread, ...anna], 'sv')).toBe('9 väntade i 2 konversationer\nslack · 5 meddelanden\nmail · anna@example.com · 4 meddelanden');
  });

  it('names a thread by its sender when all of it has one, a desktop item by its app, never a thread key', () => {
    const items = [item(1, { thread: 'secret subject', sender: 'Anna' }), item(2, { thread: 'secret subject', sender: 'anna' }), item(3, { source: 'desktop', app: 'Signal', sender: 'Bo' })];
    const text = digestText(items);
    expect(text).toBe('3 held in 2 conversations\nslack · Anna · 2 messages\nSignal · Bo · 1 message');
    expect(text).not.toContain('secret');
    expect(digestText([item(1, { sender: 'Anna' }), item(2, { sender: 'Anna' })])).toBe('2 held in 1 conversation\nslack · Anna · 2 messages');
  });

  it('folds lone items without a sender per app or source, and says only the count when nothing was grouped', () => {
    const items = [...Array.from({ length: 5 }, (_, i) => item(i, { source: 'desktop', app: 'Slack' })), ...Array.from({ length: 4 }, (_, i) => item(10 + i, { source: 'mail' })), ...Array.from({ length: 3 }, (_, i) => item(20 + i, { source: 'CI' }))];
    expect(digestText(items)).toBe('12 held\nSlack · 5 messages\nmail · 4 messages\nCI · 3 messages');
    expect(digestText([item(1, { source: 'ci' })], 'sv')).toBe('1 väntade\nci · 1 meddelande');
  });

  it('counts mail per account, the way people count mail: "7 new mails, 2 from Anna"', () => {
    const mail = (id: number, sender: string, thread = `<m${id}@x>`): DigestItem => item(id, { source: 'mail:work', sender, thread });
    const week = [mail(1, 'Anna Berg <anna@x.test>'), mail(2, 'Bo <bo@x.test>'), mail(3, 'Anna Berg <anna@x.test>', '<m1@x>'), mail(4, 'ci@x.test'), mail(5, 'Cy <cy@x.test>'), mail(6, 'Dag <dag@x.test>'), mail(7, 'Eva <eva@x.test>')];
    expect(digestText([...week, item(9, { sender: 'Anna' })])).toBe('8 held in 7 conversations\nMail (work) · 7 new mails, 2 from Anna Berg\nslack · Anna · 1 message');
    expect(digestText(week, 'sv').split('\n')[1]).toBe('E-post (work) · 7 nya mejl, 2 från Anna Berg');
    expect(digestText([mail(1, 'Anna Berg <anna@x.test>')])).toBe('1 held\nMail (work) · 1 new mail · Anna Berg');
    expect(digestText([mail(1, 'a@x.test'), mail(2, 'b@x.test'), item(3, { source: 'mail:home' })]).split('\n').slice(1)).toEqual(['Mail (work) · 2 new mails', 'Mail (home) · 1 new mail']);
  });

  it('shows at most four lines, the rest summed', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].flatMap((sender, s) => Array.from({ length: 5 - s }, (_, i) => item(s * 10 + i, { sender })));
    expect(digestText(items)).toBe('15 held in 5 conversations\nslack · a · 5 messages\nslack · b · 4 messages\nslack · c · 3 messages\n+ 3 more messages');
    expect(digestText(items, 'sv').split('\n').at(-1)).toBe('+ 3 meddelanden till');
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
      { appID: 'org.lull.app', 'app-name': 'Lull', hint: DIGEST_HINT, sound: false, wait: false, icon: '/opt/lull/icon.png', title: 'Lull', message: '12 held\nSlack · 5 messages\nmail · 4 messages\nCI · 3 messages', urgency: 'low' },
    ]);
    expect(DIGEST_HINT).toBe('string:x-lull:digest');
    expect(t.clicks).toEqual([]);
  });

  it('a batch of 5 in one thread and 4 from one sender in the same source is two entries; what was resolved is not mentioned', async () => {
    // Repeat escalation off: four lines from Anna in a minute must not break through here.
    const t = setUp(false, '', { repeatEscalation: { attempts: 0, minutes: 30 } });
    t.engine.startFocus({ minutes: 240 });
    for (let i = 0; i < 5; i++) await t.post(`build ${i}`, { source: 'slack', thread: 'release-train', sender: `bot${i}` });
    for (let i = 0; i < 4; i++) await t.post(`lunch? ${i}`, { source: 'slack', sender: 'Anna' });
    const gone = await t.post('code 123456', { source: 'sms', sender: 'Bank' });
    t.engine.withdraw({ id: gone.item.id });
    t.clock.advanceTo('2026-11-23T09:00:00Z');
    expect(t.sent.map((s) => s.message)).toEqual(['9 held in 2 conversations\nslack · 5 messages\nslack · Anna · 4 messages']);
    expect(JSON.stringify(t.sent)).not.toMatch(/build|lunch|Bank|code|release-train/);
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
