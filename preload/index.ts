// The preload bridge: exposes one object, `window.lull`, with one method per operation of the
// contract and one `onX` per event (each returns its unsubscribe). Nothing else reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('lull', createBridge(ipcRenderer));
