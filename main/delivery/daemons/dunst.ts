// dunst through dunstctl: `set-paused true` keeps every notification waiting (critical ones too)
// and `set-paused false` shows what it kept, so dunst replays a held block by itself.
import { answers, parseBoolean, runChecked, type CommandRunner, type DaemonControl, type PriorState } from './control.ts';

const CTL = 'dunstctl';

export function dunstControl(run: CommandRunner): DaemonControl {
  const count = async (which: 'waiting' | 'displayed'): Promise<number> => {
    const n = Number.parseInt((await runChecked(run, CTL, ['count', which])).trim(), 10);
    return Number.isFinite(n) ? n : 0;
  };
  return {
    name: 'dunst',
    replaysHeld: true,
    tellsSettled: true,
    detect: () => answers(run, CTL, ['is-paused']),
    async readState(): Promise<PriorState> {
      return { daemon: 'dunst', paused: parseBoolean(CTL, await runChecked(run, CTL, ['is-paused'])) };
    },
    async pause() {
      await runChecked(run, CTL, ['set-paused', 'true']);
    },
    async restore(prior) {
      if (prior.daemon !== 'dunst') return;
      await runChecked(run, CTL, ['set-paused', String(prior.paused)]);
    },
    async settled() {
      return (await count('waiting')) === 0 && (await count('displayed')) === 0;
    },
  };
}
