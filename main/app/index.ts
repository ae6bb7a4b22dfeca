// The Electron shell's composition root: one instance, Lull's core (openLull with electron-store
// settings), its sources and HTTP API, IPC, tray, windows, digests, power and login items, wired
// together. Every piece lives in its own module; nothing here decides anything.
import { join } from 'node:path';
import { app, BrowserWindow, globalShortcut, ipcMain, Menu, nativeImage, powerMonitor, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import notifier from 'node-notifier';
import pino from 'pino';
import { systemClock } from '../core/clock.ts';
import { presentReport } from '../core/present.ts';
import { configureLogging, logger } from '../log.ts';
import { commandsOf } from '../service/commands.ts';
import { digestOutput } from '../delivery/digest.ts';
import { everyOutput } from '../delivery/index.ts';
import { openLull, type Lull } from '../service/lull.ts';
import { watchSystemClock } from '../service/clockWatch.ts';
import { everySource } from '../sources/index.ts';
import { languageFor } from '../core/settings.ts';
import { defaultDataDir } from '../service/dataDir.ts';
import { startShellApi } from './httpApi.ts';
import { registerIpc } from './ipc.ts';
import { forwardedCommand, parseLaunchArgs, runLaunchCommand, type LaunchCommand } from './launchArgs.ts';
import { applyLaunchAtLogin } from './loginItem.ts';
import { watchPower } from './power.ts';
import { openAppSecrets } from './secrets.ts';
import { openAppSettings } from './settings.ts';
import { appScheme, appUrl, APP_SCHEME, createAppProtocolHandler, isAppUrl } from './protocol.ts';
import { createReportPdf } from './reportPdf.ts';
import { openReviewOnSchedule } from './review.ts';
import { hardenContents, hardenSession, openExternalSafely } from './security.ts';
import { bindFocusShortcut, SHORTCUT_FOCUS } from './shortcut.ts';
import { createTray } from './tray.ts';
import { isTroubled } from '../../preload/contract.ts';
import { openWindowBounds } from './windowBounds.ts';
import { createWindowManager, type WindowKind } from './windows.ts';

const here = import.meta.dirname;
const assets = (file: string): string => join(app.getAppPath(), 'assets', file);
const openExternal = (url: string): Promise<void> => shell.openExternal(url);
const userArgs = process.argv.slice(app.isPackaged ? 1 : 2);

protocol.registerSchemesAsPrivileged([appScheme]);
app.enableSandbox();

if (!app.requestSingleInstanceLock({ args: userArgs })) app.quit();
else {
  app
    .whenReady()
    .then(() => startShell(parseLaunchArgs(userArgs)))
    .catch((error: unknown) => {
      // Nothing to show it in yet: say why on stderr and in the log, then stop.
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Lull could not start: ${reason}\n`);
      logger('app').fatal({ err: reason }, 'could not start');
      app.exit(1);
    });
}

async function startShell(launch: LaunchCommand): Promise<void> {
  // The same dir the host and the CLI use: Electron's userData would be ~/.config/lull here (package.json has no productName).
  const dataDir = defaultDataDir();
  configureLogging(pino.destination({ dest: join(dataDir, 'lull.log'), mkdir: true, sync: false }));
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(here, '../renderer') }));

  const windows = createWindowManager({
    createWindow: (options) => new BrowserWindow(options),
    pageUrl: appUrl,
    preload: join(here, '../preload/index.cjs'),
    icon: assets('icon.png'),
    bounds: openWindowBounds(dataDir),
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
  });
  const open = (kind: WindowKind, route?: string): void => void windows.open(kind, route);
  const printPdf = createReportPdf({
    createWindow: (options) => new BrowserWindow(options),
    report: (week) => presentReport(lull.engine.weeklyReport(week)),
    folder: () => app.getPath('downloads'),
    words: () => ({ language: language(), locale }),
  });
  const lull: Lull = openLull({
    dataDir,
    openSettings: openAppSettings,
    secrets: openAppSecrets(dataDir, safeStorage),
    doors: everySource,
    outputs: [
      ...everyOutput,
      digestOutput({
        notifier,
        language: (setting) => languageFor(setting, app.getSystemLocale() || app.getLocale()),
        icon: assets('icon.png'),
        clickable: process.platform !== 'linux',
        openReview: () => open('review'),
        openItem: (url) => void openExternalSafely(openExternal, url),
      }),
    ],
    env: process.env,
    openItem: (url) => openExternalSafely(openExternal, url),
    exportPdf: printPdf,
  });
  const { engine, settings } = lull;
  const stopApi = await startShellApi(lull);

  registerIpc({ ipcMain, operations: lull.operations, isTrustedSender: isAppUrl });
  lull.onContractEvent((channel, payload) => windows.broadcast(channel, payload));

  // Tray, shortcut and launch arguments give the same operations as the windows and the API.
  const commands = commandsOf(lull.operations);
  const locale = app.getSystemLocale() || app.getLocale();
  const language = (): 'en' | 'sv' => languageFor(settings.get().language, locale);
  const trayIcon = (state: string) => nativeImage.createFromPath(assets(process.platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`));
  const tray = createTray({
    tray: new Tray(trayIcon('idle')),
    icons: { idle: trayIcon('idle'), focusing: trayIcon('focusing'), holding: trayIcon('holding') },
    buildMenu: (template) => Menu.buildFromTemplate(template),
    engine,
    clock: systemClock,
    words: () => ({ language: language(), locale, timeZone: engine.getSettings().timeZone }),
    showsTitle: process.platform === 'darwin',
    actions: { ...commands, openDashboard: (route) => open('dashboard', route), quit: () => app.quit() },
    troubles: () => Object.entries(lull.sourceHealth()).map(([name, h]) => ({ name, ...h })).filter(isTroubled).map(({ name, detail }) => ({ name, detail })),
  });
  // A source's health changing is a state change for the windows; the tray redraws its lines too.
  lull.onContractEvent((channel) => {
    if (channel === 'state:changed') tray.refresh();
  });

  openReviewOnSchedule({
    engine,
    reviewAt: () => settings.get().reviewAt,
    waiting: () => engine.listItems({ status: ['released'], limit: 1 }).items.length > 0,
    open: () => open('review'),
  });
  const shortcut = bindFocusShortcut({ globalShortcut, settings, toggle: () => commands.toggleFocus(SHORTCUT_FOCUS) });

  const loginCommand = [process.env.APPIMAGE ?? process.execPath, ...(app.isPackaged ? [] : [app.getAppPath()])];
  const loginItem = (enabled: boolean): void =>
    applyLaunchAtLogin({ enabled, platform: process.platform, setLoginItemSettings: (s) => app.setLoginItemSettings(s), command: loginCommand });
  loginItem(settings.get().launchAtLogin);
  settings.onChange((next) => loginItem(next.launchAtLogin));

  watchPower({ powerMonitor, resync: () => engine.resync(), onShutdown: () => app.quit() });
  const stopClockWatch = watchSystemClock(lull);

  const runLaunch = (command: LaunchCommand): void => void runLaunchCommand(command, { ...commands, open });
  app.on('second-instance', (_event, _argv, _cwd, data) => runLaunch(forwardedCommand(data)));
  // Lull keeps holding from the tray when its windows close.
  app.on('window-all-closed', () => {});
  let quitting: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = (async () => {
      shortcut.dispose();
      stopClockWatch();
      tray.dispose();
      await stopApi();
      await lull.close();
    })().finally(() => app.quit());
  });
  runLaunch(launch);
}
