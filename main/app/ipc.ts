// IPC handlers: one per operation of the contract. Each checks the sending frame, validates
// the payload with the contract's zod schema, and answers { ok, value } or { ok, error }.
import type { IpcMainInvokeEvent } from 'electron';
import { invokeContract, type InvokeChannel } from '../../preload/contract.ts';
import type { Operations } from '../service/operations.ts';
import { errorBody } from '../service/errors.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => unknown): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  operations: Operations;
  /** True when a frame with this URL is one of Lull's own windows. */
  isTrustedSender: (url: string) => boolean;
}

export function registerIpc({ ipcMain, operations, isTrustedSender }: IpcOptions): void {
  for (const channel of Object.keys(invokeContract) as InvokeChannel[]) {
    ipcMain.handle(channel, async (event, payload) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) return { ok: false, error: { code: 'forbidden', message: 'this frame may not call Lull' } };
      const parsed = invokeContract[channel].request.safeParse(payload);
      if (!parsed.success) return { ok: false, error: errorBody(parsed.error) };
      try {
        const run = operations[channel] as (request: unknown) => unknown;
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return { ok: false, error: errorBody(error) };
      }
    });
  }
}
