// Electron's security checklist in one place: the web preferences of every window, a session
// that grants no permission, and web contents that never navigate or open windows. Links leave
// the app only through the system browser or mail client, and only for http, https and mailto.
import type { Event, HandlerDetails, Session, WebPreferences } from 'electron';

/** The Content-Security-Policy of every page Lull shows (preload/csp.ts). */
export { PAGE_CSP as CONTENT_SECURITY_POLICY } from '../../preload/csp.ts';

/** The same preferences for every window; `preload` only for windows that talk to main. */
export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    ...(preload !== undefined && { preload }),
  };
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL as it may be handed to the system, or null when it is not an http, https or mailto URL. */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  if (url.username || url.password) return null;
  return url.href;
}

export type OpenExternal = (url: string) => Promise<void>;

/** Opens `raw` in the system's browser or mail client when it is safe to; says whether it did. */
export async function openExternalSafely(openExternal: OpenExternal, raw: string | undefined): Promise<boolean> {
  const url = raw === undefined ? null : externalUrl(raw);
  if (url === null) return false;
  await openExternal(url);
  return true;
}

export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Lull's pages need no camera, microphone, notification, geolocation, HID or USB permission. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: Event, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' } | { action: 'allow' }): void;
}

/** No navigation away from the app and no new windows: safe links go to the system instead. */
export function hardenContents(contents: WebContentsLike, openExternal: OpenExternal): void {
  const handOff = (url: string): void => void openExternalSafely(openExternal, url).catch(() => false);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    handOff(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    handOff(url);
    return { action: 'deny' };
  });
}
