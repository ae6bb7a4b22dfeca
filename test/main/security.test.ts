// Electron's security checklist, asserted on the composed shell (every window it makes, the
// session, the web contents, the protocol) and on the pieces (URL checks, CSP, path traversal).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../support/tempDir.ts';
import { bootShell, invoke, quitShell, type Stub } from './bootShell.ts';
import { createAppProtocolHandler, resolveAppFile } from '../../main/app/protocol.ts';
import { CONTENT_SECURITY_POLICY, externalUrl } from '../../main/app/security.ts';
import { CSP_PLACEHOLDER, META_CSP } from '../../preload/csp.ts';
import { REPORT_CSP } from '../../main/app/reportDocument.ts';

vi.mock('electron', () => import('../support/electronStub.ts'));
vi.mock('node-notifier', () => ({ default: { notify: () => undefined } }));

const tempDir = useTempDirs();
const argv = process.argv;
let running: Stub | null = null;
afterEach(async () => {
  process.argv = argv;
  if (running) await quitShell(running);
  running = null;
});

const noUnsafe = (csp: string): void => {
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  expect(csp).toMatch(/script-src 'self'|default-src 'none'/);
};

describe('security of the composed shell', () => {
  it('every window is isolated, sandboxed and without Node; the session grants nothing; nothing navigates', async () => {
    const stub = await bootShell(tempDir(), []);
    running = stub;
    stub.app.emit('second-instance', stub.preventable(), [], '/', { args: ['review'] });
    expect((await invoke(stub, 'report:pdf', {})).ok).toBe(true);
    const windows = stub.electron.state.windows;
    expect(windows.map((w) => w.urls[0]?.slice(0, 22))).toEqual(['lull://app/index.html', 'lull://app/review.html', 'data:text/html;charset']);
    for (const win of windows) {
      expect(win.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
      });
      const preload = win.options.webPreferences?.preload;
      if (preload !== undefined) expect(preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    }
    expect(windows[2]?.options.webPreferences?.preload).toBeUndefined();
    expect(stub.electron.state.sandboxEnabled).toBe(true);

    // Permissions: denied, whatever is asked.
    const granted: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) stub.electron.state.permissionRequest?.({}, permission, (ok) => granted.push(ok));
    expect(granted).toEqual([false, false, false, false, false]);
    expect(stub.electron.state.permissionCheck?.({}, 'media')).toBe(false);
    expect(stub.electron.state.devicePermission?.({})).toBe(false);

    // Navigation and new windows: denied everywhere; only http, https and mailto leave, to the system.
    for (const win of windows) {
      const contents = win.webContents;
      for (const url of ['https://example.org/a', 'mailto:me@example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'lull://app/index.html', 'smb://host/share']) {
        expect(contents.windowOpenHandler?.({ url } as never)).toEqual({ action: 'deny' });
        const event = stub.preventable();
        contents.emit('will-navigate', event, url);
        expect(event.defaultPrevented).toBe(true);
      }
      const attach = stub.preventable();
      contents.emit('will-attach-webview', attach);
      expect(attach.defaultPrevented).toBe(true);
    }
    await vi.waitFor(() => expect(stub.electron.state.opened.length).toBe(windows.length * 4));
    expect(new Set(stub.electron.state.opened)).toEqual(new Set(['https://example.org/a', 'mailto:me@example.org']));
  });

  it('serves the app through a privileged lull:// scheme with CSP, refusing other hosts and traversal', async () => {
    const stub = await bootShell(tempDir(), ['--login']);
    running = stub;
    expect(stub.electron.state.schemes).toEqual([{ scheme: 'lull', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    const handle = stub.electron.state.protocolHandlers.get('lull');
    if (!handle) throw new Error('lull: is not handled');
    for (const url of ['lull://app/../../etc/passwd', 'lull://app/%2e%2e/%2e%2e/etc/passwd', 'lull://app/..%2f..%2fetc%2fpasswd', 'lull://other/index.html', 'lull://app/a%00.html', 'lull://app/%E0%A4%A']) {
      const response = await handle(new Request(url));
      expect([403, 404]).toContain(response.status);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await handle(new Request('lull://app/index.html', { method: 'POST', body: '{}' }))).status).toBe(405);
  });

  it('IPC refuses frames that are not the app, even on a valid call', async () => {
    const stub = await bootShell(tempDir(), ['--login']);
    running = stub;
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'lull://evil/index.html', 'data:text/html,x', 'devtools://devtools/']) {
      expect(await invoke(stub, 'status:get', undefined, { senderFrame: { url } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await invoke(stub, 'status:get', undefined, { senderFrame: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('protocol handler', () => {
  it('serves files under the renderer folder with type, CSP and nosniff, and nothing beside it', async () => {
    const base = tempDir();
    const root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(join(base, 'renderer-private'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
    writeFileSync(join(base, 'renderer-private', 'secret.txt'), 'secret');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    const handle = createAppProtocolHandler({ root });
    const page = await handle(new Request('lull://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>x</title>');
    const script = await handle(new Request('lull://app/assets/app.js?v=1'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('lull://app/missing.js'))).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2Frenderer-private%2Fsecret.txt', '/assets/..%5c..%5csecret.txt']) {
      // Either refused outright, or (URL parsing already removed the dots) a path that stays inside root.
      const file = resolveAppFile(root, `lull://app${path}`);
      expect(file === null || file.startsWith(`${root}/`)).toBe(true);
      const refused = await handle(new Request(`lull://app${path}`));
      expect(refused.status).not.toBe(200);
      expect(await refused.text()).not.toContain('secret');
    }
  });
});

describe('content security policy', () => {
  it('has no unsafe-inline or unsafe-eval: the header, the report page and every renderer page', () => {
    noUnsafe(CONTENT_SECURITY_POLICY);
    noUnsafe(REPORT_CSP);
    const meta = (page: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
    // The sources carry the placeholder; the built pages carry the one policy of preload/csp.ts.
    for (const page of ['renderer/index.html', 'renderer/review.html']) expect(meta(page), page).toBe(CSP_PLACEHOLDER);
    const built = ['out/renderer/index.html', 'out/renderer/review.html'].filter((p) => existsSync(p));
    expect(built).toHaveLength(2);
    for (const page of built) {
      expect(meta(page), page).toBe(META_CSP);
      expect(CONTENT_SECURITY_POLICY.startsWith(META_CSP)).toBe(true);
      noUnsafe(meta(page) ?? '');
      expect(readFileSync(page, 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });
});

describe('external links', () => {
  it('lets only valid http, https and mailto URLs leave', () => {
    expect(externalUrl('https://example.org/x?y=1')).toBe('https://example.org/x?y=1');
    expect(externalUrl('http://example.org')).toBe('http://example.org/');
    expect(externalUrl('mailto:anna@example.org')).toBe('mailto:anna@example.org');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'lull://app/index.html', 'data:text/html,x', 'ms-msdt:/id', 'https://user:pw@example.org', 'http://', 'not a url', '//example.org', 'vbscript:x']) {
      expect(externalUrl(bad), bad).toBeNull();
    }
  });
});
