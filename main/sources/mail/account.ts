// Watches one mail account (PRODUCT.md §3.4): connect, open the mailbox read-only (EXAMINE, so no
// flag can change), catch up from the cursor, then IDLE and catch up again on every EXISTS. A lost
// connection is retried with a jittered back-off (1 s … 5 min); a failure only the user can fix (the
// password, the mailbox) stops retrying until the account or its password changes. The health
// line says which of these it is, without the password or any message's text.
import type { FetchMessageObject, ImapFlow, MailboxObject } from 'imapflow';
import type { Cancel, Clock } from '../../core/ports.ts';
import type { MailAccount } from '../../core/mailSettings.ts';
import type { IncomingItem, IngestResult } from '../../core/types.ts';
import type { Logger } from '../../log.ts';
import type { SourceHealth } from '../source.ts';
import { describeImapError, imapOptions, loadImapFlow, MailError, passwordOf, worthRetrying, type PasswordSources } from './connect.ts';
import { whereOf, type Cursor, type CursorFile } from './cursor.ts';
import { FETCHED_HEADERS, toItem, type MailHeaders } from './message.ts';

export const BACKOFF = { firstMs: 1_000, maxMs: 5 * 60_000 } as const;
/** Messages fetched and committed per step of a catch-up, so the cursor moves on in steps. */
const CHUNK = 200;
/** After an arrival could not be stored (a full disk), the catch-up is tried again this much later. */
const STORE_RETRY_MS = 30_000;
const DAY_MS = 86_400_000;

/** The wait before retry number `attempt` (0-based): doubling from 1 s, at most 5 min, jittered to 50–100 %. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.min(attempt, 20));
  return Math.round(full * (0.5 + random() / 2));
}

export interface AccountDeps {
  ingest(item: IncomingItem): Promise<IngestResult>;
  clock: Clock;
  passwords: PasswordSources;
  cursor: CursorFile;
  log: Logger;
  /** Called whenever the health line may have changed. */
  changed(): void;
  random?: () => number;
}

export interface AccountWatcher {
  health(): SourceHealth;
  /** Connects again now (its password was set), unless it is connected. */
  retryNow(): void;
  /** Stops watching; resolves once what it fetched is committed and the connection is closed. */
  stop(): Promise<void>;
}

const seconds = (ms: number): string => `${Math.max(1, Math.round(ms / 1000))} s`;

function headersOf(message: FetchMessageObject): MailHeaders {
  const from = message.envelope?.from?.[0];
  return {
    uid: message.uid,
    receivedAt: message.internalDate instanceof Date ? message.internalDate.getTime() : Date.parse(String(message.internalDate ?? '')) || 0,
    subject: message.envelope?.subject,
    from: from && { name: from.name, address: from.address },
    messageId: message.envelope?.messageId,
    inReplyTo: message.envelope?.inReplyTo,
    headers: message.headers?.toString('utf8'),
  };
}

export function watchAccount(account: MailAccount, deps: AccountDeps): AccountWatcher {
  const { clock, log } = deps;
  const mailbox = account.mailbox;
  // Not a trouble yet (no notice flashes at every start): it becomes one only if connecting fails.
  let health: SourceHealth = { state: 'stopped', detail: `connecting to ${account.host}` };
  let stopped = false;
  /** Bumped whenever a connection is given up, so its late events are ignored. */
  let generation = 0;
  let client: ImapFlow | null = null;
  let attempt = 0;
  let timer: Cancel | null = null;
  let cursor: Cursor | null = deps.cursor.read();
  let catching: Promise<void> | null = null;
  let again = false;

  const setHealth = (next: SourceHealth): void => {
    if (next.state === health.state && next.detail === health.detail) return;
    health = next;
    deps.changed();
  };
  const later = (ms: number, fn: () => void): void => {
    timer?.();
    timer = clock.at(clock.now() + ms, () => {
      timer = null;
      fn();
    });
  };

  function giveUp(): void {
    generation += 1;
    const old = client;
    client = null;
    old?.close();
  }

  function failed(error: MailError): void {
    if (stopped) return;
    giveUp();
    if (!worthRetrying(error.kind)) {
      log.warn({ account: account.name, kind: error.kind }, 'mail account stopped until its settings or password change');
      setHealth({ state: 'unavailable', detail: error.message });
      return;
    }
    const wait = backoffDelay(attempt, deps.random);
    attempt += 1;
    log.info({ account: account.name, kind: error.kind, retryInMs: wait }, 'mail connection failed; retrying');
    setHealth({ state: 'degraded', detail: `retrying in ${seconds(wait)}: ${error.message}` });
    later(wait, () => void connect());
  }

  /** New messages (by UID, or after a UIDVALIDITY change by arrival time) become items, in steps. */
  async function catchUpOnce(imap: ImapFlow, box: MailboxObject): Promise<void> {
    const uidValidity = String(box.uidValidity);
    const now = clock.now();
    if (!cursor) {
      // A new account starts from now: the mail already there is not news.
      cursor = { where: whereOf(account), uidValidity, lastUid: Math.max(0, Number(box.uidNext ?? 1) - 1), lastDate: now };
      deps.cursor.write(cursor);
      return;
    }
    let uids: number[];
    let newerThan = 0;
    /** After a renumbering: every UID below the mailbox's UIDNEXT that the search left out is old mail. */
    let oldBelow = 0;
    if (cursor.uidValidity !== uidValidity) {
      // The UIDs mean other messages now: only what arrived after the last one seen is new.
      log.warn({ account: account.name }, 'the mailbox UIDVALIDITY changed; catching up by arrival time');
      newerThan = cursor.lastDate;
      const found = await imap.search({ since: new Date(cursor.lastDate - DAY_MS) }, { uid: true });
      uids = (found || []).sort((a, b) => a - b);
      cursor = { ...cursor, uidValidity, lastUid: 0 };
      oldBelow = Math.max(0, Number(box.uidNext ?? 1) - 1);
    } else {
      // (box.uidNext is what SELECT said; imapflow does not move it on EXISTS, so the server is asked.)
      const found = await imap.search({ uid: `${cursor.lastUid + 1}:*` }, { uid: true });
      const last = cursor.lastUid;
      uids = (found || []).filter((uid) => uid > last).sort((a, b) => a - b);
    }
    for (let i = 0; i < uids.length && !stopped; i += CHUNK) {
      const step = uids.slice(i, i + CHUNK);
      const fetched = await imap.fetchAll(step.join(','), { uid: true, envelope: true, internalDate: true, headers: [...FETCHED_HEADERS] }, { uid: true });
      const messages = fetched.map(headersOf).sort((a, b) => a.uid - b.uid);
      const fresh = messages.filter((m) => m.receivedAt > newerThan);
      // Committed together (one group commit); the cursor moves past a message only once it is on disk.
      const results = await Promise.allSettled(fresh.map((m) => deps.ingest(toItem(account, m))));
      const firstFailure = results.findIndex((r) => r.status === 'rejected');
      const done = firstFailure === -1 ? messages : messages.filter((m) => m.uid < (fresh[firstFailure]?.uid ?? Infinity));
      const lastUid = Math.max(cursor.lastUid, ...done.map((m) => m.uid), ...(firstFailure === -1 ? step : []));
      const lastDate = Math.max(cursor.lastDate, ...done.map((m) => m.receivedAt));
      cursor = { ...cursor, lastUid, lastDate };
      deps.cursor.write(cursor);
      if (firstFailure !== -1) throw (results[firstFailure] as PromiseRejectedResult).reason;
    }
    if (newerThan > 0 && !stopped) {
      cursor = { ...cursor, lastUid: Math.max(cursor.lastUid, oldBelow) };
      deps.cursor.write(cursor);
    }
  }

  /** Runs a catch-up now, or once more after the running one. */
  function catchUp(imap: ImapFlow): Promise<void> {
    if (catching) {
      again = true;
      return catching;
    }
    const run = (async () => {
      do {
        again = false;
        const box = imap.mailbox;
        if (!box || stopped) return;
        await catchUpOnce(imap, box);
      } while (again && !stopped);
    })();
    catching = run.finally(() => {
      catching = null;
    });
    return catching;
  }

  function onArrival(imap: ImapFlow, gen: number): void {
    catchUp(imap).catch((error: unknown) => {
      if (gen !== generation || stopped) return;
      if (error instanceof Error && /ENOSPC|disk|SQLITE/i.test(`${error.name} ${error.message}`)) {
        log.warn({ account: account.name }, 'new mail could not be stored; trying again shortly');
        setHealth({ state: 'degraded', detail: 'new mail could not be stored; trying again shortly' });
        later(STORE_RETRY_MS, () => onArrival(imap, gen));
        return;
      }
      failed(describeImapError(error, account));
    });
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    timer?.();
    timer = null;
    giveUp();
    const gen = generation;
    let imap: ImapFlow;
    try {
      const password = await passwordOf(account, deps.passwords);
      const ImapFlowClient = await loadImapFlow();
      if (gen !== generation || stopped) return;
      imap = new ImapFlowClient(imapOptions(account, password));
    } catch (error) {
      if (gen === generation) failed(describeImapError(error, account));
      return;
    }
    client = imap;
    /** Until the mailbox is open and caught up, a failure is the awaited step's to report (a refused login is not a lost connection). */
    let up = false;
    // An 'error' with no listener would end the process; the 'close' that follows is what counts.
    imap.on('error', (error: unknown) => log.debug({ account: account.name, kind: describeImapError(error, account).kind }, 'mail connection error'));
    imap.on('close', () => {
      if (up && gen === generation && !stopped) failed(new MailError('connection', `the connection to ${account.host} was lost`));
    });
    imap.on('exists', () => {
      if (gen === generation) onArrival(imap, gen);
    });
    try {
      await imap.connect();
      await imap.mailboxOpen(mailbox, { readOnly: true });
      await catchUp(imap);
      if (gen !== generation || stopped) return;
      if (!imap.usable) throw new MailError('connection', `the connection to ${account.host} was lost`);
      up = true;
      attempt = 0;
      const box = imap.mailbox;
      setHealth({ state: 'running', detail: `connected, watching ${box ? box.path : mailbox}` });
      log.info({ account: account.name }, 'watching the mailbox');
    } catch (error) {
      if (gen === generation) failed(describeImapError(error, account));
    }
  }

  void connect();

  return {
    health: () => (stopped ? { state: 'stopped' } : health),
    retryNow() {
      if (stopped || health.state === 'running') return;
      attempt = 0;
      void connect();
    },
    async stop() {
      stopped = true;
      timer?.();
      timer = null;
      const open = client;
      generation += 1;
      client = null;
      await catching?.catch(() => undefined);
      if (open) {
        const closed = new Promise<void>((resolve) => open.once('close', () => resolve()));
        await Promise.race([open.logout().catch(() => open.close()), new Promise((r) => setTimeout(r, 2000))]);
        open.close();
        await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
      }
    },
  };
}
