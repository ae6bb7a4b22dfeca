// Holds the user's notification daemon for the length of each focus block (docs/linux.md), driven
// by the engine's events: block-started pauses it, a batch lets it show what it kept, block-ended
// puts back exactly the state from before. While it is held, breakthroughs (the desktop's own and
// other sources') are shown at once: on a private dunst overlay, or as a critical copy.
import type { IncomingItem, Item } from '../../core/types.ts';
import { execRunner, type CommandRunner } from '../../system/commands.ts';
import { superviseBus } from '../../system/dbus/supervisor.ts';
import { plainText } from '../../system/markup.ts';
import { controlFor, detectControl, type DaemonName } from '../daemons/control.ts';
import { DaemonHold, type HoldOptions, type HoldPhase } from '../daemons/hold.ts';
import { defineOutput, type RunningOutput } from '../output.ts';
import { showBreakthrough } from './breakthrough.ts';
import { watchDaemon, type DaemonWatch } from './daemonWatch.ts';
import { dunstLaunch, DunstOverlay } from './dunstOverlay.ts';
import { describeHold, type DaemonSeen } from './health.ts';

export interface DesktopHoldOptions {
  /** Runs the daemons' controls (default: execFile in Lull's environment). */
  runner?: CommandRunner;
  retry?: { firstMs: number; maxMs: number };
  hold?: Omit<HoldOptions, 'dataDir' | 'clock'>;
  /** Hears the running output (tests and the bench look inside). */
  onStarted?(output: RunningDesktopHold): void;
}

export interface RunningDesktopHold extends RunningOutput {
  diagnostics(): Promise<{ daemon: DaemonName | null; hold: HoldPhase; overlayAddress: string | null }>;
  /** Resolves once the daemon operations and breakthroughs asked for so far have run. */
  settled(): Promise<void>;
}

export function createDesktopHold(options: DesktopHoldOptions = {}) {
  return defineOutput({
    name: 'daemon-hold',
    healthOf: 'desktop-bus',
    platforms: ['linux'],
    settings: (all) => all.sources.desktopBus,
    async start(ctx) {
      const runner = options.runner ?? execRunner(ctx.env);
      const hold = new DaemonHold({ dataDir: ctx.dataDir, clock: ctx.clock, ...options.hold });
      const blockActive = (): boolean => ctx.status().state === 'focus';
      let stopped = false;
      let daemon: DaemonSeen = { kind: 'unknown-yet' };
      let detecting: Promise<void> = Promise.resolve();
      let showing: Promise<void> = Promise.resolve();

      const health = () => describeHold({ stopped, bus: supervisor.state(), daemon, hold: hold.status() });
      const publish = (): void => ctx.healthChanged(health());

      const detect = (): Promise<void> =>
        (detecting = detecting
          .then(async () => {
            const w = supervisor.current();
            if (!w || stopped) return;
            await overlay.close(); // it drew for the daemon that was there before
            if (!(await w.owner())) {
              daemon = { kind: 'none' };
              await hold.setControl(null, blockActive());
              return publish();
            }
            const found = await detectControl(plainText((await w.serverName()) ?? '', 64), runner);
            daemon = found.kind === 'control' ? { kind: 'control', name: found.control.name } : found;
            await hold.setControl(found.kind === 'control' ? found.control : null, blockActive());
            publish();
          })
          .catch((error: unknown) => {
            ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the notification daemon could not be detected');
          }));

      const supervisor = superviseBus<DaemonWatch>({
        env: ctx.env,
        clock: ctx.clock,
        retry: options.retry,
        open: watchDaemon,
        onUp(w) {
          w.onOwnerChanged(() => void detect());
          return detect();
        },
        onDown() {
          daemon = { kind: 'unknown-yet' };
          void hold.setControl(null, blockActive());
        },
        onState: publish,
      });
      const overlay = new DunstOverlay(async () => dunstLaunch((await supervisor.current()?.ownerPid()) ?? null, ctx.env));

      /** Shows a breakthrough while the daemon is held; when it is not held, the daemon shows it itself. */
      const present = (item: Item, incoming: IncomingItem): void => {
        const { phase, daemon: held } = hold.status();
        if (phase !== 'held' || !held) return;
        const w = supervisor.current();
        const shown = showBreakthrough(held, item, incoming, {
          overlay,
          notify: (args) => (w ? w.notify(args) : Promise.reject(new Error('the session bus is not connected'))),
        }).catch((error: unknown) => {
          ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a breakthrough could not be shown');
        });
        showing = Promise.all([showing, shown]).then(() => undefined);
      };

      const offEvents = ctx.onEvent((event) => {
        if (event.type === 'block-started') void hold.blockStarted();
        // node-notifier's copy of another source's breakthrough would land in the held daemon too.
        else if (event.type === 'item-added' && event.item.disposition === 'breakthrough') present(event.item, event.incoming);
        else if (event.type === 'batch' && blockActive()) void hold.batchReleased();
        else if (event.type === 'block-ended') void hold.blockEnded().then(() => overlay.close());
      });
      const offSettings = ctx.settings.onChange((on) => {
        void supervisor.setWanted(on);
        if (!on) {
          daemon = { kind: 'unknown-yet' };
          void hold.letGo().then(() => overlay.close());
        }
      });
      const offHold = hold.onStatus(publish);

      // A run killed mid-block left the daemon paused: give it back now if no block runs, even with
      // the desktop turned off in settings or the bus not there yet.
      if (!blockActive()) await hold.restoreLeftover((name) => controlFor(name, runner));
      await supervisor.setWanted(ctx.settings.get());
      publish();

      const running: RunningDesktopHold = {
        health,
        async diagnostics() {
          return { daemon: daemon.kind === 'control' ? daemon.name : null, hold: hold.status().phase, overlayAddress: await overlay.address() };
        },
        async settled() {
          await detecting;
          await showing;
          await hold.idle();
        },
        async stop() {
          if (stopped) return;
          stopped = true;
          offEvents();
          offSettings();
          await detecting;
          await hold.letGo();
          await overlay.close();
          offHold();
          supervisor.stop();
          publish();
        },
      };
      options.onStarted?.(running);
      return running;
    },
  });
}

export const desktopHold = createDesktopHold();
