// GNOME Shell through gsettings: `show-banners false` is its do-not-disturb; what arrives
// meanwhile waits in the message tray (critical banners still show, as GNOME decides).
import { answers, parseBoolean, runChecked, type CommandRunner, type DaemonControl, type PriorState } from './control.ts';

const CTL = 'gsettings';
const KEY = ['org.gnome.desktop.notifications', 'show-banners'] as const;

export function gnomeControl(run: CommandRunner): DaemonControl {
  return {
    name: 'gnome',
    replaysHeld: false,
    tellsSettled: false,
    detect: () => answers(run, CTL, ['get', ...KEY]),
    async readState(): Promise<PriorState> {
      return { daemon: 'gnome', showBanners: parseBoolean(CTL, await runChecked(run, CTL, ['get', ...KEY])) };
    },
    async pause() {
      await runChecked(run, CTL, ['set', ...KEY, 'false']);
    },
    async restore(prior) {
      if (prior.daemon !== 'gnome') return;
      await runChecked(run, CTL, ['set', ...KEY, String(prior.showBanners)]);
    },
    settled: async () => true,
  };
}
