// Builds `window.lull` from the contract over an ipcRenderer-like object (injected, so it is
// tested without Electron). Results arrive as { ok, value | error } and errors are rethrown.
import { methods, subscriptions } from './channels.ts';
import type { ApiErrorBody, LullApi } from './contract.ts';

export interface IpcRendererLike {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export class LullApiError extends Error {
  readonly code: string;
  readonly fields: ApiErrorBody['fields'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'LullApiError';
    this.code = body.code;
    this.fields = body.fields;
  }
}

export function createBridge(ipc: IpcRendererLike): LullApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(methods)) {
    api[name] = async (request?: unknown) => {
      const response = (await ipc.invoke(channel, request)) as { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };
      if (!response.ok) throw new LullApiError(response.error);
      return response.value;
    };
  }
  for (const [name, channel] of Object.entries(subscriptions)) {
    api[name] = (listener: (payload: unknown) => void) => {
      const handler = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(channel, handler);
      return () => void ipc.removeListener(channel, handler);
    };
  }
  return Object.freeze(api) as LullApi;
}
