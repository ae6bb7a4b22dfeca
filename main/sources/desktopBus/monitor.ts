// Watches the session bus as a D-Bus monitor (BecomeMonitor): every Notify and CloseNotification
// call to the notification daemon, and the daemon's method returns, which carry the id each
// Notify was given (chains.ts pairs them by reply_serial). A monitor only listens: it must never
// answer a call, or the bus would drop it (and the sender would get a reply that is not the
// daemon's).
//
// The daemon's NotificationClosed signal is not watched: CloseNotification is the app's own word
// and carries its sender, which is what decides whether a held item may be withdrawn; the signal
// is the daemon's echo of it, and daemons differ in it (dunst sends it to whichever connection last
// updated the id, and no daemon sends one when none runs).
import type { Message } from 'dbus-next';
import { logger } from '../../log.ts';
import { connectBus, MessageType, NOTIFICATIONS_INTERFACE, type BusConnection } from '../../system/dbus/connection.ts';

const log = logger('desktop-bus-monitor');

const NO_REPLY_EXPECTED = 1;
/**
 * A method return matches a well-known sender when its sender is that name's primary owner, so
 * this sees the replies of whichever daemon runs now (tried with dbus-daemon 1.14 and dunst).
 */
const MATCH = [
  `type='method_call',interface='${NOTIFICATIONS_INTERFACE}',member='Notify'`,
  `type='method_call',interface='${NOTIFICATIONS_INTERFACE}',member='CloseNotification'`,
  `type='method_return',sender='${NOTIFICATIONS_INTERFACE}'`,
];

/** A message as the bus delivered it: its sender's unique name (":1.42"), signature and arguments. */
export interface BusCall {
  sender: string;
  signature: string;
  body: unknown[];
}

export interface NotifyCall extends BusCall {
  serial: number;
  /** False when sent with NO_REPLY_EXPECTED: the daemon will not say its id. */
  expectsReply: boolean;
}

/** The daemon's method return to a call of `destination` with serial `replySerial`. */
export interface DaemonReply {
  destination: string;
  replySerial: number;
  signature: string;
  body: unknown[];
}

export interface MonitorListener {
  notify(call: NotifyCall): void;
  close(call: BusCall): void;
  reply(reply: DaemonReply): void;
}

export interface BusMonitor {
  /** Resolves with a reason when the monitor's connection ends (bus gone, or closed). */
  ended: Promise<string>;
  close(): void;
}

export async function startMonitor(address: string, listener: MonitorListener): Promise<BusMonitor> {
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
      body: [MATCH, 0],
    });
  } catch (error) {
    conn.close();
    throw new Error(`the session bus refused to let Lull monitor it: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  conn.bus.on('message', (msg: Message) => {
    // A throw here would make dbus-next send an error reply, which a monitor must never do.
    try {
      const call = { sender: msg.sender ?? '', signature: msg.signature ?? '', body: Array.isArray(msg.body) ? msg.body : [] };
      if (msg.type === MessageType.METHOD_RETURN) {
        // dbus-next's types say string; the parser gives the header's uint32.
        const replySerial = Number(msg.replySerial);
        if (msg.destination && Number.isInteger(replySerial)) listener.reply({ destination: msg.destination, replySerial, signature: call.signature, body: call.body });
        return;
      }
      if (msg.type !== MessageType.METHOD_CALL || msg.interface !== NOTIFICATIONS_INTERFACE) return;
      if (msg.member === 'Notify') listener.notify({ ...call, serial: msg.serial ?? 0, expectsReply: ((msg.flags ?? 0) & NO_REPLY_EXPECTED) === 0 });
      else if (msg.member === 'CloseNotification') listener.close(call);
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a call to the notification daemon could not be handled');
    }
  });
  return { ended: conn.ended, close: conn.close };
}
