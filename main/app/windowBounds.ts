// Where each window was last: <data dir>/windows.json, read once, written atomically when a
// window closes. A position that is on no display any more (a monitor was unplugged) is dropped.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const rectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(100), height: z.number().int().min(100) });
const fileSchema = z.record(z.string(), rectSchema);

export interface WindowBounds {
  /** The saved bounds of `kind` when they still lie on one of `workAreas`. */
  get(kind: string, workAreas: readonly Rect[]): Rect | null;
  set(kind: string, bounds: Rect): void;
}

export function openWindowBounds(dataDir: string): WindowBounds {
  const path = join(dataDir, 'windows.json');
  let saved: Record<string, Rect> = {};
  try {
    saved = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // Missing or unreadable: windows open at their default size, centred.
  }
  return {
    get(kind, workAreas) {
      const rect = saved[kind];
      return rect && workAreas.some((area) => overlapsEnough(rect, area)) ? rect : null;
    },
    set(kind, bounds) {
      const rect = rectSchema.safeParse({ x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) });
      if (!rect.success) return;
      saved = { ...saved, [kind]: rect.data };
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(saved)}\n`, { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}

/** At least a 100 × 50 px piece of the title area shows on the display. */
function overlapsEnough(rect: Rect, area: Rect): boolean {
  const width = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
  const height = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y);
  return width >= 100 && height >= 50;
}
