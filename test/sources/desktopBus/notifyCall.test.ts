// Decoding a Notify call into an item: the spec's arguments, urgency and category hints, a sender
// only from a hint that names one, actions, links, Lull's own hint, and bounds on every field.
import dbus from 'dbus-next';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bounded, firstLink, plainText } from '../../../main/system/markup.ts';
import { decodeCloseId, decodeNotify, decodeReplyId, NOTIFY_SIGNATURE } from '../../../main/sources/desktopBus/notifyCall.ts';

const v = (signature: string, value: unknown) => new dbus.Variant(signature, value);
const call = (over: Partial<{ app: string; replaces: number; icon: string; summary: string; body: string; actions: string[]; hints: Record<string, unknown> }> = {}) => ({
  sender: ':1.42',
  signature: NOTIFY_SIGNATURE,
  body: [over.app ?? 'Slack', over.replaces ?? 0, over.icon ?? 'slack', over.summary ?? 'Hi', over.body ?? '', over.actions ?? [], over.hints ?? {}, -1],
});
const itemOf = (c: ReturnType<typeof call>) => {
  const d = decodeNotify(c);
  if (d.kind !== 'item') throw new Error(`not an item: ${d.kind}`);
  return d.captured.item;
};

describe('Notify call → item', () => {
  it('maps the arguments and hints, inventing nothing', () => {
    const d = decodeNotify(call({ body: 'see <a href="https://x.example/a?b=1&amp;c=2">this</a>', hints: { urgency: v('y', 0), category: v('s', 'email.arrived'), 'sender-pid': v('x', 42n) } }));
    expect(d).toEqual({
      kind: 'item',
      captured: {
        item: { source: 'desktop', title: 'Hi', body: 'see this', sender: undefined, url: 'https://x.example/a?b=1&c=2', priority: 'low', app: 'Slack', category: 'email.arrived', tags: undefined, icon: 'slack' },
        replacesId: 0,
      },
    });
  });

  it('urgency 2 is urgent; 1 normal; a missing or odd urgency leaves the priority unset', () => {
    expect(itemOf(call({ hints: { urgency: v('y', 2) } })).priority).toBe('urgent');
    expect(itemOf(call({ hints: { urgency: v('y', 1) } })).priority).toBe('normal');
    expect(itemOf(call({ hints: { urgency: v('y', 7) } })).priority).toBeUndefined();
    expect(itemOf(call()).priority).toBeUndefined();
  });

  it('takes the sender from x-kde-origin-name only', () => {
    expect(itemOf(call({ hints: { 'x-kde-origin-name': v('s', 'Anna <b>B</b>') } })).sender).toBe('Anna B');
    expect(itemOf(call({ hints: { 'desktop-entry': v('s', 'slack') } })).sender).toBeUndefined();
  });

  it('records action labels as tags, not the default action, at most 16', () => {
    const actions = ['default', 'Open', 'reply', 'Reply', 'mute', 'Mute <i>1h</i>', ...Array.from({ length: 40 }, (_, i) => [`k${i}`, `L${i}`]).flat()];
    const tags = itemOf(call({ actions })).tags ?? [];
    expect(tags.slice(0, 2)).toEqual(['action:Reply', 'action:Mute 1h']);
    expect(tags).toHaveLength(16);
  });

  it('an update (replaces_id) is an item of its own, with no dedupe key: the chain makes it a thread (chains.ts)', () => {
    const d = decodeNotify(call({ replaces: 7 }));
    expect(d.kind === 'item' && d.captured.replacesId).toBe(7);
    expect(itemOf(call({ replaces: 7 })).dedupeKey).toBeUndefined();
    expect(itemOf(call({ replaces: 0 })).thread).toBeUndefined();
  });

  it("reads the id in Notify's reply and in CloseNotification, and nothing else", () => {
    expect(decodeReplyId({ destination: ':1.42', replySerial: 9, signature: 'u', body: [12] })).toBe(12);
    expect(decodeReplyId({ destination: ':1.42', replySerial: 9, signature: 'ssss', body: ['dunst', 'knopwob', '1.9.0', '1.2'] })).toBeNull();
    expect(decodeReplyId({ destination: ':1.42', replySerial: 9, signature: 'u', body: [0] })).toBeNull();
    expect(decodeCloseId({ sender: ':1.42', signature: 'u', body: [12] })).toBe(12);
    expect(decodeCloseId({ sender: ':1.42', signature: 's', body: ['12'] })).toBeNull();
    expect(decodeCloseId({ sender: ':1.42', signature: 'u', body: [] })).toBeNull();
  });

  it("ignores Lull's own notifications (any x-lull hint) and refuses calls that are not the spec's", () => {
    expect(decodeNotify(call({ hints: { 'x-lull': v('s', 'digest') } }))).toEqual({ kind: 'own' });
    expect(decodeNotify({ sender: ':1.1', signature: 'ss', body: ['a', 'b'] }).kind).toBe('malformed');
    expect(decodeNotify({ sender: ':1.1', signature: NOTIFY_SIGNATURE, body: ['a', -1, '', 's', 'b', [], {}, 0] }).kind).toBe('malformed');
  });

  it('an empty summary takes the app name as title, never the body (titles-only must not store body text)', () => {
    expect(itemOf(call({ summary: '', body: 'secret' })).title).toBe('Slack');
    expect(itemOf(call({ summary: '', app: '' })).title).toBe('Notification');
  });
});

describe('markup to text', () => {
  it('keeps text, drops tags, decodes entities, keeps a lone <', () => {
    expect(plainText('<b>a</b>&amp;<i>b</i><br/>c &lt;d&gt; 1 < 2 &#65;&#x42; &bogus; &#xD800;', 100)).toBe('a&b\nc <d> 1 < 2 AB &bogus; \ufffd');
  });

  it('bounds the text without splitting a surrogate pair, and owns its characters', () => {
    expect(bounded('ab😀', 3)).toBe('ab…');
    expect(bounded('a😀b', 3)).toBe('a…');
    expect(plainText('x'.repeat(10_000), 8192)).toHaveLength(8192);
  });

  it('only http, https and mailto links', () => {
    expect(firstLink('<a href="mailto:a@b.c">m</a>')).toBe('mailto:a@b.c');
    expect(firstLink("<a href='javascript:alert(1)'>x</a>")).toBeUndefined();
    expect(firstLink('<a href="not a url">x</a>')).toBeUndefined();
  });

  it('any input: well-formed, bounded, no control characters; hostile markup is linear work', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.integer({ min: 2, max: 300 }), (raw, max) => {
        const out = plainText(raw, max);
        return out.length <= max && out.isWellFormed() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(out);
      }),
    );
    // Quadratic backtracking on these would run for minutes and hit the test timeout.
    const hostile = '<a '.repeat(200_000) + '<'.repeat(200_000) + '&#'.repeat(200_000);
    expect(plainText(hostile, 8192).length).toBeLessThanOrEqual(8192);
    expect(firstLink(hostile)).toBeUndefined();
  });
});
