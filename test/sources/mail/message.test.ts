// One message's headers as an item, the back-off between reconnects, and the cursor file: the
// pure parts of the mail door (the real server's part is dovecot.test.ts).
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mailAccountSchema, type MailAccount } from '../../../main/core/mailSettings.ts';
import { isVip, senderForms } from '../../../main/core/rules.ts';
import { backoffDelay, BACKOFF } from '../../../main/sources/mail/account.ts';
import { cursorFile, whereOf } from '../../../main/sources/mail/cursor.ts';
import { dedupeKeyOf, linkOf, priorityOf, senderOf, toItem } from '../../../main/sources/mail/message.ts';
import { logger } from '../../../main/log.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const account = (over: Partial<MailAccount> = {}): MailAccount => mailAccountSchema.parse({ name: 'work', host: 'imap.example.test', user: 'ann', ...over });
const tempDir = useTempDirs();

describe('a message as an item', () => {
  it('source, sender "Name <address>", subject as title, Message-ID as dedupe key, its conversation as thread', () => {
    const item = toItem(account(), {
      uid: 7,
      receivedAt: 1,
      subject: 'Grüße aus dem Büro',
      from: { name: 'Anna Berg', address: 'anna@example.test' },
      messageId: '<m7@example.test>',
      inReplyTo: '<m6@example.test>',
      headers: 'References: <m1@example.test>\r\n <m6@example.test>\r\n\r\n',
    });
    expect(item).toEqual({ source: 'mail:work', title: 'Grüße aus dem Büro', sender: 'Anna Berg <anna@example.test>', priority: 'normal', dedupeKey: '<m7@example.test>', thread: '<m1@example.test>' });
    expect(toItem(account(), { uid: 8, receivedAt: 1, messageId: '<m8@x>' })).toMatchObject({ title: '(no subject)', thread: '<m8@x>' });
    expect(toItem(account(), { uid: 8, receivedAt: 1 }).dedupeKey).toBeUndefined();
  });

  it('fits what a sender controls: control characters, length, an over-long Message-ID', () => {
    const item = toItem(account(), { uid: 1, receivedAt: 1, subject: `a\u0007b\r\n${'x'.repeat(400)}`, from: { address: `${'y'.repeat(300)}@x.test` } });
    expect(item.title.startsWith('a b ')).toBe(true);
    expect(item.title.length).toBeLessThanOrEqual(256);
    expect(item.sender!.length).toBeLessThanOrEqual(256);
    expect(dedupeKeyOf(`<${'z'.repeat(200)}@x>`)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('sender forms: name and address, either alone, or neither', () => {
    expect(senderOf({ name: 'Anna', address: 'anna@x.test' })).toBe('Anna <anna@x.test>');
    expect(senderOf({ name: '', address: 'anna@x.test' })).toBe('anna@x.test');
    expect(senderOf({ name: 'anna@x.test', address: 'anna@x.test' })).toBe('anna@x.test');
    expect(senderOf({ name: 'Anna' })).toBe('Anna');
    expect(senderOf(undefined)).toBeUndefined();
  });

  it('priority from the headers, never urgent: any sender can set a header', () => {
    expect(priorityOf('X-Priority: 1 (Highest)\r\n')).toBe('high');
    expect(priorityOf('Importance: High\r\n')).toBe('high');
    expect(priorityOf('Priority: urgent\r\n')).toBe('high');
    expect(priorityOf('X-Priority: 5\r\n')).toBe('low');
    expect(priorityOf('Precedence: bulk\r\n')).toBe('low');
    expect(priorityOf('List-Id: <dev.lists.example.test>\r\n')).toBe('low');
    expect(priorityOf('Auto-Submitted: auto-generated\r\n')).toBe('low');
    expect(priorityOf('Auto-Submitted: no\r\n')).toBe('normal');
    expect(priorityOf('X-Priority: 3\r\n')).toBe('normal');
    expect(priorityOf(undefined)).toBe('normal');
  });

  it('the webmail link: the template filled URL-encoded, or no link', () => {
    const gmail = account({ webUrl: 'https://mail.google.com/mail/u/0/#search/rfc822msgid%3A{messageId}' });
    expect(linkOf(gmail, { uid: 3, messageId: '<a+b/c@mail.example>' })).toBe('https://mail.google.com/mail/u/0/#search/rfc822msgid%3Aa%2Bb%2Fc%40mail.example');
    expect(linkOf(gmail, { uid: 3 })).toBeUndefined();
    expect(linkOf(account({ webUrl: 'https://mail.example/{mailbox}/{uid}' }), { uid: 3 })).toBe('https://mail.example/INBOX/3');
    expect(linkOf(account(), { uid: 3, messageId: '<x@y>' })).toBeUndefined();
  });
});

describe('the account settings', () => {
  it('plain IMAP only to this machine; names unique; webUrl http(s) with known fields', () => {
    expect(mailAccountSchema.safeParse({ name: 'a', host: 'imap.example.test', user: 'u', security: 'none' }).error?.issues[0]?.message).toMatch(/only to this machine/);
    for (const host of ['localhost', '127.0.0.1', '::1', '[::1]']) expect(mailAccountSchema.safeParse({ name: 'a', host, user: 'u', security: 'none' }).success).toBe(true);
    expect(mailAccountSchema.safeParse({ name: 'a', host: 'h', user: 'u', webUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(mailAccountSchema.safeParse({ name: 'a', host: 'h', user: 'u', webUrl: 'https://x/{body}' }).success).toBe(false);
    expect(mailAccountSchema.safeParse({ name: 'a', host: 'h', user: 'u', password: 'x' }).success).toBe(false);
    expect(mailAccountSchema.safeParse({ name: 'a b', host: 'h', user: 'u' }).success).toBe(false);
  });
});

describe('VIP lists and mail senders', () => {
  it('match the whole sender, the name or the address (case-insensitive)', () => {
    expect(senderForms('Anna Berg <anna@x.test>')).toEqual(['Anna Berg <anna@x.test>', 'Anna Berg', 'anna@x.test']);
    expect(senderForms('"Berg, Anna" <anna@x.test>')).toContain('Berg, Anna');
    expect(senderForms('deploy-bot')).toEqual(['deploy-bot']);
    expect(isVip(['ANNA@x.test'], 'Anna Berg <anna@x.test>')).toBe(true);
    expect(isVip(['anna berg'], 'Anna Berg <anna@x.test>')).toBe(true);
    expect(isVip(['anna'], 'Anna Berg <anna@x.test>')).toBe(false);
    expect(isVip(['x.test'], 'Anna Berg <anna@x.test>')).toBe(false);
  });
});

describe('reconnect back-off', () => {
  it('doubles from 1 s to at most 5 min, jittered between half and all of it', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF.maxMs);
    expect(backoffDelay(1000, () => 0)).toBe(BACKOFF.maxMs / 2);
  });
});

describe('the cursor file', () => {
  const log = logger('test');
  it('round-trips, belongs to one server and mailbox, and a damaged one starts afresh', () => {
    const dir = tempDir();
    const file = cursorFile(dir, account(), log);
    expect(file.read()).toBeNull();
    file.write({ where: whereOf(account()), uidValidity: '4294967295', lastUid: 12, lastDate: 5 });
    expect(file.read()).toEqual({ where: 'ann@imap.example.test:993/INBOX', uidValidity: '4294967295', lastUid: 12, lastDate: 5 });
    expect(statSync(join(dir, 'mail', 'work.json')).mode & 0o777).toBe(0o600);
    expect(cursorFile(dir, account({ mailbox: 'Work' }), log).read()).toBeNull();
    mkdirSync(join(dir, 'mail'), { recursive: true });
    writeFileSync(join(dir, 'mail', 'work.json'), '{"where": 1');
    expect(file.read()).toBeNull();
  });
});
