// Which held item a daemon's notification id stands for, learned on the bus (PRODUCT.md §2, §3.6).
//
// An app never names a notification by anything Lull knows: Notify's reply (from the daemon)
// carries the id, and the app then uses that id to update the notification (`replaces_id` in a
// later Notify) or to take it back (`CloseNotification`, e.g. the message was read on the phone).
// So each Notify call is remembered by its sender and serial until the daemon's method return
// (same destination, reply_serial = the call's serial) says its id; from then on the id leads to
// the chain: the items of the first notification and of every update of it.
//
// Memory is bounded: under a flood the oldest calls and ids are forgotten (an update of a
// forgotten id starts a chain of its own; a close of one withdraws nothing). Everything here is
// one bus connection's: unique names and serials start again on a new bus, so a new session is a
// new Chains, with a key of its own in every thread it names.
import { LIMITS } from '../../core/vocabulary.ts';

/** One notification as the user sees it: the first Notify and the updates that replaced it. */
export interface Chain {
  /** The thread every item of the chain carries (Item.thread). */
  readonly thread: string;
  /** The bus connections that sent it or an update of it: only they may close it. */
  readonly senders: Set<string>;
  /** Each item's id once committed (null when it was lost or failed), in arrival order. */
  readonly items: Promise<string | null>[];
  /** What the last Notify of the chain said, to know an update that says it again. */
  content: string;
}

export interface NotifyFacts {
  sender: string;
  serial: number;
  /** False for a call sent with NO_REPLY_EXPECTED: no reply will tell its id. */
  expectsReply: boolean;
  replacesId: number;
  /** A fingerprint of what it says (app, title, body, urgency). */
  content: string;
}

export interface ChainsOptions {
  /** Unique to this bus connection: it keeps threads from two bus sessions apart. */
  session: string;
  /** Calls waiting for their reply, and ids known, each at most this many. */
  limit?: number;
  /** Items remembered per chain (a progress bar updated every second is one chain). */
  maxItems?: number;
}

/** A Map that forgets its oldest entry past `limit` (insertion order is age). */
function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}

export class Chains {
  private readonly waiting = new Map<string, Chain>();
  private readonly shown = new Map<number, Chain>();
  private readonly session: string;
  private readonly limit: number;
  private readonly maxItems: number;

  constructor(opts: ChainsOptions) {
    this.session = opts.session;
    this.limit = opts.limit ?? 10_000;
    this.maxItems = opts.maxItems ?? 1_000;
  }

  /**
   * A Notify call: the chain it belongs to, and whether it only says again what the chain's last
   * notification said (a repaint, not a message: no new item).
   */
  notified(call: NotifyFacts): { chain: Chain; repeat: boolean } {
    // The daemon's id space is one for all senders (dunst replaces id N for whoever asks), so an
    // update is found by the id alone; `notify-send -r` is a new connection each time.
    const known = call.replacesId > 0 ? this.shown.get(call.replacesId) : undefined;
    const repeat = known !== undefined && known.content === call.content;
    const chain = known ?? { thread: this.threadOf(call), senders: new Set<string>(), items: [], content: call.content };
    chain.senders.add(call.sender);
    chain.content = call.content;
    if (call.expectsReply) remember(this.waiting, `${call.sender}\u0000${call.serial}`, chain, this.limit);
    return { chain, repeat };
  }

  /** Remembers an item of the chain, by the promise of its id once committed. */
  recorded(chain: Chain, id: Promise<string | null>): void {
    chain.items.push(id);
    if (chain.items.length > this.maxItems) chain.items.shift();
  }

  /** The daemon's method return to a call: `id` is now that call's notification. */
  replied(destination: string, replySerial: number, id: number): void {
    const key = `${destination}\u0000${replySerial}`;
    const chain = this.waiting.get(key);
    if (!chain) return;
    this.waiting.delete(key);
    remember(this.shown, id, chain, this.limit);
  }

  /**
   * CloseNotification(id) from `sender`: the chain it closes, forgotten from now on. Only a
   * connection that sent the notification or an update of it may close it: another app closing
   * ids (a mistake, or a misbehaving app counting through them) must not make held items vanish.
   */
  closed(sender: string, id: number): Chain | undefined {
    const chain = this.shown.get(id);
    if (!chain?.senders.has(sender)) return undefined;
    this.shown.delete(id);
    return chain;
  }

  private threadOf(call: NotifyFacts): string {
    const key = call.replacesId > 0 ? `${call.sender}:r${call.replacesId}` : `${call.sender}:${call.serial}`;
    return `bus:${this.session}:${key}`.slice(0, LIMITS.thread);
  }
}
