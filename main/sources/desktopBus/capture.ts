// From the bus to the engine: each Notify call the monitor hears is decoded (Lull's own and
// malformed calls are left out) and handed to the intake, which commits it through ingest. The
// daemon's replies and the apps' CloseNotification calls are paired with those items (chains.ts):
// an update of a notification joins its thread, and a notification its app closes while Lull
// holds it (read on the phone) is withdrawn — resolved, and not in the next batch (PRODUCT.md §2).
import { createHash, randomBytes } from 'node:crypto';
import type { WithdrawRef } from '../../core/handling.ts';
import type { IncomingItem, IngestResult, Item } from '../../core/types.ts';
import type { Logger } from '../../log.ts';
import { Chains, type Chain } from './chains.ts';
import { Intake, type IntakeOptions, type IntakeStats } from './intake.ts';
import type { MonitorListener } from './monitor.ts';
import { decodeCloseId, decodeNotify, decodeReplyId } from './notifyCall.ts';

export interface CaptureOptions {
  ingest(item: IncomingItem): Promise<IngestResult>;
  withdraw(ref: WithdrawRef): Promise<Item | null>;
  log: Logger;
  /** A notification was lost to a flood (the health line changes). */
  onLost(): void;
  intake?: Pick<IntakeOptions, 'maxInFlight' | 'maxQueued' | 'maxQueuedChars'>;
}

export interface Capture {
  /** What one bus connection hears: unique names, serials and daemon ids start again on a new one. */
  session(): MonitorListener;
  stats(): IntakeStats & { malformed: number; repeats: number; closed: number };
  /** Resolves once what was captured so far is committed, and what was closed is withdrawn. */
  drained(): Promise<void>;
}

/** What a notification says, to know an update that says it again (a repaint, not a message). */
const contentOf = (item: IncomingItem): string =>
  createHash('sha256').update(JSON.stringify([item.app, item.title, item.body, item.priority])).digest('base64url');

export function startCapture(opts: CaptureOptions): Capture {
  let malformed = 0;
  let repeats = 0;
  let closed = 0;
  const withdrawing = new Set<Promise<void>>();
  const intake = new Intake({
    ...opts.intake,
    ingest: opts.ingest,
    onFailed(error) {
      opts.log.error({ err: error instanceof Error ? error.message : String(error) }, 'a desktop notification could not be recorded');
    },
  });

  const withdraw = (chain: Chain): void => {
    closed++;
    const done = Promise.all(
      chain.items.map(async (committed) => {
        const id = await committed;
        if (id !== null) await opts.withdraw({ id });
      }),
    ).then(
      () => {},
      (error: unknown) => opts.log.error({ err: error instanceof Error ? error.message : String(error) }, 'a closed desktop notification could not be withdrawn'),
    );
    withdrawing.add(done);
    void done.finally(() => withdrawing.delete(done));
  };

  return {
    session() {
      const chains = new Chains({ session: randomBytes(4).toString('hex') });
      return {
        notify(call) {
          const decoded = decodeNotify(call);
          if (decoded.kind === 'own') return;
          if (decoded.kind === 'malformed') {
            malformed++;
            opts.log.warn({ reason: decoded.reason }, 'a malformed Notify call was not recorded (the daemon refuses it too)');
            return;
          }
          const { item, replacesId } = decoded.captured;
          const { chain, repeat } = chains.notified({ sender: call.sender, serial: call.serial, expectsReply: call.expectsReply, replacesId, content: contentOf(item) });
          // An update that says what the notification already said is the same message: one item.
          if (repeat) {
            repeats++;
            return;
          }
          // Updates of one notification are one thread ("Slack · 3 messages"), each its own item.
          // Where the notification names its sender (KDE's origin hint) the sender groups it
          // already, and a thread key would split that sender's separate notifications apart.
          const captured: IncomingItem = item.sender ? item : { ...item, thread: chain.thread };
          let settle: (id: string | null) => void = () => {};
          const committed = new Promise<string | null>((resolve) => (settle = resolve));
          if (!intake.push(captured, settle)) {
            opts.onLost();
            return;
          }
          chains.recorded(chain, committed);
        },
        reply(reply) {
          const id = decodeReplyId(reply);
          if (id !== null) chains.replied(reply.destination, reply.replySerial, id);
        },
        close(call) {
          const id = decodeCloseId(call);
          const chain = id === null ? undefined : chains.closed(call.sender, id);
          if (chain) withdraw(chain);
        },
      };
    },
    stats: () => ({ ...intake.stats(), malformed, repeats, closed }),
    async drained() {
      await intake.drained();
      await Promise.all(withdrawing);
    },
  };
}
