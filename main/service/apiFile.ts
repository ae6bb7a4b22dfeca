// <data dir>/api.json = { port, token }, mode 0600: how the CLI and other tools find the API.
// Written durably, so a reader never sees half a file.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durableFile.ts';

export const apiInfoSchema = z.object({ port: z.number().int().min(1).max(65535), token: z.string().min(16) });
export type ApiInfo = z.output<typeof apiInfoSchema>;

export const apiFilePath = (dataDir: string): string => join(dataDir, 'api.json');

export function writeApiFile(dataDir: string, info: ApiInfo): void {
  writeFileDurably(apiFilePath(dataDir), `${JSON.stringify(info)}\n`);
}

/** The API's address, or null when no Lull has written one (or the file is unreadable). */
export function readApiFile(dataDir: string): ApiInfo | null {
  try {
    return apiInfoSchema.parse(JSON.parse(readFileSync(apiFilePath(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

export function removeApiFile(dataDir: string, token: string): void {
  // Only our own: a newer Lull may have written its file since.
  if (readApiFile(dataDir)?.token === token) rmSync(apiFilePath(dataDir), { force: true });
}
