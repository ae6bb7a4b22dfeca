// The app's pages come through a privileged custom protocol (lull://app/…), not file://: each
// response carries the CSP, and a path that tries to leave the renderer's folder is refused.
import { readFile } from 'node:fs/promises';
import { extname, join, posix, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security.ts';

export const APP_SCHEME = 'lull';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before `ready`: standard and secure (a real origin), nothing that bypasses CSP or CORS. */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** The URL of a page of the built renderer, with an optional in-app route (`#/settings`). */
export function appUrl(page: string, route?: string): string {
  return `${APP_ORIGIN}/${page}${route ? `#${route}` : ''}`;
}

/** True for frames of Lull's own pages (the IPC sender check). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file under `root` that `raw` names, or null when it names none or tries to leave `root`. */
export function resolveAppFile(root: string, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return null;
  const normal = posix.normalize(path === '' || path.endsWith('/') ? `${path}index.html` : path);
  const file = join(root, ...normal.split('/').filter(Boolean));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const BASE_HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  root: string;
  read?: (file: string) => Promise<Uint8Array>;
}

/** The handler for `protocol.handle('lull', …)`. */
export function createAppProtocolHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = opts.read ?? ((file: string) => readFile(file));
  const answer = (status: number, text: string): Response => new Response(text, { status, headers: { ...BASE_HEADERS, 'content-type': TYPES['.txt'] ?? '' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'method not allowed');
    const file = resolveAppFile(opts.root, request.url);
    if (file === null) return answer(403, 'forbidden');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return answer(404, 'not found');
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Blob([body as Uint8Array<ArrayBuffer>]), { status: 200, headers: { ...BASE_HEADERS, 'content-type': type } });
  };
}
