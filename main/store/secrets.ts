// The headless host's secret store (PRODUCT.md §6): <data dir>/secrets.json, mode 0600, a JSON
// object of name → secret, written durably. A secret never reaches a log, an error or an answer:
// errors here name the file, never a value. (The Electron app uses safeStorage behind the same interface.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from './durableFile.ts';

const fileSchema = z.record(z.string(), z.string());

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, secret: string): Promise<void>;
}

export function fileSecrets(dataDir: string): SecretStore {
  const path = join(dataDir, 'secrets.json');
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
  return {
    get: async (name) => read()[name] ?? null,
    async set(name, secret) {
      writeFileDurably(path, `${JSON.stringify({ ...read(), [name]: secret }, null, 2)}\n`);
    },
  };
}
