// An ordinary bus connection beside the monitor: who owns org.freedesktop.Notifications, what it
// calls itself, its process id, when it changes (a daemon restarted), and a way to send Notify.
import type { Message } from 'dbus-next';
import dbus from 'dbus-next';
import { LULL_HINT } from '../../core/vocabulary.ts';
import { connectBus, MessageType, NO_AUTO_START, NOTIFICATIONS_INTERFACE, type BusConnection } from '../../system/dbus/connection.ts';

const DBUS = { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus' } as const;
const NOTIFICATIONS = { destination: NOTIFICATIONS_INTERFACE, path: '/org/freedesktop/Notifications', interface: NOTIFICATIONS_INTERFACE } as const;

export interface NotifyArgs {
  app: string;
  icon: string;
  summary: string;
  body: string;
  urgency: 0 | 1 | 2;
  category?: string | undefined;
  /** The value of Lull's own hint, so the monitor knows the notification is Lull's. */
  lullHint: string;
}

export interface DaemonWatch {
  ended: Promise<string>;
  /** The unique name that owns org.freedesktop.Notifications now, or null. */
  owner(): Promise<string | null>;
  serverName(): Promise<string | null>;
  ownerPid(): Promise<number | null>;
  onOwnerChanged(listener: (owner: string | null) => void): () => void;
  notify(args: NotifyArgs): Promise<void>;
  close(): void;
}

/** The Notify call Lull makes itself (to the user's daemon, or to its own breakthrough overlay). */
export async function sendNotify(conn: BusConnection, args: NotifyArgs): Promise<void> {
  const hints: Record<string, InstanceType<typeof dbus.Variant>> = {
    urgency: new dbus.Variant('y', args.urgency),
    [LULL_HINT]: new dbus.Variant('s', args.lullHint),
  };
  if (args.category) hints.category = new dbus.Variant('s', args.category);
  await conn.call({
    ...NOTIFICATIONS,
    member: 'Notify',
    signature: 'susssasa{sv}i',
    body: [args.app, 0, args.icon, args.summary, args.body, [], hints, -1],
  });
}

export async function ownerOf(conn: BusConnection, name: string): Promise<string | null> {
  try {
    const reply = await conn.call({ ...DBUS, member: 'GetNameOwner', signature: 's', body: [name] });
    const owner = reply.body[0] as unknown;
    return typeof owner === 'string' ? owner : null;
  } catch {
    return null; // NameHasNoOwner
  }
}

export async function watchDaemon(address: string): Promise<DaemonWatch> {
  const conn = await connectBus(address);
  const listeners = new Set<(owner: string | null) => void>();
  await conn.call({
    ...DBUS,
    member: 'AddMatch',
    signature: 's',
    body: [`type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='${NOTIFICATIONS_INTERFACE}'`],
  });
  conn.bus.on('message', (msg: Message) => {
    if (msg.type !== MessageType.SIGNAL || msg.member !== 'NameOwnerChanged' || msg.body[0] !== NOTIFICATIONS_INTERFACE) return;
    const owner = typeof msg.body[2] === 'string' && msg.body[2] !== '' ? msg.body[2] : null;
    for (const l of listeners) l(owner);
  });
  return {
    ended: conn.ended,
    owner: () => ownerOf(conn, NOTIFICATIONS_INTERFACE),
    async serverName() {
      try {
        const reply = await conn.call({ ...NOTIFICATIONS, member: 'GetServerInformation', flags: NO_AUTO_START });
        const name = reply.body[0] as unknown;
        return typeof name === 'string' ? name : null;
      } catch {
        return null;
      }
    },
    async ownerPid() {
      const owner = await ownerOf(conn, NOTIFICATIONS_INTERFACE);
      if (!owner) return null;
      try {
        const reply = await conn.call({ ...DBUS, member: 'GetConnectionUnixProcessID', signature: 's', body: [owner] });
        const pid = reply.body[0] as unknown;
        return typeof pid === 'number' && pid > 0 ? pid : null;
      } catch {
        return null;
      }
    },
    onOwnerChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify: (args) => sendNotify(conn, args),
    close: conn.close,
  };
}
