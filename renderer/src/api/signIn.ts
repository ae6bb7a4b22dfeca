// The sign-in page's one call: the owner's token for a session cookie (POST /v1/session). Only
// the dashboard in a browser signs in; the Electron windows talk IPC and never need to.
import { LullApiError } from '../../../preload/bridge.ts';
import { createHttpClient } from '../../../preload/httpClient.ts';

export type SignInResult = { ok: true } | { ok: false; wrongToken: boolean; reason: string };

export async function signIn(token: string, fetchImpl?: typeof fetch): Promise<SignInResult> {
  const client = createHttpClient({ baseUrl: '', credentials: 'same-origin', ...(fetchImpl && { fetch: fetchImpl }) });
  try {
    await client.signIn({ token });
    return { ok: true };
  } catch (error) {
    const code = error instanceof LullApiError ? error.code : '';
    return { ok: false, wrongToken: code === 'wrong-token', reason: error instanceof Error ? error.message : String(error) };
  }
}
