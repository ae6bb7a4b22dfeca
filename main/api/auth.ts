// Who may call the API: the owner — the token from api.json, or a browser holding the session
// cookie that a one-time login link or the owner's token pasted into the sign-in page set — or a
// notify-only token (store/tokens.ts). Secrets are compared in constant time. Sessions live in
// memory: they end when the host stops, or after 30 days.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { hostRoutes } from '../../preload/contract.ts';
import type { Caller } from '../sources/source.ts';
import type { TokenStore } from '../store/tokens.ts';

export const SESSION_COOKIE = 'lull_session';
/** POST { token }: the sign-in page's one route that needs no credentials. */
export const SIGN_IN_PATH = hostRoutes.signIn.path;
/** How long a dashboard session lasts (PRODUCT.md §4); the cookie's Max-Age says the same. */
export const SESSION_DAYS = 30;
export const SESSION_MS = SESSION_DAYS * 24 * 3_600_000;

const secret = (): string => randomBytes(32).toString('base64url');
const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export interface Auth {
  readonly token: string;
  /** A fresh one-time login secret; using it once turns it into a session. */
  newLoginSecret(): string;
  /** Consumes a login secret; returns the new session id, or null if it is unknown or used. */
  login(secret: string): string | null;
  /** The owner's token, pasted into the sign-in page: a new session id, or null when it is not the token. */
  signIn(token: string): string | null;
  /** When a live session ends (epoch ms), or null when it is unknown or over. */
  expiresAt(sessionId: string): number | null;
  /** Who calls with this secret (a token) or, when none is sent, this session cookie; null when nobody known. */
  identify(secret: string | undefined, sessionId: string | undefined): Principal | null;
}

/** A caller, and the key its requests are rate-limited under (never a secret). */
export interface Principal {
  key: string;
  caller: Caller;
}

const OWNER: Caller = { scope: 'owner' };

interface Session {
  /** The session's rate-limit key: never the id itself. */
  key: string;
  expiresAt: number;
}

export function createAuth(token = secret(), now: () => number = Date.now, tokens?: Pick<TokenStore, 'verify'>): Auth {
  const loginSecrets = new Set<string>();
  // Every request is checked: the token's digest and each session's rate-limit key are made once.
  const tokenDigest = digest(token);
  const sessions = new Map<string, Session>();
  const isToken = (candidate: string): boolean => timingSafeEqual(digest(candidate), tokenDigest);
  const newSession = (): string => {
    const id = secret();
    sessions.set(id, { key: `session:${digest(id).toString('hex').slice(0, 16)}`, expiresAt: now() + SESSION_MS });
    return id;
  };
  const live = (id: string | undefined): Session | null => {
    const session = id === undefined ? undefined : sessions.get(id);
    if (!session) return null;
    if (now() < session.expiresAt) return session;
    sessions.delete(id!);
    return null;
  };
  return {
    token,
    newLoginSecret() {
      const s = secret();
      loginSecrets.add(s);
      return s;
    },
    login(candidate) {
      const wanted = digest(candidate);
      for (const s of loginSecrets) {
        if (!timingSafeEqual(digest(s), wanted)) continue;
        loginSecrets.delete(s);
        return newSession();
      }
      return null;
    },
    signIn: (candidate) => (isToken(candidate) ? newSession() : null),
    expiresAt: (sessionId) => live(sessionId)?.expiresAt ?? null,
    identify(candidate, sessionId) {
      if (candidate !== undefined) {
        if (isToken(candidate)) return { key: 'token', caller: OWNER };
        const notify = tokens?.verify(candidate);
        return notify ? { key: `token:${notify.id}`, caller: { scope: 'notify', tokenId: notify.id, tokenName: notify.name } } : null;
      }
      const session = live(sessionId);
      return session ? { key: session.key, caller: OWNER } : null;
    },
  };
}
