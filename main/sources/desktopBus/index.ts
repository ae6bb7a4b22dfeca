// The Linux desktop bus as a door (PRODUCT.md §3.6): every Notify call on the session bus becomes
// an item for the engine, an update of a notification joins its thread, and a notification its
// app closes while it is held is withdrawn. Without a bus it says so in its health and the rest of Lull carries
// on; when the bus comes back, so does it. Holding the user's daemon during a block is an output
// (delivery/desktop), not this door's job.
import { superviseBus } from '../../system/dbus/supervisor.ts';
import { defineSource, type RunningSource } from '../source.ts';
import { startCapture, type CaptureOptions } from './capture.ts';
import { describeCapture } from './health.ts';
import type { IntakeStats } from './intake.ts';
import { startMonitor, type BusMonitor } from './monitor.ts';

export interface DesktopBusOptions {
  retry?: { firstMs: number; maxMs: number };
  intake?: CaptureOptions['intake'];
  /** Hears the running source (tests and the bench look inside). */
  onStarted?(source: RunningDesktopBus): void;
}

export interface RunningDesktopBus extends RunningSource {
  /** `repeats`: updates that said again what they replaced; `closed`: notifications their app closed. */
  diagnostics(): { intake: IntakeStats; malformed: number; repeats: number; closed: number };
  /** Resolves once what was captured so far is committed. */
  settled(): Promise<void>;
}

export function createDesktopBus(options: DesktopBusOptions = {}) {
  return defineSource({
    name: 'desktop-bus',
    platforms: ['linux'],
    settings: (all) => all.sources.desktopBus,
    async start(ctx) {
      let stopped = false;
      const health = () => describeCapture({ stopped, bus: supervisor.state(), dropped: capture.stats().dropped });
      const publish = (): void => ctx.healthChanged(health());
      const capture = startCapture({ ingest: ctx.ingest, withdraw: ctx.withdraw, log: ctx.log, onLost: publish, intake: options.intake });
      const supervisor = superviseBus<BusMonitor>({
        env: ctx.env,
        clock: ctx.clock,
        retry: options.retry,
        open: (address) => startMonitor(address, capture.session()),
        onState: publish,
      });
      const offSettings = ctx.settings.onChange((on) => void supervisor.setWanted(on));
      await supervisor.setWanted(ctx.settings.get());
      publish();
      const running: RunningDesktopBus = {
        health,
        diagnostics: () => {
          const { malformed, repeats, closed, ...intake } = capture.stats();
          return { intake, malformed, repeats, closed };
        },
        settled: () => capture.drained(),
        async stop() {
          if (stopped) return;
          stopped = true;
          offSettings();
          supervisor.stop();
          await capture.drained();
          publish();
        },
      };
      options.onStarted?.(running);
      return running;
    },
  });
}

export const desktopBus = createDesktopBus();
