// From the bus to the engine: each Notify call the monitor hears is decoded (Lull's own and
// malformed calls are left out) and handed to the intake, which commits it through ingest.
import type { IncomingItem, IngestResult } from '../../core/types.ts';
import type { Logger } from '../../log.ts';
import { Intake, type IntakeOptions, type IntakeStats } from './intake.ts';
import type { NotifyCall } from './monitor.ts';
import { decodeNotify } from './notifyCall.ts';

export interface CaptureOptions {
  ingest(item: IncomingItem): Promise<IngestResult>;
  log: Logger;
  /** A notification was lost to a flood (the health line changes). */
  onLost(): void;
  intake?: Pick<IntakeOptions, 'maxInFlight' | 'maxQueued' | 'maxQueuedChars'>;
}

export interface Capture {
  onNotify(call: NotifyCall): void;
  stats(): IntakeStats & { malformed: number };
  /** Resolves once what was captured so far is committed. */
  drained(): Promise<void>;
}

export function startCapture(opts: CaptureOptions): Capture {
  let malformed = 0;
  const intake = new Intake({
    ...opts.intake,
    ingest: opts.ingest,
    onFailed(error) {
      opts.log.error({ err: error instanceof Error ? error.message : String(error) }, 'a desktop notification could not be recorded');
    },
  });
  return {
    onNotify(call) {
      const decoded = decodeNotify(call);
      if (decoded.kind === 'own') return;
      if (decoded.kind === 'malformed') {
        malformed++;
        opts.log.warn({ reason: decoded.reason }, 'a malformed Notify call was not recorded (the daemon refuses it too)');
        return;
      }
      if (!intake.push(decoded.captured.item)) opts.onLost();
    },
    stats: () => ({ ...intake.stats(), malformed }),
    drained: () => intake.drained(),
  };
}
