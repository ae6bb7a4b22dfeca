// A typed stand-in for the parts of Electron's API that Lull's shell uses: the real binary cannot
// be downloaded here. Tests load it with `vi.mock('electron', () => import(this file))` and import
// it themselves too (the same instance: vi.resetModules() keeps mocks); `electron.reset()` starts over.
// Each fake is checked against the shell's own narrow interfaces (which real Electron satisfies).
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions } from 'electron';
import type { WebContentsLike } from '../../main/app/security.ts';
import type { TrayLike } from '../../main/app/tray.ts';
import type { WindowLike } from '../../main/app/windows.ts';
import type { PrintWindowLike } from '../../main/app/reportPdf.ts';
import type { GlobalShortcutLike } from '../../main/app/shortcut.ts';
import type { IpcMainLike, SenderEvent } from '../../main/app/ipc.ts';
import type { SafeStorageLike } from '../../main/app/secrets.ts';

type Listener = (...args: never[]) => unknown;
type Rect = { x: number; y: number; width: number; height: number };

/** A preventable event as Electron passes it. */
export const preventable = () => ({ defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } });

export class FakeWebContents extends EventEmitter implements WebContentsLike {
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: Parameters<WebContentsLike['setWindowOpenHandler']>[0] | null = null;
  send(channel: string, payload?: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: Parameters<WebContentsLike['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  async printToPDF(): Promise<Uint8Array> {
    return new TextEncoder().encode('%PDF-1.7 fake\n');
  }
  override on(event: string, listener: Listener): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }
}

// One set of fakes per process: a mock factory may load this file as a second module instance,
// and both must see the same app, windows and records.
type Holder = { state: ReturnType<typeof freshState>; app?: FakeApp; powerMonitor?: EventEmitter; ipcRenderer?: EventEmitter };
const holder: Holder = ((globalThis as { __lullElectronStub?: Holder }).__lullElectronStub ??= { state: freshState() });

function freshState() {
  return {
    windows: [] as FakeBrowserWindow[],
    trays: [] as FakeTray[],
    schemes: [] as CustomScheme[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    ipcHandlers: new Map<string, (event: SenderEvent, payload: unknown) => unknown>(),
    shortcuts: new Map<string, () => void>(),
    opened: [] as string[],
    exposed: new Map<string, unknown>(),
    permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
    paths: {} as Record<string, string>,
    sandboxEnabled: false,
    singleInstance: { granted: true, data: undefined as unknown },
    quits: 0,
    /** Whether safeStorage has a key (false: a Linux session without a keyring). */
    encryptionAvailable: true,
  };
}

export class FakeBrowserWindow extends EventEmitter implements WindowLike, PrintWindowLike {
  static getAllWindows = (): FakeBrowserWindow[] => holder.state.windows.filter((w) => !w.destroyed);
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents = new FakeWebContents();
  urls: string[] = [];
  shown = false;
  destroyed = false;
  bounds: Rect;
  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    holder.state.windows.push(this);
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.urls.push(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rect {
    return this.bounds;
  }
  /** What the user closing the window does: 'close', then destroyed, then 'closed'. */
  close(): void {
    this.emit('close', preventable());
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray extends EventEmitter implements TrayLike<{ path: string }, FakeMenu> {
  image: { path: string };
  toolTip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: { path: string }) {
    super();
    this.image = image;
    holder.state.trays.push(this);
  }
  setImage(image: { path: string }): void {
    this.image = image;
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
  }
  override on(event: string, listener: Listener): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

/** The menu item with this label, searched through submenus. */
export function menuItem(menu: FakeMenu | null, label: string | RegExp): MenuItemConstructorOptions | undefined {
  const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
    for (const item of items) {
      if (item.label !== undefined && (typeof label === 'string' ? item.label === label : label.test(item.label))) return item;
      if (Array.isArray(item.submenu)) {
        const found = walk(item.submenu as MenuItemConstructorOptions[]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return menu ? walk(menu.template) : undefined;
}

class FakeApp extends EventEmitter {
  isPackaged = true;
  private ready = Promise.withResolvers<void>();
  requestSingleInstanceLock(data?: unknown): boolean {
    holder.state.singleInstance.data = data;
    return holder.state.singleInstance.granted;
  }
  whenReady(): Promise<void> {
    return this.ready.promise;
  }
  renew(): void {
    this.ready = Promise.withResolvers<void>();
  }
  /** Tests call this when they want `ready`. */
  becomeReady(): void {
    this.ready.resolve();
  }
  quit(): void {
    holder.state.quits++;
    this.emit('before-quit', preventable());
  }
  exit(): void {}
  enableSandbox(): void {
    holder.state.sandboxEnabled = true;
  }
  getPath(name: string): string {
    const path = holder.state.paths[name];
    if (!path) throw new Error(`no stub path for ${name}`);
    return path;
  }
  getAppPath(): string {
    return process.cwd();
  }
  getVersion(): string {
    return '0.1.0';
  }
  getSystemLocale(): string {
    return 'en-GB';
  }
  getLocale(): string {
    return 'en-GB';
  }
  setLoginItemSettings(): void {}
}

export const app: FakeApp = (holder.app ??= new FakeApp());
export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Menu = { buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => ({ template }) };
export const nativeImage = { createFromPath: (path: string) => ({ path }) };
export const protocol = {
  registerSchemesAsPrivileged: (schemes: CustomScheme[]) => void holder.state.schemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void holder.state.protocolHandlers.set(scheme, handler),
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h: typeof holder.state.permissionRequest) => void (holder.state.permissionRequest = h),
    setPermissionCheckHandler: (h: typeof holder.state.permissionCheck) => void (holder.state.permissionCheck = h),
    setDevicePermissionHandler: (h: typeof holder.state.devicePermission) => void (holder.state.devicePermission = h),
  },
};
export const ipcMain: IpcMainLike & { on(channel: string, listener: unknown): void } = {
  handle: (channel, listener) => void holder.state.ipcHandlers.set(channel, listener),
  // electron-store listens on one channel of its own.
  on: () => {},
};
export const globalShortcut: GlobalShortcutLike = {
  register: (accelerator, callback) => {
    holder.state.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister: (accelerator) => void holder.state.shortcuts.delete(accelerator),
};
export const powerMonitor: EventEmitter = (holder.powerMonitor ??= new EventEmitter());
export const shell = { openExternal: async (url: string) => void holder.state.opened.push(url) };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void holder.state.exposed.set(key, api) };
export const ipcRenderer: EventEmitter = (holder.ipcRenderer ??= new EventEmitter());

/** Seals as Chromium does in shape ("v10" + bytes that are not the text); refuses without a key, as the real one throws. */
const SEAL = 'v10';
const mask = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0xa5));
export const safeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => holder.state.encryptionAvailable,
  encryptString(plainText) {
    if (!holder.state.encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from(SEAL), mask(Buffer.from(plainText, 'utf8'))]);
  },
  decryptString(encrypted) {
    if (!holder.state.encryptionAvailable) throw new Error('Decryption is not available.');
    if (encrypted.subarray(0, SEAL.length).toString() !== SEAL) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return mask(encrypted.subarray(SEAL.length)).toString('utf8');
  },
};

/** What the fakes recorded; `reset()` starts over (the app's listeners included). */
export const electron = {
  get state() {
    return holder.state;
  },
  reset() {
    holder.state = freshState();
    app.renew();
    app.removeAllListeners();
    powerMonitor.removeAllListeners();
  },
};

const module = { app, BrowserWindow, Tray, Menu, nativeImage, protocol, session, ipcMain, globalShortcut, powerMonitor, shell, screen, contextBridge, ipcRenderer, safeStorage };
export default module;
