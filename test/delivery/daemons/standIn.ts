// Stand-in executables for daemon controls that need a Wayland or GNOME session (makoctl,
// swaync-client, gsettings) and for dunstctl: small shell scripts on PATH that record every
// argument list and keep the daemon's state in a file, as the real control would report it.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execRunner, type CommandRunner } from '../../../main/system/commands.ts';

const SCRIPTS: Record<string, string> = {
  // makoctl mode [-a M | -r M]: prints the modes, one a line.
  makoctl: `[ "$1" = mode ] || exit 2
case "$2" in
  -a) grep -qx "$3" "$STATE" || echo "$3" >> "$STATE" ;;
  -r) grep -vx "$3" "$STATE" > "$STATE.new"; mv "$STATE.new" "$STATE" ;;
esac
cat "$STATE"`,
  'swaync-client': `[ "$1" = --skip-wait ] || exit 2
case "$2" in
  --get-dnd) cat "$STATE" ;;
  --dnd-on) echo true > "$STATE" ;;
  --dnd-off) echo false > "$STATE" ;;
  *) exit 2 ;;
esac`,
  gsettings: `[ "$2" = org.gnome.desktop.notifications ] && [ "$3" = show-banners ] || exit 1
case "$1" in
  get) cat "$STATE" ;;
  set) echo "$4" > "$STATE" ;;
  *) exit 1 ;;
esac`,
  dunstctl: `case "$1" in
  is-paused) cat "$STATE" ;;
  set-paused) echo "$2" > "$STATE" ;;
  count) echo 0 ;;
  *) exit 1 ;;
esac`,
};

export interface StandIn {
  run: CommandRunner;
  /** Every command line the stand-in ran, in order, arguments joined by spaces. */
  calls(): string[];
  /** The same, each with whether daemon-state.json existed when it ran. */
  callsWithState(): { args: string; stateSaved: boolean }[];
  state(): string;
  setState(text: string): void;
  /** Makes every call fail from now on (the daemon went away). */
  breakIt(): void;
  repair(): void;
  remove(): void;
}

/** A stand-in for `command` with an initial state; `watchDir` is the data dir whose daemon-state.json calls note. */
export function standIn(command: keyof typeof SCRIPTS, initialState: string, watchDir = ''): StandIn {
  const bin = mkdtempSync(join(tmpdir(), 'lull-stand-in-'));
  const state = join(bin, 'state');
  const log = join(bin, 'calls');
  writeFileSync(state, initialState);
  writeFileSync(log, '');
  const script = `#!/bin/sh
STATE='${state}'
[ -f '${join(bin, 'broken')}' ] && { echo "cannot reach the daemon" >&2; exit 1; }
saved=''; [ -f '${join(watchDir, 'daemon-state.json')}' ] && saved='saved'
printf '%s|%s\\n' "$*" "$saved" >> '${log}'
${SCRIPTS[command]}
`;
  writeFileSync(join(bin, command), script);
  chmodSync(join(bin, command), 0o755);
  return {
    run: execRunner({ ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` }),
    callsWithState: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => ({ args: l.slice(0, l.lastIndexOf('|')), stateSaved: l.endsWith('|saved') })),
    calls() {
      return this.callsWithState().map((c) => c.args);
    },
    state: () => readFileSync(state, 'utf8').trim(),
    setState: (text) => writeFileSync(state, text),
    breakIt: () => writeFileSync(join(bin, 'broken'), ''),
    repair: () => rmSync(join(bin, 'broken'), { force: true }),
    remove: () => existsSync(bin) && rmSync(bin, { recursive: true, force: true }),
  };
}
