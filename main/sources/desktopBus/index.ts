// The Linux desktop-bus source (PRODUCT.md §3.3): every Notify call on the session bus becomes an
// item for the engine, and the user's notification daemon is held for the length of each block.
// Without a bus, or without a daemon Lull can hold, it says so in its health and the rest of
// Lull carries on; when the bus or the daemon comes back, so does it.
import { systemClock } from '../../core/clock.ts';
import type { Clock } from '../../core/ports.ts';
import type { EngineEvent } from '../../core/types.ts';
import { execRunner, type CommandRunner, type DaemonName } from '../../delivery/daemons/control.ts';
import { controlFor, detectControl, type Detection } from '../../delivery/daemons/factory.ts';
import { DaemonHold, type HoldOptions, type HoldPhase } from '../../delivery/daemons/hold.ts';
import { logger } from '../../log.ts';
import type { RunningSource, SourceContext } from '../legacySource.ts';
import type { SourceHealth } from '../source.ts';
import { showBreakthrough } from './breakthrough.ts';
import { sessionBusAddress } from './busConnection.ts';
import { watchDaemon, type DaemonWatch, type NotifyArgs } from './daemonWatch.ts';
import { dunstLaunch, DunstOverlay } from './dunstOverlay.ts';
import { describeHealth, type DaemonSeen } from './health.ts';
import { Intake, type IntakeOptions, type IntakeStats } from './intake.ts';
import { plainText } from './markup.ts';
import { startMonitor, type BusMonitor, type NotifyCall } from './monitor.ts';
import { decodeNotify, DESKTOP_SOURCE, type CapturedNotification } from './notifyCall.ts';

const log = logger('desktop-bus');

export interface DesktopBusOptions {
  /** Where the session bus address and the daemons' controls come from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  runner?: CommandRunner;
  /** Times the release window after a batch (default: the system clock). */
  clock?: Clock;
  retry?: { firstMs: number; maxMs: number };
  hold?: Omit<HoldOptions, 'dataDir' | 'clock'>;
  intake?: Pick<IntakeOptions, 'maxInFlight' | 'maxQueued' | 'maxQueuedChars'>;
}

export interface DesktopBusDiagnostics {
  daemon: DaemonName | null;
  hold: HoldPhase;
  overlayAddress: string | null;
  intake: IntakeStats;
  malformed: number;
}

export interface DesktopBusSource extends RunningSource {
  diagnostics(): Promise<DesktopBusDiagnostics>;
  /** Resolves once what was captured so far is committed and the daemon operations asked for have run. */
  settled(): Promise<void>;
}

export function createDesktopBus(options: DesktopBusOptions = {}): (ctx: SourceContext) => Promise<DesktopBusSource> {
  return async (ctx) => {
    const env = options.env ?? process.env;
    const runner = options.runner ?? execRunner(env);
    const clock = options.clock ?? systemClock;
    const retry = options.retry ?? { firstMs: 1_000, maxMs: 30_000 };
    const address = sessionBusAddress(env);
    const hold = new DaemonHold({ dataDir: ctx.dataDir, clock, ...options.hold });
    const overlay = new DunstOverlay(async () => dunstLaunch((await watch?.ownerPid()) ?? null, env));
    const healthListeners = new Set<(h: SourceHealth) => void>();
    let enabled = ctx.settings().sources.desktopBus;
    let stopped = false;
    let monitor: BusMonitor | null = null;
    let watch: DaemonWatch | null = null;
    let busError: string | null = null;
    let daemon: DaemonSeen = { kind: 'unknown-yet' };
    let malformed = 0;
    let retryTimer: NodeJS.Timeout | null = null;
    let retryDelay = retry.firstMs;
    let detecting: Promise<void> = Promise.resolve();
    let lastHealth = '';
    let showing: Promise<void> = Promise.resolve();

    const health = (): SourceHealth =>
      describeHealth({ stopped, enabled, address, connected: monitor !== null, busError, daemon, hold: hold.status(), dropped: intake.stats().dropped });
    const publishHealth = (): void => {
      const h = health();
      const key = `${h.state}|${h.detail ?? ''}`;
      if (key === lastHealth) return;
      lastHealth = key;
      log.info({ state: h.state, detail: h.detail }, 'desktop bus health');
      for (const l of healthListeners) l(h);
    };

    /** Shows a breakthrough while the daemon is held; when it is not held, the daemon shows it itself. */
    const present = (captured: CapturedNotification): void => {
      const { phase, daemon: held } = hold.status();
      if (phase !== 'held' || !held) return;
      const notify = (args: NotifyArgs): Promise<void> => (watch ? watch.notify(args) : Promise.reject(new Error('the session bus is not connected')));
      const shown = showBreakthrough(held, captured, { overlay, notify }).catch((error: unknown) => {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a breakthrough could not be shown');
      });
      showing = Promise.all([showing, shown]).then(() => undefined);
    };

    const intake = new Intake<CapturedNotification>({
      ...options.intake,
      ingest: (item) => ctx.engine.ingest(item),
      onRecorded(result, captured) {
        if (!result.duplicate && result.item.disposition === 'breakthrough') present(captured);
      },
      onFailed(error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'a desktop notification could not be recorded');
      },
    });

    const onNotify = (call: NotifyCall): void => {
      const decoded = decodeNotify(call);
      if (decoded.kind === 'own') return;
      if (decoded.kind === 'malformed') {
        malformed++;
        log.warn({ reason: decoded.reason }, 'a malformed Notify call was not recorded (the daemon refuses it too)');
        return;
      }
      if (!intake.push(decoded.captured.item, decoded.captured)) publishHealth();
    };

    const detect = (): Promise<void> =>
      (detecting = detecting.then(async () => {
        const w = watch;
        if (!w || stopped) return;
        const blockActive = (): boolean => ctx.engine.status().state === 'focus';
        await overlay.close(); // it drew for the daemon that was there before
        if (!(await w.owner())) {
          daemon = { kind: 'none' };
          await hold.setControl(null, blockActive());
          return publishHealth();
        }
        const serverName = plainText((await w.serverName()) ?? '', 64);
        const found: Detection = await detectControl(serverName, runner);
        daemon = found.kind === 'control' ? { kind: 'control', name: found.control.name } : found;
        await hold.setControl(found.kind === 'control' ? found.control : null, blockActive());
        publishHealth();
      }).catch((error: unknown) => {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the notification daemon could not be detected');
      }));

    const disconnect = (): void => {
      monitor?.close();
      watch?.close();
      monitor = null;
      watch = null;
    };

    const scheduleRetry = (): void => {
      if (stopped || !enabled || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void connect();
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, retry.maxMs);
    };

    async function connect(): Promise<void> {
      if (stopped || !enabled || !address || monitor) return;
      try {
        const m = await startMonitor(address, onNotify);
        let w: DaemonWatch;
        try {
          w = await watchDaemon(address);
        } catch (error) {
          m.close();
          throw error;
        }
        if (stopped || !enabled) {
          m.close();
          w.close();
          return;
        }
        monitor = m;
        watch = w;
        busError = null;
        retryDelay = retry.firstMs;
        void Promise.race([m.ended, w.ended]).then((reason) => {
          if (monitor !== m) return;
          disconnect();
          busError = reason;
          daemon = { kind: 'unknown-yet' };
          void hold.setControl(null, ctx.engine.status().state === 'focus');
          publishHealth();
          scheduleRetry();
        });
        w.onOwnerChanged(() => void detect());
        publishHealth();
        await detect();
      } catch (error) {
        busError = error instanceof Error ? error.message : String(error);
        publishHealth();
        scheduleRetry();
      }
    }

    const offEngine = ctx.engine.on((event: EngineEvent) => {
      if (event.type === 'block-started') void hold.blockStarted();
      // Other sources' breakthroughs go out through node-notifier, which a held daemon would keep.
      else if (event.type === 'item-added' && event.item.source !== DESKTOP_SOURCE && event.item.disposition === 'breakthrough') {
        present({ item: event.item, display: { icon: '', urgency: event.item.priority === 'urgent' ? 2 : 1, category: event.item.category } });
      }
      else if (event.type === 'batch' && ctx.engine.status().state === 'focus') void hold.batchReleased();
      else if (event.type === 'block-ended') void hold.blockEnded().then(() => overlay.close());
      else if (event.type === 'state' && ctx.settings().sources.desktopBus !== enabled) {
        enabled = !enabled;
        if (enabled) void connect();
        else {
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = null;
          disconnect();
          void hold.letGo().then(() => overlay.close());
        }
        publishHealth();
      }
    });
    const offHold = hold.onStatus(() => publishHealth());

    // A run killed mid-block left the daemon paused: give it back now if no block runs, even with
    // the source off or the bus not there yet.
    if (ctx.engine.status().state !== 'focus') await hold.restoreLeftover((name) => controlFor(name, runner));
    await connect();

    return {
      name: 'desktop-bus',
      health,
      onHealth(listener) {
        healthListeners.add(listener);
        return () => healthListeners.delete(listener);
      },
      async diagnostics() {
        return { daemon: daemon.kind === 'control' ? daemon.name : null, hold: hold.status().phase, overlayAddress: await overlay.address(), intake: intake.stats(), malformed };
      },
      async settled() {
        await intake.drained();
        await detecting;
        await showing;
        await hold.idle();
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        offEngine();
        monitor?.close();
        monitor = null;
        await intake.drained();
        await detecting;
        await hold.letGo();
        await overlay.close();
        offHold();
        disconnect();
        publishHealth();
      },
    };
  };
}

/** The source as openLull starts it: the session bus and the commands of this process's environment. */
export const startDesktopBus = createDesktopBus();

