// Connections to a D-Bus session bus through dbus-next: finding the address, connecting with a
// time limit, calling methods, and hearing when the connection ends.
import dbus, { type Message, type MessageBus } from 'dbus-next';

export const { MessageType } = dbus;
export const NOTIFICATIONS_INTERFACE = 'org.freedesktop.Notifications';
export const NO_AUTO_START = 2;
const CONNECT_TIMEOUT_MS = 5_000;
const CALL_TIMEOUT_MS = 5_000;

/**
 * The session bus address from the environment, or null when there is none. Abstract sockets
 * are given to Node as `\0`-prefixed paths: dbus-next reaches them only through an optional
 * native module.
 */
export function sessionBusAddress(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env.DBUS_SESSION_BUS_ADDRESS?.trim();
  if (!raw) return null;
  return raw
    .split(';')
    .map((address) => {
      const abstract = /^unix:(?:.*,)?abstract=([^,]+)/.exec(address);
      return abstract ? `unix:socket=\u0000${abstract[1]}` : address;
    })
    .join(';');
}

export interface BusConnection {
  bus: MessageBus;
  /** Resolves once, with a reason, when the connection ends for any cause. */
  ended: Promise<string>;
  call(msg: ConstructorParameters<typeof dbus.Message>[0]): Promise<Message>;
  close(): void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * dbus-next parses in the socket's 'readable' handler and throws when a message is cut short
 * (the bus dying mid-message hands it the partial rest): uncaught, that would take Lull down.
 * Its parser runs inside a guard instead, and a throw ends only this connection.
 */
function guardParser(bus: MessageBus, onBroken: (reason: string) => void): void {
  const stream = (bus as unknown as { _connection?: { stream?: NodeJS.EventEmitter } })._connection?.stream;
  if (!stream) return;
  for (const listener of stream.listeners('readable') as ((...args: unknown[]) => void)[]) {
    stream.removeListener('readable', listener);
    stream.on('readable', function guarded(this: unknown, ...args: unknown[]) {
      try {
        listener.apply(this, args);
      } catch (error) {
        stream.removeAllListeners('readable');
        onBroken(`a message from the bus could not be read (${error instanceof Error ? error.message : String(error)})`);
      }
    });
  }
}

/** Connects and completes the Hello handshake; rejects with a one-line reason. */
export async function connectBus(address: string): Promise<BusConnection> {
  let bus: MessageBus;
  try {
    bus = dbus.sessionBus({ busAddress: address });
  } catch (error) {
    throw new Error(`the session bus address cannot be used: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let end: (reason: string) => void = () => {};
  const ended = new Promise<string>((resolve) => (end = resolve));
  const connected = new Promise<void>((resolve, reject) => {
    bus.once('connect', () => resolve());
    bus.on('error', (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      reject(new Error(reason));
      end(reason);
    });
  });
  // dbus-next exposes the stream's end only on its private connection object.
  const conn = (bus as unknown as { _connection?: { on(event: 'end', fn: () => void): void } })._connection;
  conn?.on('end', () => end('the session bus closed the connection'));
  const settled = Promise.race([connected, ended.then((reason) => Promise.reject(new Error(reason)))]);
  const close = (): void => {
    try {
      bus.disconnect();
    } catch {
      // already closed
    }
    end('closed');
  };
  try {
    await withTimeout(settled, CONNECT_TIMEOUT_MS, 'connecting to the session bus');
  } catch (error) {
    close();
    throw error;
  }
  guardParser(bus, (reason) => {
    end(reason);
    close();
  });
  return {
    bus,
    ended,
    close,
    async call(msg) {
      const reply = await withTimeout(bus.call(new dbus.Message(msg)), CALL_TIMEOUT_MS, `${msg.member ?? 'call'}`);
      if (!reply) throw new Error(`${msg.member ?? 'call'} got no reply`);
      return reply;
    },
  };
}
