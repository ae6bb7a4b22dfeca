// docs/mail.md's settings blocks are what Lull takes: each block marked `<!-- test: settings -->`
// is valid `sources.mail` as written, and each passwordCommand example is an argv array the schema
// accepts (a person copies them as they are).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailAccountsSchema, mailAccountSchema } from '../../main/core/mailSettings.ts';
import { linkOf } from '../../main/sources/mail/message.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'mail.md'), 'utf8');
const settingsBlocks = [...doc.matchAll(/<!-- test: settings -->\n```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const commandLines = [...doc.matchAll(/^\{ "passwordCommand": .*\}$/gm)].map((m) => m[0]);

describe('docs/mail.md', () => {
  it('has the Gmail, Fastmail and self-hosted blocks, each valid settings as written', () => {
    expect(settingsBlocks).toHaveLength(3);
    const accounts = settingsBlocks.flatMap((block) => mailAccountsSchema.parse(JSON.parse(block)));
    expect(accounts.map((a) => a.host)).toEqual(['imap.gmail.com', 'imap.fastmail.com', 'mail.example.org']);
    // The link templates fill in to something Lull may open.
    for (const a of accounts.filter((x) => x.webUrl)) expect(linkOf(a, { uid: 42, messageId: '<CAF=abc@mail.gmail.com>' })).toMatch(/^https:\/\//);
  });

  it('every passwordCommand example is an argv array the settings take', () => {
    expect(commandLines.length).toBeGreaterThanOrEqual(3);
    for (const line of commandLines) {
      const { passwordCommand } = JSON.parse(line) as { passwordCommand: string[] };
      expect(mailAccountSchema.parse({ name: 'x', host: 'h', user: 'u', passwordCommand }).passwordCommand).toEqual(passwordCommand);
    }
  });
});
