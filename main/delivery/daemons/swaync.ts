// SwayNotificationCenter through swaync-client: do-not-disturb keeps notifications in its
// control centre without popups; `--skip-wait` so a missing daemon fails at once.
import { answers, parseBoolean, runChecked, type CommandRunner, type DaemonControl, type PriorState } from './control.ts';

const CTL = 'swaync-client';

export function swayncControl(run: CommandRunner): DaemonControl {
  return {
    name: 'swaync',
    replaysHeld: false,
    tellsSettled: false,
    detect: () => answers(run, CTL, ['--skip-wait', '--get-dnd']),
    async readState(): Promise<PriorState> {
      return { daemon: 'swaync', dnd: parseBoolean(CTL, await runChecked(run, CTL, ['--skip-wait', '--get-dnd'])) };
    },
    async pause() {
      await runChecked(run, CTL, ['--skip-wait', '--dnd-on']);
    },
    async restore(prior) {
      if (prior.daemon !== 'swaync') return;
      await runChecked(run, CTL, ['--skip-wait', prior.dnd ? '--dnd-on' : '--dnd-off']);
    },
    settled: async () => true,
  };
}
