// Notify-only tokens (PRODUCT.md §4) as the dashboard shows them: the list (never a secret), the
// one just made (its secret shown once, forgotten when the user is done), and what was refused.
import type { NewTokenDto, TokenDto } from '../../../../../preload/contract.ts';

export interface TokenRefusal {
  /** The API's error code (`conflict` for a name in use), so the view can say it in the user's words. */
  code: string;
  message: string;
}

export interface TokensState {
  /** null until loaded. */
  tokens: readonly TokenDto[] | null;
  /** The token just made, with its secret: held only until the user closes it. */
  tokenMade: NewTokenDto | null;
  /** Why the last "make token" was refused. */
  tokenRefusal: TokenRefusal | null;
  /** A make or revoke is in flight: its button waits. */
  tokenBusy: boolean;
}

export const initialTokensState: TokensState = { tokens: null, tokenMade: null, tokenRefusal: null, tokenBusy: false };
