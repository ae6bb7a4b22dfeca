// The command lines of each daemon's control, against stand-in executables on PATH (mako, swaync
// and GNOME need a Wayland or GNOME session): detect, read state, pause, restore exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { controlCommand, controlFor, DaemonControlError, daemonForServer, detectControl, unsilenced } from '../../../main/delivery/daemons/control.ts';
import { DAEMON_NAMES, priorStateSchema } from '../../../main/delivery/daemons/daemons.ts';
import { standIn, type StandIn } from './standIn.ts';

const made: StandIn[] = [];
const make = (...args: Parameters<typeof standIn>): StandIn => {
  const s = standIn(...args);
  made.push(s);
  return s;
};
afterEach(() => {
  for (const s of made.splice(0)) s.remove();
});

describe('daemon controls (stand-in executables)', () => {
  it('mako: makoctl mode, -a do-not-disturb to pause, -r only if it was not on before', async () => {
    const mako = make('makoctl', 'default\n');
    const control = controlFor('mako', mako.run);
    expect(await control.detect()).toBe(true);
    const prior = await control.readState();
    expect(prior).toEqual({ daemon: 'mako', modes: ['default'] });
    await control.pause();
    expect(mako.state().split('\n')).toEqual(['default', 'do-not-disturb']);
    await control.restore(prior);
    expect(mako.state()).toBe('default');
    expect(mako.calls()).toEqual(['mode', 'mode', 'mode -a do-not-disturb', 'mode -r do-not-disturb']);

    // The user had do-not-disturb on already: Lull leaves it on.
    mako.setState('default\ndo-not-disturb\n');
    const already = await control.readState();
    await control.pause();
    await control.restore(already);
    expect(mako.state().split('\n')).toEqual(['default', 'do-not-disturb']);
    expect(mako.calls().slice(4)).toEqual(['mode', 'mode -a do-not-disturb']);
  });

  it('swaync: swaync-client --skip-wait --get-dnd / --dnd-on / --dnd-off, back to what it was', async () => {
    const swaync = make('swaync-client', 'false\n');
    const control = controlFor('swaync', swaync.run);
    expect(await control.detect()).toBe(true);
    const prior = await control.readState();
    expect(prior).toEqual({ daemon: 'swaync', dnd: false });
    await control.pause();
    expect(swaync.state()).toBe('true');
    await control.restore(prior);
    expect(swaync.state()).toBe('false');
    await control.restore({ daemon: 'swaync', dnd: true });
    expect(swaync.calls()).toEqual(['--skip-wait --get-dnd', '--skip-wait --get-dnd', '--skip-wait --dnd-on', '--skip-wait --dnd-off', '--skip-wait --dnd-on']);
  });

  it('GNOME: gsettings get/set org.gnome.desktop.notifications show-banners', async () => {
    const gsettings = make('gsettings', 'true\n');
    const control = controlFor('gnome', gsettings.run);
    const prior = await control.readState();
    expect(prior).toEqual({ daemon: 'gnome', showBanners: true });
    await control.pause();
    expect(gsettings.state()).toBe('false');
    await control.restore(prior);
    expect(gsettings.state()).toBe('true');
    expect(gsettings.calls()).toEqual([
      'get org.gnome.desktop.notifications show-banners',
      'set org.gnome.desktop.notifications show-banners false',
      'set org.gnome.desktop.notifications show-banners true',
    ]);
  });

  it('dunst: dunstctl is-paused / set-paused, and settled() counts what waits and shows', async () => {
    const dunst = make('dunstctl', 'false\n');
    const control = controlFor('dunst', dunst.run);
    const prior = await control.readState();
    await control.pause();
    expect(dunst.state()).toBe('true');
    expect(await control.settled()).toBe(true);
    await control.restore(prior);
    expect(dunst.calls()).toEqual(['is-paused', 'set-paused true', 'count waiting', 'count displayed', 'set-paused false']);
  });

  it('a control that fails says which command and why, without notification text', async () => {
    const gsettings = make('gsettings', 'true\n');
    gsettings.breakIt();
    const control = controlFor('gnome', gsettings.run);
    expect(await control.detect()).toBe(false);
    await expect(control.pause()).rejects.toThrow(new DaemonControlError('gsettings set org.gnome.desktop.notifications show-banners false failed (exit 1): cannot reach the daemon'));
  });

  it('output that is neither true nor false is refused, not guessed', async () => {
    const swaync = make('swaync-client', 'maybe\n');
    await expect(controlFor('swaync', swaync.run).readState()).rejects.toThrow('swaync-client printed neither true nor false');
  });

  it('picks the control from the name the daemon gives in GetServerInformation', async () => {
    expect(daemonForServer('dunst')).toBe('dunst');
    expect(daemonForServer('mako')).toBe('mako');
    expect(daemonForServer('SwayNotificationCenter')).toBe('swaync');
    expect(daemonForServer('gnome-shell')).toBe('gnome');
    expect(daemonForServer('Plasma')).toBeNull();
    const mako = make('makoctl', 'default\n');
    expect((await detectControl('mako', mako.run)).kind).toBe('control');
    expect(await detectControl('xfce4-notifyd', mako.run)).toEqual({ kind: 'unknown', serverName: 'xfce4-notifyd' });
    mako.breakIt();
    expect(await detectControl('mako', mako.run)).toEqual({ kind: 'control-missing', daemon: 'mako' });
  });

  it('one table: every daemon has its server name, its command, and a record of its state that survives the file', () => {
    expect(DAEMON_NAMES).toEqual(['dunst', 'mako', 'swaync', 'gnome']);
    expect(DAEMON_NAMES.map(controlCommand)).toEqual(['dunstctl', 'makoctl', 'swaync-client', 'gsettings']);
    for (const name of DAEMON_NAMES) {
      expect(daemonForServer(name === 'swaync' ? 'SwayNotificationCenter' : name === 'gnome' ? 'gnome-shell' : name)).toBe(name);
      const record = unsilenced(name);
      expect(priorStateSchema.parse(JSON.parse(JSON.stringify({ ...record, extra: 1 })))).toEqual(record);
    }
    expect(unsilenced('mako')).toEqual({ daemon: 'mako', modes: ['default'] });
    expect(priorStateSchema.safeParse({ daemon: 'dunst', modes: [] }).success).toBe(false);
    expect(priorStateSchema.safeParse({ daemon: 'plasma', paused: true }).success).toBe(false);
  });
});
