// Who may call the API: the bearer token from api.json, or a browser holding the session
// cookie that a one-time login link set. Tokens are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'lull_session';

const secret = (): string => randomBytes(32).toString('base64url');
const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

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
  // Every request is checked: the token's digest and each session's rate-limit key are made once.
  const tokenDigest = digest(token);
  const sessions = new Map<string, string>();
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
        const id = secret();
        sessions.set(id, `session:${digest(id).toString('hex').slice(0, 16)}`);
        return id;
      }
      return null;
    },
    identify(authorization, sessionId) {
      const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
      if (bearer !== undefined) return timingSafeEqual(digest(bearer), tokenDigest) ? 'token' : null;
      return (sessionId !== undefined && sessions.get(sessionId)) || null;
    },
  };
}
