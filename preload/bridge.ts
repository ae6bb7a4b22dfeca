// Builds `window.lull` from the contract over an ipcRenderer-like object (injected, so it is
// tested without Electron). Results arrive as { ok, value | error }. A refusal crosses the
// context bridge as its plain error body (an Error would keep only its message there), and the
// page turns it back into a LullApiError with reviveErrors().
import { methods, subscriptions } from './channels.ts';
import type { ApiErrorBody, InvokeChannel, InvokeResponse, LullApi } from './contract.ts';

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
      const response = (await ipc.invoke(channel, request)) as InvokeResponse<InvokeChannel>;
      if (!response.ok) throw { ...response.error };
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

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string';
}

/** On the page's side of the context bridge: refusals become LullApiError again, code and fields included. */
export function reviveErrors(api: LullApi): LullApi {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api as unknown as Record<string, (...args: unknown[]) => unknown>)) {
    out[name] = name in methods
      ? (...args: unknown[]) => (fn(...args) as Promise<unknown>).catch((error: unknown) => {
          throw isErrorBody(error) ? new LullApiError(error) : error;
        })
      : fn;
  }
  return Object.freeze(out) as LullApi;
}
