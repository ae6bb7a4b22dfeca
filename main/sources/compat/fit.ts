// What the tool doors (ntfy, Gotify, Apprise) share: turning what a tool sent into an item that fits
// Lull's limits (core/vocabulary.ts LIMITS). The inbox refuses text that is too long, because its
// callers are written for Lull; these doors are called by tools we do not control (a CI job, a
// monitor, Apprise), which cannot adapt to a refusal, so here text is fitted — cut with "…" — and
// never refused, and a link Lull may not open is dropped rather than failing the whole message.
import type { NotificationInput } from '../../core/incoming.ts';
import { isAllowedUrl, LIMITS, type prioritySchema } from '../../core/vocabulary.ts';
import type { z } from 'zod';
import type { Caller } from '../source.ts';
import { bounded } from '../../system/markup.ts';

export type Priority = z.output<typeof prioritySchema>;

/** `text` as well-formed Unicode of at most `max` UTF-16 units, cut with "…" (never inside a surrogate pair). */
export const fitText = (text: string, max: number): string => bounded(text.toWellFormed(), max);

/** Tags as the tools send them (a list, or one comma-separated string): trimmed, empty ones left out, fitted. */
export function fitTags(tags: readonly string[]): string[] | undefined {
  const kept = tags
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, LIMITS.tags)
    .map((t) => fitText(t, LIMITS.tag));
  return kept.length > 0 ? kept : undefined;
}

export const splitTags = (list: string): string[] => list.split(',');

/** A JSON object (not an array, not null), as the forms' bodies and Gotify's extras must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A click target Lull may open (http, https, mailto, within the limit), or undefined: a `file:` or
 * an app's own scheme is dropped, not refused, since the message itself is still worth holding. A
 * link is never cut (a cut link leads somewhere else).
 */
export function clickUrl(click: string | undefined): string | undefined {
  const url = click?.trim();
  return url && url.length <= LIMITS.url && url.isWellFormed() && isAllowedUrl(url) ? url : undefined;
}

/** What every tool door hands over once it has read its own form. */
export interface ToolMessage {
  source: string;
  /** Absent or empty: the item's title comes from the message. */
  title?: string | undefined;
  message: string;
  priority?: Priority | undefined;
  tags?: readonly string[] | undefined;
  url?: string | undefined;
}

/**
 * The item for a tool's message. Tools often send no title (ntfy and Gotify show the topic or the
 * app's name instead); Lull shows the source apart, so the title is the message's first line. A
 * message that is one line and fits is then the title alone, not repeated as the body; otherwise the
 * body keeps the whole message.
 */
export function toNotification(m: ToolMessage): NotificationInput {
  const message = fitText(m.message, LIMITS.body);
  const given = m.title?.trim() ? fitText(m.title, LIMITS.title) : undefined;
  const firstLine = message.split('\n', 1)[0]?.trim() ?? '';
  const title = given ?? fitText(firstLine || m.source, LIMITS.title);
  const alone = given === undefined && title === message;
  const tags = fitTags(m.tags ?? []);
  return {
    source: fitText(m.source, LIMITS.source),
    title,
    ...(!alone && message.length > 0 && { body: message }),
    ...(m.priority && { priority: m.priority }),
    ...(tags && { tags }),
    ...(m.url && { url: m.url }),
  };
}

/** The message as Lull keeps it, for the answer: the body, or the title when the message was the title alone. */
export const keptMessage = (input: NotificationInput, titleGiven: boolean): string => input.body ?? (titleGiven ? '' : input.title);

/** A door's default source for a caller: a notify token's name, or the tool's own name for the owner's token. */
export const sourceOf = (caller: Caller, tool: string): string =>
  caller.scope === 'notify' ? caller.tokenName : tool;
