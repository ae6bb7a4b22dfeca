// The Electron shell's composition root: opens Lull's core with electron-store settings, wires
// the typed IPC and opens the dashboard. No logic lives here.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { openLull } from '../service/lull.ts';
import { openSettingsStore } from '../store/settingsStore.ts';
import { registerIpc } from './ipc.ts';

const dataDir = process.env.LULL_HOME ?? app.getPath('userData');

if (!app.requestSingleInstanceLock()) app.quit();
else {
  void app.whenReady().then(() => {
    const lull = openLull({
      dataDir,
      openSettings: (dir) => openSettingsStore({ dir, openConf: ({ cwd, configName }) => new ElectronStore({ cwd, name: configName, clearInvalidConfig: false }) }),
    });
    let dashboard: BrowserWindow | null = null;
    const openDashboard = (): void => {
      if (dashboard) return dashboard.focus();
      dashboard = new BrowserWindow({
        width: 1100,
        height: 760,
        show: false,
        title: 'Lull',
        webPreferences: { preload: join(import.meta.dirname, '../preload/index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
      });
      dashboard.once('ready-to-show', () => dashboard?.show());
      dashboard.on('closed', () => (dashboard = null));
      void dashboard.loadFile(join(import.meta.dirname, '../renderer/index.html'));
    };
    registerIpc({ ipcMain, operations: lull.operations, isTrustedSender: (url) => url.startsWith('file://') });
    lull.onContractEvent((channel, payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, payload);
    });
    app.on('second-instance', openDashboard);
    app.on('window-all-closed', () => {
      // Lull keeps holding from the tray when its windows close.
    });
    app.on('before-quit', () => void lull.close());
    openDashboard();
  });
}
