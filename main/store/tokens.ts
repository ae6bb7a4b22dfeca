// Notify-only tokens (PRODUCT.md §4), in the same SQLite file as the items. A token's secret is
// shown once, when it is made; only its SHA-256 digest is stored, and a request's token is found
// by its digest (the secrets are 256 random bits: a plain digest is enough, no slow hash). Every
// live token is kept in memory, so checking a request costs one hash and one map lookup; a
// revocation deletes it from both at once. The last use is written at most once a minute per
// token, so a busy CI job does not turn every notification into two writes.
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { LullError } from '../core/types.ts';
import { tokenScopeSchema } from '../core/vocabulary.ts';

export type TokenScope = z.infer<typeof tokenScopeSchema>;

export interface NotifyToken {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: number;
  lastUsedAt: number | null;
}

export interface TokenStore {
  /** Makes a token; the secret is in the answer and nowhere else. A live token's name may not be reused. */
  create(name: string, scope: TokenScope): { token: NotifyToken; secret: string };
  /** Every live token, oldest first; never a secret. */
  list(): NotifyToken[];
  /** Deletes a token: the next request with it is refused. The token as it was, or null when there is none. */
  revoke(id: string): NotifyToken | null;
  /** The token this secret belongs to, its use recorded; null for anything else. */
  verify(secret: string): NotifyToken | null;
}

/** How a notify token starts, so a user (and a secret scanner) can tell it from the owner's token. */
export const TOKEN_PREFIX = 'lull_n_';
const LAST_USE_WRITE_MS = 60_000;

const rowSchema = z.object({ id: z.string(), name: z.string(), scope: tokenScopeSchema, digest: z.string(), created_at: z.number(), last_used_at: z.number().nullable() });
const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function createTokenStore(db: DatabaseSync, now: () => number): TokenStore {
  const insert = db.prepare('INSERT INTO tokens (id, name, scope, digest, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, NULL)');
  const remove = db.prepare('DELETE FROM tokens WHERE id = ?');
  const touch = db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?');
  const byDigest = new Map<string, NotifyToken>();
  const written = new Map<string, number>();
  for (const raw of db.prepare('SELECT * FROM tokens ORDER BY created_at, id').all()) {
    const row = rowSchema.parse(raw);
    byDigest.set(row.digest, { id: row.id, name: row.name, scope: row.scope, createdAt: row.created_at, lastUsedAt: row.last_used_at });
    written.set(row.id, row.last_used_at ?? 0);
  }
  const find = (id: string): [string, NotifyToken] | undefined => [...byDigest].find(([, t]) => t.id === id);
  return {
    create(name, scope) {
      if ([...byDigest.values()].some((t) => t.name === name)) throw new LullError('conflict', 'a token with this name exists: revoke it first, or choose another name');
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const token: NotifyToken = { id: `tok_${randomBytes(9).toString('base64url')}`, name, scope, createdAt: now(), lastUsedAt: null };
      const digest = digestOf(secret);
      insert.run(token.id, name, scope, digest, token.createdAt);
      byDigest.set(digest, token);
      return { token: { ...token }, secret };
    },
    list: () => [...byDigest.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).map((t) => ({ ...t })),
    revoke(id) {
      const found = find(id);
      if (!found) return null;
      remove.run(id);
      byDigest.delete(found[0]);
      written.delete(id);
      return { ...found[1] };
    },
    verify(secret) {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const token = byDigest.get(digestOf(secret));
      if (!token) return null;
      const at = now();
      token.lastUsedAt = at;
      if (at - (written.get(token.id) ?? 0) >= LAST_USE_WRITE_MS) {
        written.set(token.id, at);
        touch.run(at, token.id);
      }
      return token;
    },
  };
}
