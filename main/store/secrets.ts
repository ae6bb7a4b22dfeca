// The secret store (PRODUCT.md §6): mail and calendar passwords by name (`mail:<account>`), in one
// small file of the data dir that only its owner may read (mode 0600), written durably. The host
// keeps the secrets as they are in <data dir>/secrets.json; the Electron app seals each one with
// safeStorage first (app/secrets.ts), through the same code. A secret never reaches a log, an
// error or an answer: errors here name the file (and a secret's name), never a value.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { logger } from '../log.ts';
import { writeFileDurably } from './durableFile.ts';

const log = logger('secrets');
const fileSchema = z.record(z.string(), z.string());

/** Only the owner may read or write a secrets file. */
export const SECRET_FILE_MODE = 0o600;

export interface SecretStore {
  /** The secret stored under `name`, or null when there is none. */
  get(name: string): Promise<string | null>;
  set(name: string, secret: string): Promise<void>;
  /** Forgets the secret under `name`; false when there was none. */
  delete(name: string): Promise<boolean>;
  /**
   * The names of the stored secrets, never their values. Synchronous (both stores are a small
   * file), so what the settings show follows each change in order.
   */
  names(): string[];
  has(name: string): boolean;
  /** Told the name whose secret was set or deleted (a source reconnects with it); returns its unsubscribe. */
  onChange(listener: (name: string) => void): () => void;
}

/** How a secret is written into the file and read back: as is (host), or sealed (app). */
export interface SecretCodec {
  seal(secret: string): string;
  /** Throws when the stored text cannot be opened; the store names the secret, never the text. */
  open(stored: string): string;
}

const asIs: SecretCodec = { seal: (s) => s, open: (s) => s };

/** The host's store: <data dir>/secrets.json. */
export const fileSecrets = (dataDir: string): SecretStore => secretFile(join(dataDir, 'secrets.json'));

/** A secret store in the file at `path`, each value passed through `codec`. */
export function secretFile(path: string, codec: SecretCodec = asIs): SecretStore {
  tighten(path);
  const listeners = new Set<(name: string) => void>();
  const read = (): Record<string, string> => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return {};
    }
    // JSON.parse's own message can quote the text, that is a secret: say only which file is wrong.
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${path} is not a JSON object of names and secrets`);
    return parsed.data;
  };
  const write = (all: Record<string, string>): void => writeFileDurably(path, `${JSON.stringify(all, null, 2)}\n`);
  const changed = (name: string): void => {
    for (const listener of [...listeners]) {
      try {
        listener(name);
      } catch (error) {
        log.error({ name, err: error instanceof Error ? error.name : 'unknown' }, 'a secret listener failed');
      }
    }
  };
  return {
    async get(name) {
      const stored = read()[name];
      if (stored === undefined) return null;
      try {
        return codec.open(stored);
      } catch {
        throw new Error(`${path}: the secret "${name}" could not be read back; set it again`);
      }
    },
    async set(name, secret) {
      const sealed = codec.seal(secret);
      write({ ...read(), [name]: sealed });
      changed(name);
    },
    async delete(name) {
      const all = read();
      if (!(name in all)) return false;
      delete all[name];
      write(all);
      changed(name);
      return true;
    },
    names: () => Object.keys(read()),
    has: (name) => Object.hasOwn(read(), name),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** A secrets file that others may read (copied in, an old umask) is made the owner's alone. */
function tighten(path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return; // none yet: it is written 0600
  }
  if ((mode & 0o777) !== SECRET_FILE_MODE && process.platform !== 'win32') chmodSync(path, SECRET_FILE_MODE);
}
