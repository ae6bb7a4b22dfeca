// mako through makoctl modes: Lull adds the conventional `do-not-disturb` mode (which the user's
// mako config makes invisible) and removes it afterwards only if it was not already on.
import { answers, runChecked, type CommandRunner, type DaemonControl, type PriorState } from './control.ts';

const CTL = 'makoctl';
export const MAKO_DND_MODE = 'do-not-disturb';

const modesOf = (out: string): string[] => out.split('\n').map((m) => m.trim()).filter(Boolean);

export function makoControl(run: CommandRunner): DaemonControl {
  return {
    name: 'mako',
    replaysHeld: true,
    tellsSettled: false,
    detect: () => answers(run, CTL, ['mode']),
    async readState(): Promise<PriorState> {
      return { daemon: 'mako', modes: modesOf(await runChecked(run, CTL, ['mode'])) };
    },
    async pause() {
      await runChecked(run, CTL, ['mode', '-a', MAKO_DND_MODE]);
    },
    async restore(prior) {
      if (prior.daemon !== 'mako' || prior.modes.includes(MAKO_DND_MODE)) return;
      await runChecked(run, CTL, ['mode', '-r', MAKO_DND_MODE]);
    },
    settled: async () => true,
  };
}
