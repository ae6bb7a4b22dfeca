// The dashboard window's entry: window.lull in Electron, the HTTP API in the headless host.
import { chooseApi } from './api/bridge.ts';
import { mountWindow } from './mount.tsx';
import { createDashboardStore } from './store/dashboardStore.ts';
import { DashboardApp } from './views/DashboardApp.tsx';

mountWindow(createDashboardStore(chooseApi()), <DashboardApp />);
