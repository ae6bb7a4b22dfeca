// Power events: before sleep, after waking and after unlocking, the engine looks at the clock
// again (`resync`), so batches missed while asleep come out as one catch-up. Shutdown quits
// cleanly so the store is closed. Lock and unlock are only reported on macOS and Windows.
import { logger } from '../log.ts';

const log = logger('power');

export interface PowerMonitorLike {
  on(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'shutdown', listener: () => void): unknown;
}

export interface PowerOptions {
  powerMonitor: PowerMonitorLike;
  resync: () => void;
  onShutdown: () => void;
}

export function watchPower(opts: PowerOptions): void {
  const resyncOn = (event: 'suspend' | 'resume' | 'unlock-screen'): void => {
    opts.powerMonitor.on(event, () => {
      log.info({ event }, 'resync');
      opts.resync();
    });
  };
  resyncOn('suspend');
  resyncOn('resume');
  resyncOn('unlock-screen');
  opts.powerMonitor.on('lock-screen', () => log.info('screen locked'));
  opts.powerMonitor.on('shutdown', () => opts.onShutdown());
}
