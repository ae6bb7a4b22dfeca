// IPC handlers: one per operation of the contract. Each checks the sending frame, validates
// the payload with the contract's zod schema, and answers { ok, value } or { ok, error }.
import { invokeContract, type InvokeChannel, type InvokeResponse, type InvokeResult } from '../../preload/contract.ts';
import type { Operations } from '../service/operations.ts';
import { errorBody } from '../service/errors.ts';

/** What a handler needs of the invoke event: the frame that sent it (null once it is gone). */
export interface SenderEvent {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, payload: unknown) => unknown): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  operations: Operations;
  /** True when a frame with this URL is one of Lull's own windows. */
  isTrustedSender: (url: string) => boolean;
}

export function registerIpc({ ipcMain, operations, isTrustedSender }: IpcOptions): void {
  for (const channel of Object.keys(invokeContract) as InvokeChannel[]) {
    ipcMain.handle(channel, async (event, payload): Promise<InvokeResponse<InvokeChannel>> => {
      const url = event.senderFrame?.url ?? '';
      // Only Lull's own pages (lull://app/…) may call; any other frame gets the same refusal.
      if (!isTrustedSender(url)) return { ok: false, error: { code: 'forbidden', message: 'this frame may not call Lull' } };
      const parsed = invokeContract[channel].request.safeParse(payload);
      if (!parsed.success) return { ok: false, error: errorBody(parsed.error) };
      try {
        const run = operations[channel] as (request: unknown) => InvokeResult<InvokeChannel> | Promise<InvokeResult<InvokeChannel>>;
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return { ok: false, error: errorBody(error) };
      }
    });
  }
}
