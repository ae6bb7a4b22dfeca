// The settings of a mail account (PRODUCT.md §3.4): where to log in and what to watch. No
// password lives here — it comes from `passwordCommand` or the secret store under `mail:<name>`.
import { z } from 'zod';

export const mailSecuritySchema = z.enum(['tls', 'starttls', 'none']);
export type MailSecurity = z.output<typeof mailSecuritySchema>;

/** `mail:<name>`, one name for an account's three things: its items' source, its status line, and its password in the secret store (`lull secret set mail:<name>`). */
export const mailName = (account: string): string => `mail:${account}`;

/** The port a security mode uses when the account names none (IMAPS 993, IMAP 143). */
export const defaultMailPort = (security: MailSecurity): number => (security === 'tls' ? 993 : 143);

/** Hosts that are this machine: the only ones plain IMAP (security "none") may send a password to. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The placeholders a `webUrl` template may use; each is filled URL-encoded. */
export const MAIL_URL_FIELDS = ['messageId', 'uid', 'mailbox'] as const;

const webUrl = z
  .string()
  .trim()
  .max(1024)
  .refine((t) => /^https?:\/\//i.test(t), 'must start with https:// or http://')
  .refine((t) => [...t.matchAll(/\{(\w+)\}/g)].every((m) => (MAIL_URL_FIELDS as readonly string[]).includes(m[1] ?? '')), {
    message: `may use only ${MAIL_URL_FIELDS.map((f) => `{${f}}`).join(', ')}`,
  });

/** An account's name (mail, calendars): items come from source `mail:<name>`, its stored password is `mail:<name>`. */
export const accountNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'must be 1–32 letters, digits, dots, dashes or underscores');

export const mailAccountSchema = z
  .object({
    name: accountNameSchema,
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address'),
    /** When absent: 993 for tls, 143 for starttls and none. */
    port: z.number().int().min(1).max(65535).optional(),
    security: mailSecuritySchema.default('tls'),
    user: z.string().min(1).max(320),
    /** An argv array run without a shell; the first line it prints is the password (like mbsync's PassCmd). */
    passwordCommand: z.array(z.string().min(1).max(4096)).min(1).max(64).optional(),
    mailbox: z.string().trim().min(1).max(255).default('INBOX'),
    /** A link that opens one message in webmail, e.g. Gmail's `…/#search/rfc822msgid:{messageId}`. */
    webUrl: webUrl.optional(),
  })
  .strict()
  .refine((a) => a.security !== 'none' || isLoopbackHost(a.host), {
    message: 'plain IMAP (security "none") would send the password unencrypted: it is allowed only to this machine (localhost, 127.0.0.1, ::1); use "tls" or "starttls"',
    path: ['security'],
  });

export type MailAccount = z.output<typeof mailAccountSchema>;

export const mailAccountsSchema = z
  .array(mailAccountSchema)
  .max(20)
  .superRefine((accounts, ctx) => {
    const seen = new Set<string>();
    accounts.forEach((a, i) => {
      const key = a.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `another account is already named "${a.name}"`, path: [i, 'name'] });
      seen.add(key);
    });
  });

/**
 * What can go wrong reaching a mail account, in the words of sources/mail/connect.ts: no password,
 * the passwordCommand failed, plain IMAP to another machine, DNS, refused, timeout, TLS, the
 * login, the mailbox, or the connection otherwise. The settings page labels each.
 */
export const mailFailureSchema = z.enum(['no-password', 'password-command', 'plain-refused', 'dns', 'refused', 'timeout', 'tls', 'auth', 'mailbox', 'connection']);
