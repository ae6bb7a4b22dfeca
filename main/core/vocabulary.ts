// Lull's vocabulary, written once: every enum and limit as zod, from which core's types, the
// database rows, the contract, the HTTP schemas and the renderer all derive. Change a word here
// and every layer follows (or fails to compile).
import { z } from 'zod';

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const dispositionSchema = z.enum(['held', 'delivered', 'breakthrough']);
/** The urgent protocol's rules, in their order of precedence (PRODUCT.md §2). */
export const breakthroughRuleSchema = z.enum(['urgent', 'vip', 'keyword', 'app', 'repeat']);
/**
 * Where an item stands: `held` waits for a batch; `released` came out in a batch and waits
 * for review; `delivered` passed at once (no block, or a breakthrough); `done` and
 * `dismissed` were handled by the user; `resolved` was taken back by its source before the
 * user needed it (read elsewhere, an alert that recovered, an expired code).
 */
/** The user's answer to "was it urgent?" for a breakthrough (PRODUCT.md §2). */
export const verdictSchema = z.enum(['urgent', 'not-urgent']);
export const itemStatusSchema = z.enum(['held', 'released', 'delivered', 'done', 'dismissed', 'resolved']);
export const blockKindSchema = z.enum(['adhoc', 'scheduled']);
export const blockEndSchema = z.enum(['completed', 'ended-early', 'skipped']);
export const batchReasonSchema = z.enum(['schedule', 'catch-up', 'block-end', 'max-hold', 'manual']);
/** `unavailable`: cannot run here (no session bus …); `degraded`: runs, but something is missing. */
export const sourceStateSchema = z.enum(['running', 'stopped', 'unavailable', 'degraded']);
export const focusStateSchema = z.enum(['idle', 'focus']);
/** What a token made with POST /v1/tokens may do: post notifications, and nothing else (PRODUCT.md §4). */
export const tokenScopeSchema = z.enum(['notify']);
/** The languages Lull's own words are written in; the setting may also say `system`. */
export const languageSchema = z.enum(['en', 'sv']);
export const languageSettingSchema = z.enum(['system', ...languageSchema.options]);
/** When the review opens by itself. */
export const reviewAtSchema = z.enum(['block-end', 'every-batch', 'never']);
/** `titles`: no body is ever stored. */
export const storageModeSchema = z.enum(['full', 'titles']);

export const BREAKTHROUGH_RULES = breakthroughRuleSchema.options;
export const PRIORITIES = prioritySchema.options;
export const DISPOSITIONS = dispositionSchema.options;

/** Limits of what a source may hand in (PRODUCT.md §4), and of a focus block. */
export const LIMITS = {
  source: 64,
  title: 256,
  body: 8192,
  sender: 256,
  url: 2048,
  tags: 16,
  tag: 64,
  dedupeKey: 128,
  thread: 128,
  focusMinutes: { min: 1, max: 720 },
} as const;

/** An item's link may only open these (never javascript:, file: or an app's own scheme). */
export const URL_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

export function isAllowedUrl(url: string): boolean {
  try {
    return URL_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export const focusMinutesSchema = z.number().int().min(LIMITS.focusMinutes.min).max(LIMITS.focusMinutes.max);

/** The source name of what the Linux desktop bus captures; its daemon shows those items itself. */
export const DESKTOP_SOURCE = 'desktop';

/**
 * The desktop-notification hint Lull's own notifications carry (digests, the breakthroughs it
 * shows again), so the desktop bus never captures them back. node-notifier writes it as
 * `string:x-lull:<value>`; a D-Bus Notify call carries it as a hints key.
 */
export const LULL_HINT = 'x-lull';
