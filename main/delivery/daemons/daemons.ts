// The notification daemons Lull can hold, one entry each: the names it gives in
// GetServerInformation, its command-line control, how to read, pause and restore its
// do-not-disturb state, the shape of that state in daemon-state.json, and (dunst only) how to
// tell it has shown everything. Adding a daemon is one entry here.
import { z } from 'zod';

/** A daemon's control command, run with the arguments given. */
export interface Ctl {
  /** Runs it; throws (naming the command, never notification text) when it fails. */
  run(args: readonly string[]): Promise<string>;
  /** Runs it and parses the "true"/"false" it prints; anything else is refused, not guessed. */
  bool(args: readonly string[]): Promise<boolean>;
}

interface DaemonSpec<S extends z.ZodObject> {
  /** GetServerInformation names, lower case. */
  serverNames: readonly string[];
  command: string;
  /** Arguments that succeed only while the daemon runs (detection). */
  probe: readonly string[];
  /** What is recorded before pausing (daemon-state.json, without the daemon's name). */
  state: S;
  /** The state when nobody has silenced it: restored when the record is unreadable. */
  unsilenced: z.output<S>;
  read(ctl: Ctl): Promise<z.output<S>>;
  pause(ctl: Ctl): Promise<void>;
  /** Puts back exactly what Lull changed. */
  restore(ctl: Ctl, prior: z.output<S>): Promise<void>;
  /** True once nothing waits or shows; only for daemons that can tell (others get a fixed window). */
  settled?(ctl: Ctl): Promise<boolean>;
}

/** An entry, plus restore from a record of any daemon's shape (validated against its own). */
const daemon = <S extends z.ZodObject>(spec: DaemonSpec<S>) => ({
  ...spec,
  restoreRecord: (ctl: Ctl, record: unknown): Promise<void> => spec.restore(ctl, spec.state.parse(record)),
});

const GNOME_KEY = ['org.gnome.desktop.notifications', 'show-banners'] as const;
export const MAKO_DND_MODE = 'do-not-disturb';
const modesOf = (out: string): string[] => out.split('\n').map((m) => m.trim()).filter(Boolean);
const count = async (ctl: Ctl, which: 'waiting' | 'displayed'): Promise<number> => {
  const n = Number.parseInt((await ctl.run(['count', which])).trim(), 10);
  return Number.isFinite(n) ? n : 0;
};

export const DAEMONS = {
  // `set-paused true` keeps every notification waiting (critical ones too); `false` shows what it kept.
  dunst: daemon({
    serverNames: ['dunst'],
    command: 'dunstctl',
    probe: ['is-paused'],
    state: z.object({ paused: z.boolean() }),
    unsilenced: { paused: false },
    read: async (ctl) => ({ paused: await ctl.bool(['is-paused']) }),
    pause: async (ctl) => void (await ctl.run(['set-paused', 'true'])),
    restore: async (ctl, prior) => void (await ctl.run(['set-paused', String(prior.paused)])),
    settled: async (ctl) => (await count(ctl, 'waiting')) === 0 && (await count(ctl, 'displayed')) === 0,
  }),
  // The conventional do-not-disturb mode (the user's mako config makes it invisible), removed
  // afterwards only if it was not on before.
  mako: daemon({
    serverNames: ['mako'],
    command: 'makoctl',
    probe: ['mode'],
    state: z.object({ modes: z.array(z.string().max(256)).max(64) }),
    unsilenced: { modes: ['default'] },
    read: async (ctl) => ({ modes: modesOf(await ctl.run(['mode'])) }),
    pause: async (ctl) => void (await ctl.run(['mode', '-a', MAKO_DND_MODE])),
    async restore(ctl, prior) {
      if (!prior.modes.includes(MAKO_DND_MODE)) await ctl.run(['mode', '-r', MAKO_DND_MODE]);
    },
  }),
  // Do-not-disturb keeps notifications in its control centre; `--skip-wait` so a missing daemon fails at once.
  swaync: daemon({
    serverNames: ['swaynotificationcenter', 'swaync'],
    command: 'swaync-client',
    probe: ['--skip-wait', '--get-dnd'],
    state: z.object({ dnd: z.boolean() }),
    unsilenced: { dnd: false },
    read: async (ctl) => ({ dnd: await ctl.bool(['--skip-wait', '--get-dnd']) }),
    pause: async (ctl) => void (await ctl.run(['--skip-wait', '--dnd-on'])),
    restore: async (ctl, prior) => void (await ctl.run(['--skip-wait', prior.dnd ? '--dnd-on' : '--dnd-off'])),
  }),
  // GNOME Shell: `show-banners false` is its do-not-disturb; what arrives waits in the message tray.
  gnome: daemon({
    serverNames: ['gnome-shell'],
    command: 'gsettings',
    probe: ['get', ...GNOME_KEY],
    state: z.object({ showBanners: z.boolean() }),
    unsilenced: { showBanners: true },
    read: async (ctl) => ({ showBanners: await ctl.bool(['get', ...GNOME_KEY]) }),
    pause: async (ctl) => void (await ctl.run(['set', ...GNOME_KEY, 'false'])),
    restore: async (ctl, prior) => void (await ctl.run(['set', ...GNOME_KEY, String(prior.showBanners)])),
  }),
};

type Daemons = typeof DAEMONS;
export type DaemonName = keyof Daemons;
export const DAEMON_NAMES = Object.keys(DAEMONS) as DaemonName[];

/** What a daemon was like before Lull paused it, as written to daemon-state.json. */
export type PriorState = { [N in DaemonName]: { daemon: N } & z.output<Daemons[N]['state']> }[DaemonName];

/** Validates a record against its own daemon's entry (unknown keys are dropped, as before). */
export const priorStateSchema = z
  .looseObject({ daemon: z.enum(DAEMON_NAMES as [DaemonName, ...DaemonName[]]) })
  .transform((value, ctx): PriorState => {
    const parsed = DAEMONS[value.daemon].state.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { daemon: value.daemon, ...parsed.data } as PriorState; // parsed by its own daemon's schema (see controlFor)
  });
