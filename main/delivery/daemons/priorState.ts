// The daemon's state from before Lull paused it, kept in <data dir>/daemon-state.json and made
// durable (temp file, fsync, rename, fsync of the directory) before the daemon is touched, so a
// Lull killed mid-block restores it on its next start.
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileDurably } from '../../store/durableFile.ts';
import { priorStateSchema, type PriorState } from './daemons.ts';

export const PRIOR_STATE_FILE = 'daemon-state.json';

const fileSchema = z.object({ version: z.literal(1), savedAt: z.string(), prior: priorStateSchema });

export type PriorRead = { kind: 'none' } | { kind: 'saved'; prior: PriorState } | { kind: 'unreadable'; movedTo: string };

export function priorStatePath(dataDir: string): string {
  return join(dataDir, PRIOR_STATE_FILE);
}

export function savePriorState(dataDir: string, prior: PriorState, now = new Date()): void {
  writeFileDurably(priorStatePath(dataDir), `${JSON.stringify({ version: 1, savedAt: now.toISOString(), prior })}\n`);
}

export function readPriorState(dataDir: string, now = new Date()): PriorRead {
  const path = priorStatePath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  try {
    return { kind: 'saved', prior: fileSchema.parse(JSON.parse(text)).prior };
  } catch {
    const movedTo = join(dirname(path), `daemon-state.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(path, movedTo);
    return { kind: 'unreadable', movedTo };
  }
}

export function clearPriorState(dataDir: string): void {
  rmSync(priorStatePath(dataDir), { force: true });
  fsyncDir(dataDir);
}
