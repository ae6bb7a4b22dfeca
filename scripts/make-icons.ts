// Draws Lull's icons into assets/ with nothing but node:zlib: tray states (idle, focusing,
// holding) at 1x and 2x, their macOS template images, and the app icon. Calm, low-saturation
// colours with one accent for focus. Run: node scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type RGB = readonly [number, number, number];
/** Coverage of a shape at (x, y) in a unit square (0–1 each way): 0 outside, 1 inside. */
type Shape = (x: number, y: number) => boolean;

const NEUTRAL: RGB = [0x7d, 0x83, 0x88];
const ACCENT: RGB = [0x4a, 0x7f, 0x86];
const BLACK: RGB = [0, 0, 0];
const PAPER: RGB = [0xec, 0xee, 0xeb];

const dist = (x: number, y: number): number => Math.hypot(x - 0.5, y - 0.5);
const ring = (outer: number, width: number): Shape => (x, y) => dist(x, y) <= outer && dist(x, y) >= outer - width;
const disc = (r: number): Shape => (x, y) => dist(x, y) <= r;
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));

/** One layer: a shape filled with a colour; later layers paint over earlier ones. */
type Layer = { shape: Shape; color: RGB };

function render(size: number, layers: readonly Layer[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4; // 4 × 4 samples per pixel for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const top = [...layers].reverse().find((l) => l.shape(x, y));
          if (!top) continue;
          [r, g, b] = [r + top.color[0], g + top.color[1], b + top.color[2]];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) [out[i], out[i + 1], out[i + 2]] = [Math.round(r / a), Math.round(g / a), Math.round(b / a)];
      out[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return out;
}

function png(size: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Idle: an open ring. Focusing: a calm filled circle. Holding: a ring with something held inside. */
const trayShapes: Record<'idle' | 'focusing' | 'holding', (color: RGB) => Layer[]> = {
  idle: (color) => [{ shape: ring(0.42, 0.12), color }],
  focusing: (color) => [{ shape: disc(0.42), color }],
  holding: (color) => [{ shape: union(ring(0.42, 0.12), disc(0.17)), color }],
};

const roundedSquare: Shape = (x, y) => {
  const r = 0.2, m = 0.06;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return Math.hypot(x - cx, y - cy) <= r && x >= m && x <= 1 - m && y >= m && y <= 1 - m;
};

export function makeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, size: number, layers: Layer[]): void => {
    writeFileSync(join(dir, name), png(size, render(size, layers)));
    written.push(name);
  };
  for (const [state, layers] of Object.entries(trayShapes)) {
    const color = state === 'idle' ? NEUTRAL : ACCENT;
    write(`tray-${state}.png`, 16, layers(color));
    write(`tray-${state}@2x.png`, 32, layers(color));
    write(`tray-${state}Template.png`, 16, layers(BLACK));
    write(`tray-${state}Template@2x.png`, 32, layers(BLACK));
  }
  write('icon.png', 512, [
    { shape: roundedSquare, color: PAPER },
    { shape: ring(0.3, 0.07), color: ACCENT },
    { shape: disc(0.11), color: ACCENT },
  ]);
  return written;
}

if (import.meta.main) {
  const written = makeIcons(join(import.meta.dirname, '..', 'assets'));
  console.log(`wrote ${written.length} icons to assets/`);
}
