// Where a mail account's watcher left off (PRODUCT.md §3.4: nothing missed, nothing twice): the
// mailbox's UIDVALIDITY, the last UID turned into an item, and the newest arrival time seen. Kept
// in <data dir>/mail/<account>.json, written durably after each catch-up, so a restart, a
// disconnect or a night asleep resumes from there. The cursor belongs to one server, user and
// mailbox: an account edited to point elsewhere starts afresh.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { MailAccount } from '../../core/mailSettings.ts';
import type { Logger } from '../../log.ts';
import { writeFileDurably } from '../../store/durableFile.ts';
import { portOf } from './connect.ts';

export const cursorSchema = z.object({
  /** user@host:port/mailbox: which mailbox the UIDs belong to. */
  where: z.string(),
  /** UIDVALIDITY as a decimal string (it is a 32-bit unsigned number; imapflow gives a bigint). */
  uidValidity: z.string().regex(/^\d+$/),
  lastUid: z.number().int().min(0),
  /** The newest INTERNALDATE seen (epoch ms): after a UIDVALIDITY change only newer mail becomes items. */
  lastDate: z.number().int().min(0),
});

export type Cursor = z.output<typeof cursorSchema>;

export const whereOf = (account: MailAccount): string => `${account.user}@${account.host}:${portOf(account)}/${account.mailbox}`;

export interface CursorFile {
  read(): Cursor | null;
  write(cursor: Cursor): void;
}

export function cursorFile(dataDir: string, account: MailAccount, log: Logger): CursorFile {
  const dir = join(dataDir, 'mail');
  const path = join(dir, `${account.name}.json`);
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null;
      }
      try {
        const cursor = cursorSchema.parse(JSON.parse(text));
        return cursor.where === whereOf(account) ? cursor : null;
      } catch {
        // Starting afresh only skips what arrived before now; it never floods.
        log.warn({ account: account.name, path }, 'the mail cursor file is damaged; this account starts from now');
        return null;
      }
    },
    write(cursor) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileDurably(path, `${JSON.stringify(cursor)}\n`);
    },
  };
}
