// Which LullApi this window talks to: the preload's `window.lull` in Electron, otherwise the
// headless host's HTTP API and server-sent events on the page's own origin.
import type { LullApi } from '../../../preload/contract.ts';
import { reviveErrors } from '../../../preload/bridge.ts';
import { createHttpApi } from './http.ts';

declare global {
  interface Window {
    lull?: LullApi;
  }
}

export function chooseApi(win: Window = window): LullApi {
  return win.lull ? reviveErrors(win.lull) : createHttpApi();
}
