// The tool doors' pure readers: every ntfy alias as header and query, priorities, reserved topics,
// Gotify's forms and scale, Apprise's types, and fitting text that is too long.
import { describe, expect, it } from 'vitest';
import { notificationSchema } from '../../../main/core/incoming.ts';
import { LIMITS } from '../../../main/core/vocabulary.ts';
import { appriseToolMessage, isApprise, parseAppriseJson } from '../../../main/sources/compat/apprise.ts';
import { clickUrl, fitTags, fitText, toNotification } from '../../../main/sources/compat/fit.ts';
import { gotifyPriority, gotifyToolMessage, parseGotifyForm, parseGotifyJson } from '../../../main/sources/compat/gotify.ts';
import { headerText, isTopic, ntfyToolMessage, parseJsonPublish, parsePriority, parseTopicPublish, type NtfyParse } from '../../../main/sources/compat/ntfy.ts';

const none = Buffer.alloc(0);
const ok = (p: NtfyParse) => {
  if (!p.ok) throw new Error(`refused: ${p.reason}`);
  return p.message;
};

describe('ntfy: header aliases and query forms', () => {
  it.each(['x-title', 'title', 'ti', 't'])('title from header %s and from query %s', (alias) => {
    expect(ok(parseTopicPublish('ci', Buffer.from('m'), { [alias]: 'A title' }, {})).title).toBe('A title');
    expect(ok(parseTopicPublish('ci', Buffer.from('m'), {}, { [alias]: 'Q title' })).title).toBe('Q title');
  });
  it.each(['x-priority', 'priority', 'prio', 'p'])('priority from %s', (alias) => {
    expect(ok(parseTopicPublish('ci', none, { [alias]: 'high' }, {})).priority).toBe(4);
    expect(ok(parseTopicPublish('ci', none, {}, { [alias]: '2' })).priority).toBe(2);
  });
  it.each(['x-tags', 'tags', 'tag', 'ta'])('tags from %s, comma-separated and trimmed', (alias) => {
    expect(ok(parseTopicPublish('ci', none, { [alias]: 'warning, skull,,' }, {})).tags).toEqual(['warning', 'skull']);
    expect(ok(parseTopicPublish('ci', none, {}, { [alias]: 'a,b' })).tags).toEqual(['a', 'b']);
  });
  it.each(['x-click', 'click'])('click from %s', (alias) => {
    expect(ok(parseTopicPublish('ci', none, { [alias]: 'https://example.com/x' }, {})).click).toBe('https://example.com/x');
    expect(ok(parseTopicPublish('ci', none, {}, { [alias]: 'mailto:a@example.com' })).click).toBe('mailto:a@example.com');
  });
  it.each(['x-message', 'message', 'm'])('message from %s when the body is empty; a body wins', (alias) => {
    expect(ok(parseTopicPublish('ci', none, { [alias]: 'from header' }, {})).message).toBe('from header');
    expect(ok(parseTopicPublish('ci', none, {}, { [alias]: 'from query' })).message).toBe('from query');
    expect(ok(parseTopicPublish('ci', Buffer.from('the body\n'), { [alias]: 'ignored' }, {})).message).toBe('the body');
  });
  it('a header wins over the query, as ntfy reads them; repeated query values take the first', () => {
    expect(ok(parseTopicPublish('ci', none, { title: 'H' }, { title: 'Q' })).title).toBe('H');
    expect(ok(parseTopicPublish('ci', none, {}, { title: ['one', 'two'] })).title).toBe('one');
  });
  it('no message at all is "triggered", like ntfy', () => {
    expect(ok(parseTopicPublish('hook', none, {}, {})).message).toBe('triggered');
  });
  it('a click Lull may not open is dropped, not refused', () => {
    const m = ok(parseTopicPublish('ci', none, { click: 'javascript:alert(1)' }, {}));
    expect(m.click).toBeUndefined();
    expect(clickUrl('file:///etc/passwd')).toBeUndefined();
    expect(clickUrl(`https://example.com/${'a'.repeat(LIMITS.url)}`)).toBeUndefined();
  });
  it('UTF-8 header bytes (as Node hands them over, latin1) and RFC 2047 words read as text', () => {
    expect(headerText(Buffer.from('Dörr öppen 🚪', 'utf8').toString('latin1'))).toBe('Dörr öppen 🚪');
    expect(headerText('=?UTF-8?B?8J+HqfCfh6o=?=')).toBe('🇩🇪');
    expect(headerText('=?UTF-8?Q?=C3=84pfel?=')).toBe('Äpfel');
    expect(headerText('caf\xe9')).toBe('caf\xe9'); // latin1 that is not UTF-8 stays as it came
  });
});

describe('ntfy priorities', () => {
  it.each([
    ['1', 1, 'low'], ['min', 1, 'low'], ['2', 2, 'low'], ['low', 2, 'low'], ['3', 3, 'normal'], ['default', 3, 'normal'],
    ['4', 4, 'high'], ['high', 4, 'high'], ['5', 5, 'urgent'], ['max', 5, 'urgent'], ['urgent', 5, 'urgent'], [' MAX ', 5, 'urgent'],
  ] as const)('%s is %i, Lull %s', (text, level, lull) => {
    expect(parsePriority(text)).toBe(level);
    expect(ntfyToolMessage(ok(parseTopicPublish('ci', none, { priority: text }, {}))).priority).toBe(lull);
  });
  it('HTTP’s own Priority header (RFC 9218) reads as default, as ntfy reads it', () => expect(parsePriority('u=1, i')).toBe(3));
  it.each(['0', '6', 'hi', 'critical', '-1', '4.0'])('%s is invalid: 400', (text) => {
    expect(parseTopicPublish('ci', none, { 'x-priority': text }, {})).toMatchObject({ ok: false, status: 400, code: 'invalid-priority' });
  });
});

describe('ntfy topics', () => {
  it.each(['v1', 'feed', 'login', 'assets', 'message'])('%s is reserved', (name) => expect(isTopic(name)).toBe(false));
  it.each(['index.html', 'a b', 'x'.repeat(65), '', 'ü'])('%j breaks ntfy’s topic rule', (name) => expect(isTopic(name)).toBe(false));
  it.each(['mytopic', 'phil_alerts', 'a-b_C9', 'x'.repeat(64)])('%s is a topic', (name) => expect(isTopic(name)).toBe(true));
});

describe('ntfy JSON at the root', () => {
  it('reads the documented fields; JSON wins over headers, headers fill what it leaves out', () => {
    const m = ok(parseJsonPublish({ topic: 'mytopic', message: 'Disk low', title: 'JSON title', tags: ['warning', 'cd'], priority: 4, click: 'https://homecamera.lan/x/' }, { 'x-title': 'header title', 'x-tags': 'other' }, {}));
    expect(m).toEqual({ topic: 'mytopic', message: 'Disk low', title: 'JSON title', priority: 4, tags: ['warning', 'cd'], click: 'https://homecamera.lan/x/' });
    // Apprise's ntfy target: title and message in JSON, the rest as X-* headers.
    const a = ok(parseJsonPublish({ topic: 'ci', title: 'CI failed', message: 'Build #42' }, { 'x-priority': '5', 'x-tags': 'warning,skull', 'x-click': 'http://127.0.0.1/build/42' }, {}));
    expect(a).toEqual({ topic: 'ci', title: 'CI failed', message: 'Build #42', priority: 5, tags: ['warning', 'skull'], click: 'http://127.0.0.1/build/42' });
  });
  it('an empty or missing message is "triggered"', () => expect(ok(parseJsonPublish({ topic: 't', message: '' }, {}, {})).message).toBe('triggered'));
  it.each([
    [{ topic: 'bad topic' }, 'invalid-topic'],
    [{ topic: 7 }, 'invalid-topic'],
    [{ topic: 't', priority: 9 }, 'invalid-priority'],
    [{ topic: 't', priority: 'high' }, 'invalid-priority'],
    [{ topic: 't', tags: 'a,b' }, 'invalid'],
    [{ topic: 't', message: 5 }, 'invalid'],
  ])('%j is refused (%s)', (json, code) => expect(parseJsonPublish(json, {}, {})).toMatchObject({ ok: false, code }));
});

describe('fitting to Lull’s limits: cut with "…", never refused', () => {
  it('cuts text at the limit without splitting a surrogate pair, and mends lone surrogates', () => {
    expect(fitText('abc', 3)).toBe('abc');
    expect(fitText('abcd', 3)).toBe('ab…');
    expect(fitText('a😀b', 3)).toBe('a…');
    expect(fitText('a\ud800b', 10)).toBe('a\ufffdb');
  });
  it('a long message keeps a fitted title from its first line and a fitted body', () => {
    const n = toNotification({ source: 'ci', message: `${'t'.repeat(300)}\n${'b'.repeat(9000)}` });
    expect(n.title).toHaveLength(LIMITS.title);
    expect(n.title.endsWith('…')).toBe(true);
    expect(n.body).toHaveLength(LIMITS.body);
    expect(notificationSchema.safeParse(n).success).toBe(true);
  });
  it('a one-line message without a title is the title alone; with a title it is the body', () => {
    expect(toNotification({ source: 'ci', message: 'Backup successful 😀' })).toEqual({ source: 'ci', title: 'Backup successful 😀' });
    expect(toNotification({ source: 'ci', title: 'T', message: 'Backup' })).toEqual({ source: 'ci', title: 'T', body: 'Backup' });
    expect(toNotification({ source: 'ci', message: 'line one\nline two' })).toEqual({ source: 'ci', title: 'line one', body: 'line one\nline two' });
  });
  it('tags: at most 16, each at most 64, empty ones left out', () => {
    const tags = fitTags([...Array.from({ length: 20 }, (_, i) => `t${i}`), ' ', 'x'.repeat(100)]);
    expect(tags).toHaveLength(LIMITS.tags);
    expect(fitTags(['x'.repeat(100)])?.[0]).toHaveLength(LIMITS.tag);
    expect(fitTags([' ', ''])).toBeUndefined();
  });
});

describe('Gotify', () => {
  it.each([
    [0, 'low'], [3, 'low'], [4, 'normal'], [5, 'normal'], [7, 'normal'], [8, 'high'], [9, 'high'], [10, 'urgent'], [-2, 'low'], [15, 'urgent'],
  ] as const)('priority %i is %s', (p, lull) => expect(gotifyPriority(p)).toBe(lull));
  it('JSON: message required, priority an integer, extras kept', () => {
    expect(parseGotifyJson({ title: 'T', message: 'M', priority: 8, extras: { 'client::notification': { click: { url: 'https://x.example/' } } } })).toMatchObject({ ok: true });
    expect(parseGotifyJson({ title: 'T' })).toMatchObject({ ok: false, status: 400 });
    expect(parseGotifyJson({ message: '' })).toMatchObject({ ok: false, status: 400 });
    expect(parseGotifyJson({ message: 'M', priority: 2.5 })).toMatchObject({ ok: false, code: 'invalid-priority' });
    expect(parseGotifyJson([1])).toMatchObject({ ok: false });
  });
  it('a form’s fields, over the query’s; a priority that is not a number is refused', () => {
    const form = new Map([['message', 'from form'], ['priority', '10']]);
    const p = parseGotifyForm(form, { title: 'from query', message: 'not this' });
    expect(p).toEqual({ ok: true, message: { title: 'from query', message: 'from form', priority: 10 } });
    expect(parseGotifyForm(new Map([['message', 'm'], ['priority', 'high']]), {})).toMatchObject({ ok: false, code: 'invalid-priority' });
  });
  it('the click extra becomes the item’s link; no priority leaves Lull’s default', () => {
    const p = parseGotifyJson({ message: 'M', extras: { 'client::notification': { click: { url: 'https://x.example/' } } } });
    if (!p.ok) throw new Error('refused');
    expect(gotifyToolMessage(p.message, 'gotify')).toMatchObject({ source: 'gotify', url: 'https://x.example/', priority: undefined });
  });
});

describe('Apprise json://', () => {
  it('is told from ntfy’s JSON by its keys and its missing topic', () => {
    expect(isApprise({ version: '1.0', title: '', message: 'm', type: 'info' })).toBe(true);
    expect(isApprise({ version: '1.0', message: 'm', type: 'info', topic: 'ci' })).toBe(false);
    expect(isApprise({ message: 'm' })).toBe(false);
  });
  it.each([
    ['failure', 'high'], ['warning', 'normal'], ['info', 'normal'], ['success', 'normal'], ['other', 'normal'],
  ])('type %s is %s', (type, lull) => {
    const p = parseAppriseJson({ version: '1.0', title: 'T', message: 'M', attachments: [], type });
    if (!p.ok) throw new Error('refused');
    expect(appriseToolMessage(p.message, 'apprise').priority).toBe(lull);
  });
  it('refuses a body with neither title nor message, or with text that is not a string', () => {
    expect(parseAppriseJson({ version: '1.0', type: 'info' })).toMatchObject({ ok: false, status: 400 });
    expect(parseAppriseJson({ version: '1.0', title: 5 })).toMatchObject({ ok: false, status: 400 });
  });
});
