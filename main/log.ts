// One named pino logger per module. Notification text never reaches a log: the fields that can
// hold it are redacted wherever they appear, as a safety net behind the habit of not logging them.
import pino, { type DestinationStream, type Logger } from 'pino';

// `secret` and `password`: a safety net for the secret store's values too.
const PRIVATE = ['title', 'body', 'sender', 'url', 'tags', 'dedupeKey', 'secret', 'password'];
const redact = { paths: PRIVATE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: '[private]' };

let root: Logger = pino({ level: process.env.LULL_LOG_LEVEL ?? 'info', enabled: process.env.LULL_LOG !== 'off', redact });
let children = new Map<string, Logger>();

/** Points every logger, existing and future, at `destination` (a file in the app and the host). */
export function configureLogging(destination: DestinationStream | undefined, level = process.env.LULL_LOG_LEVEL ?? 'info'): void {
  root = pino({ level, redact }, destination);
  children = new Map();
}

function current(name: string): Logger {
  let log = children.get(name);
  if (!log) children.set(name, (log = root.child({ module: name })));
  return log;
}

/**
 * The logger of one module. Modules take theirs when they load, before the process has chosen
 * where logs go, so each call looks up the logger of the current destination.
 */
export function logger(name: string): Logger {
  return new Proxy({} as Logger, {
    get(_target, prop) {
      const log = current(name);
      const value: unknown = Reflect.get(log, prop, log);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(log) : value;
    },
  });
}

export type { Logger };
