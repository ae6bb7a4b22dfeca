// The mail domain (PRODUCT.md §3.4): the settings page's "Test" button. An account as the form
// holds it (saved or not) and, when one was typed, its unsaved password go in; the answer is the
// message count of its mailbox, or what failed and how to act on it. A failed test is an answer,
// not an error. The password never comes back, in an answer or an error.
import { z } from 'zod';
import { mailFailureSchema } from '../../main/core/mailSettings.ts';
import { mailAccountViewSchema } from './settings.ts';

/** A password as IMAP sends it: one line. */
export const mailPasswordSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .refine((s) => !/[\r\n\0]/.test(s), 'must be one line (no line break or NUL)');

export const mailTestRequest = z
  .object({
    /** As the settings show it: `password: "stored"` may stay on (it says nothing the test needs). */
    account: mailAccountViewSchema.transform(({ password: _shown, ...account }) => account),
    /** Typed in the form and not saved yet; without it the account's passwordCommand or stored password is used. */
    password: mailPasswordSchema.optional(),
  })
  .strict();

export const mailTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), mailbox: z.string(), messages: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), kind: mailFailureSchema, message: z.string() }),
]);

export const mailInvokes = {
  'mail:test': { request: mailTestRequest, result: mailTestResult },
} as const;

export type MailTestRequest = z.input<typeof mailTestRequest>;
export type MailTestResult = z.output<typeof mailTestResult>;
export type MailFailureKind = z.output<typeof mailFailureSchema>;
