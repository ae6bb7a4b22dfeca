// Pairing Notify calls with the daemon's replies and the apps' closes, as plain data: the thread of
// a replaces_id chain, a repaint that says nothing new, who may close, and memory bounds.
import { describe, expect, it } from 'vitest';
import { Chains } from '../../../main/sources/desktopBus/chains.ts';

const notify = (sender: string, serial: number, replacesId = 0, content = `c${serial}`) => ({ sender, serial, expectsReply: true, replacesId, content });

describe('notification chains', () => {
  it('a notification and its updates are one thread, whoever sends the update (the daemon id is one space)', () => {
    const chains = new Chains({ session: 's1' });
    const first = chains.notified(notify(':1.7', 3));
    chains.replied(':1.7', 3, 41);
    const update = chains.notified(notify(':1.8', 2, 41));
    chains.replied(':1.8', 2, 41);
    const again = chains.notified(notify(':1.9', 5, 41));
    expect(first.chain.thread).toBe('bus:s1::1.7:3');
    expect([update.chain.thread, again.chain.thread]).toEqual([first.chain.thread, first.chain.thread]);
    expect(chains.notified(notify(':1.7', 4)).chain.thread).not.toBe(first.chain.thread);
    // An update of an id Lull never saw (it started later) is a chain of its own.
    expect(chains.notified(notify(':1.7', 6, 99)).chain.thread).toBe('bus:s1::1.7:r99');
  });

  it('an update that says what the notification already says is a repaint, not a message', () => {
    const chains = new Chains({ session: 's1' });
    chains.notified(notify(':1.7', 3, 0, 'downloading'));
    chains.replied(':1.7', 3, 5);
    expect(chains.notified(notify(':1.7', 4, 5, 'downloading')).repeat).toBe(true);
    expect(chains.notified(notify(':1.7', 5, 5, 'done')).repeat).toBe(false);
    expect(chains.notified(notify(':1.7', 6, 5, 'downloading')).repeat).toBe(false);
  });

  it('only a connection that sent the notification or an update of it may close it, once', () => {
    const chains = new Chains({ session: 's1' });
    const { chain } = chains.notified(notify(':1.7', 3));
    chains.replied(':1.7', 3, 8);
    chains.replied(':1.7', 99, 9);
    expect(chains.closed(':1.12', 8)).toBeUndefined();
    expect(chains.closed(':1.7', 9)).toBeUndefined();
    expect(chains.closed(':1.7', 8)).toBe(chain);
    expect(chains.closed(':1.7', 8)).toBeUndefined();
  });

  it('a call sent without wanting a reply is never waited for; old calls and ids are forgotten past the limit', () => {
    const chains = new Chains({ session: 's1', limit: 2, maxItems: 2 });
    chains.notified({ ...notify(':1.7', 1), expectsReply: false });
    chains.replied(':1.7', 1, 1);
    expect(chains.closed(':1.7', 1)).toBeUndefined();
    for (const serial of [2, 3, 4]) chains.notified(notify(':1.7', serial));
    for (const serial of [2, 3, 4]) chains.replied(':1.7', serial, serial);
    expect(chains.closed(':1.7', 2)).toBeUndefined();
    const last = chains.closed(':1.7', 4);
    expect(last).toBeDefined();
    for (const id of ['a', 'b', 'c']) chains.recorded(last!, Promise.resolve(id));
    expect(last!.items).toHaveLength(2);
  });
});
