// The secrets domain (PRODUCT.md §3.4, §6): mail and calendar passwords for the secret store,
// by name (`mail:<account>`). A secret goes in and never comes out: the answers carry names only,
// and a refusal names the field, never the value.
import { z } from 'zod';
import { accountNameSchema } from '../../main/core/mailSettings.ts';
import { none } from './common.ts';

/** What a secret is for: a mail account's password (`mail:<name>`) or a calendar's (`calendar:<name>`). */
export const SECRET_KINDS = ['mail', 'calendar'] as const;

export const SECRET_MAX_LENGTH = 4096;

const isSecretName = (name: string): boolean => {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const account = name.slice(colon + 1);
  return colon > 0 && (SECRET_KINDS as readonly string[]).includes(kind) && accountNameSchema.safeParse(account).data === account;
};

export const secretNameSchema = z
  .string()
  .max(64)
  .refine(isSecretName, `must be ${SECRET_KINDS.map((k) => `${k}:<account>`).join(' or ')}, the account named as in the settings (1–32 letters, digits, dots, dashes or underscores)`);

/** A password as IMAP and CalDAV send it: one line. */
export const secretValueSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(SECRET_MAX_LENGTH, `must be at most ${SECRET_MAX_LENGTH} characters`)
  .refine((s) => !/[\r\n\0]/.test(s), 'must be one line (no line break or NUL)');

export const secretNameRequest = z.object({ name: secretNameSchema }).strict();

export const secretsInvokes = {
  'secrets:set': { request: z.object({ name: secretNameSchema, secret: secretValueSchema }).strict(), result: z.object({ name: z.string(), stored: z.literal(true) }) },
  'secrets:delete': { request: secretNameRequest, result: z.object({ name: z.string(), deleted: z.literal(true) }) },
  'secrets:list': { request: none, result: z.object({ names: z.array(z.string()) }) },
} as const;
