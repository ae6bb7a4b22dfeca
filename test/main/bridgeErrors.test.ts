import { describe, expect, it } from 'vitest';
import { createBridge, LullApiError, reviveErrors } from '../../preload/bridge.ts';
import type { LullApi } from '../../preload/contract.ts';

const refusal = { ok: false, error: { code: 'invalid', message: 'invalid settings: batchTimes.0', fields: [{ field: 'batchTimes.0', message: 'must be HH:MM (24-hour)' }] } };

/** What Electron's context bridge does to a rejection: an Error keeps only its message; plain objects are copied. */
function crossBridge(api: LullApi): LullApi {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)) {
    out[name] = (...a: unknown[]) => Promise.resolve(fn(...a)).catch((e: unknown) => Promise.reject(e instanceof Error ? new Error(e.message) : structuredClone(e)));
  }
  return out as unknown as LullApi;
}

describe('refusals across the context bridge', () => {
  const ipc = { invoke: async () => refusal, on: () => undefined, removeListener: () => undefined };

  it('reach the page as LullApiError with their code and each refused field', async () => {
    const page = reviveErrors(crossBridge(createBridge(ipc)));
    const error = await page.patchSettings({ batchTimes: ['9'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LullApiError);
    expect(error).toMatchObject({ code: 'invalid', fields: refusal.error.fields, message: 'invalid settings: batchTimes.0' });
  });

  it('would lose them if the preload threw an Error (why it sends the plain body)', async () => {
    const thrown = crossBridge({ patchSettings: async () => Promise.reject(new LullApiError(refusal.error)) } as unknown as LullApi);
    const error = await reviveErrors(thrown).patchSettings({}).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(LullApiError);
    expect(error).not.toHaveProperty('fields');
  });
});
