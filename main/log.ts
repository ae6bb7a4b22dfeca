// One named pino logger per module. Notification text never reaches a log: the fields that can
// hold it are redacted wherever they appear, as a safety net behind the habit of not logging them.
import pino, { type DestinationStream, type Logger } from 'pino';

const PRIVATE = ['title', 'body', 'sender', 'url', 'tags', 'dedupeKey'];

let root: Logger = pino({ level: process.env.LULL_LOG_LEVEL ?? 'info', enabled: process.env.LULL_LOG !== 'off' });
const children = new Map<string, Logger>();

function redactPaths(): string[] {
  return PRIVATE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
}

/** Points every logger, existing and future, at `destination` (a file in the app, stderr in the host). */
export function configureLogging(destination: DestinationStream | undefined, level = process.env.LULL_LOG_LEVEL ?? 'info'): void {
  root = pino({ level, redact: { paths: redactPaths(), censor: '[private]' } }, destination);
  children.clear();
}

export function logger(name: string): Logger {
  let log = children.get(name);
  if (!log) children.set(name, (log = root.child({ module: name })));
  return log;
}

export type { Logger };
