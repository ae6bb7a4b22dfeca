// Makes, lists and revokes notify-only tokens through the bridge (IPC in the app, HTTP in a
// browser). Main answers with the truth; the list is read again after each change.
import { LullApiError } from '../../../../../preload/bridge.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialTokensState, type TokensState } from './initialState.ts';

export interface TokensAction {
  loadTokens(): Promise<void>;
  /** True when main made it; its secret is then in `tokenMade`. */
  makeToken(name: string): Promise<boolean>;
  /** True when main revoked it. */
  revokeToken(id: string): Promise<boolean>;
  /** The user is done with the secret: it leaves the window. */
  forgetTokenMade(): void;
  clearTokenRefusal(): void;
}

export type TokensSlice = TokensState & TokensAction;

export const createTokensSlice: SliceCreator<TokensSlice, Pick<SessionSlice, 'notify'>> = (set, get, { api }) => ({
  ...initialTokensState,
  async loadTokens() {
    set({ tokens: (await api.listTokens()).tokens });
  },
  async makeToken(name) {
    set({ tokenBusy: true, tokenRefusal: null, tokenMade: null });
    try {
      const made = await api.createToken({ name, scope: 'notify' });
      set({ tokenMade: made });
      await get().loadTokens();
      return true;
    } catch (error) {
      set({ tokenRefusal: error instanceof LullApiError ? { code: error.code, message: error.message } : { code: 'failed', message: errorMessage(error) } });
      return false;
    } finally {
      set({ tokenBusy: false });
    }
  },
  async revokeToken(id) {
    set({ tokenBusy: true });
    try {
      await api.revokeToken({ id });
      if (get().tokenMade?.id === id) set({ tokenMade: null });
      return true;
    } catch (error) {
      get().notify({ kind: 'error', message: errorMessage(error) });
      return false;
    } finally {
      // Read again either way: a token unknown to main (revoked elsewhere) leaves the list too.
      await get().loadTokens().catch(() => undefined);
      set({ tokenBusy: false });
    }
  },
  forgetTokenMade: () => set({ tokenMade: null }),
  clearTokenRefusal: () => set({ tokenRefusal: null }),
});
