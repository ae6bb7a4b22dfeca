// Who may call the API: the bearer token from api.json, or a browser holding the session
// cookie that a one-time login link set. Tokens are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'lull_session';

const secret = (): string => randomBytes(32).toString('base64url');
const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

export interface Auth {
  readonly token: string;
  /** A fresh one-time login secret; using it once turns it into a session. */
  newLoginSecret(): string;
  /** Consumes a login secret; returns the new session id, or null if it is unknown or used. */
  login(secret: string): string | null;
  /** The caller's identity for rate limiting, or null when it is not authenticated. */
  identify(authorization: string | undefined, sessionId: string | undefined): string | null;
}

export function createAuth(token = secret()): Auth {
  const loginSecrets = new Set<string>();
  const sessions = new Set<string>();
  return {
    token,
    newLoginSecret() {
      const s = secret();
      loginSecrets.add(s);
      return s;
    },
    login(candidate) {
      for (const s of loginSecrets) {
        if (!sameSecret(s, candidate)) continue;
        loginSecrets.delete(s);
        const id = secret();
        sessions.add(id);
        return id;
      }
      return null;
    },
    identify(authorization, sessionId) {
      const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
      if (bearer !== undefined) return sameSecret(bearer, token) ? 'token' : null;
      if (sessionId !== undefined && sessions.has(sessionId)) return `session:${digest(sessionId).toString('hex').slice(0, 16)}`;
      return null;
    },
  };
}
