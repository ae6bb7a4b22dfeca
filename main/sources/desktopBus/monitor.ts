// Watches every Notify call on the session bus as a D-Bus monitor (BecomeMonitor). A monitor only
// listens: it must never answer a call, or the bus would drop it (and the sender would get a
// reply that is not the daemon's).
import type { Message } from 'dbus-next';
import { logger } from '../../log.ts';
import { connectBus, MessageType, NOTIFICATIONS_INTERFACE, type BusConnection } from '../../system/dbus/connection.ts';

const log = logger('desktop-bus-monitor');

const MATCH_NOTIFY = `type='method_call',interface='${NOTIFICATIONS_INTERFACE}',member='Notify'`;

export interface NotifyCall {
  /** The caller's unique bus name (":1.42"). */
  sender: string;
  signature: string;
  body: unknown[];
}

export interface BusMonitor {
  /** Resolves with a reason when the monitor's connection ends (bus gone, or closed). */
  ended: Promise<string>;
  close(): void;
}

export async function startMonitor(address: string, onNotify: (call: NotifyCall) => void): Promise<BusMonitor> {
  const conn: BusConnection = await connectBus(address);
  // dbus-next answers UnknownMethod to calls it has no handler for: claim every call, answer none.
  conn.bus.addMethodHandler(() => true);
  try {
    await conn.call({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus.Monitoring',
      member: 'BecomeMonitor',
      signature: 'asu',
      body: [[MATCH_NOTIFY], 0],
    });
  } catch (error) {
    conn.close();
    throw new Error(`the session bus refused to let Lull monitor it: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  conn.bus.on('message', (msg: Message) => {
    // A throw here would make dbus-next send an error reply, which a monitor must never do.
    try {
      if (msg.type !== MessageType.METHOD_CALL || msg.member !== 'Notify' || msg.interface !== NOTIFICATIONS_INTERFACE) return;
      onNotify({ sender: msg.sender ?? '', signature: msg.signature ?? '', body: Array.isArray(msg.body) ? msg.body : [] });
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a Notify call could not be handled');
    }
  });
  return { ended: conn.ended, close: conn.close };
}
