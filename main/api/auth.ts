// Who may call the API: the bearer token from api.json, or a browser holding the session cookie
// that a one-time login link or the owner's token pasted into the sign-in page set. Secrets are
// compared in constant time. Sessions live in memory: they end when the host stops, or after
// 30 days.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { hostRoutes } from '../../preload/contract.ts';

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
  /** The caller's identity for rate limiting, or null when it is not authenticated. */
  identify(authorization: string | undefined, sessionId: string | undefined): string | null;
}

interface Session {
  /** The session's rate-limit key: never the id itself. */
  key: string;
  expiresAt: number;
}

export function createAuth(token = secret(), now: () => number = Date.now): Auth {
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
    identify(authorization, sessionId) {
      const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
      if (bearer !== undefined) return isToken(bearer) ? 'token' : null;
      return live(sessionId)?.key ?? null;
    },
  };
}
