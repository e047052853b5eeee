import { z } from 'zod';
import { LIMITS } from './limits.js';

/** The action ids this app's messages and modals use; listeners match on them. */
export const ACTION = {
  sourcePrefix: 'source:',
  sourceSelect: 'source:select',
  feedbackPrefix: 'feedback:',
  share: 'share:in_channel',
} as const;
export const FEEDBACK_VIEW = 'feedback_comment';
export const FEEDBACK_INPUT = { block: 'comment', action: 'comment' } as const;
/** The `/ripa` form; its inputs' block and action ids are the form's field ids. */
export const RIPA_VIEW = 'ripa_form';

/** A "Show source" control: the answer and citation number, and enough to show the quote if the answer is no longer cached. */
export const SourceRefSchema = z.object({
  a: z.string().max(100),
  n: z.number().int(),
  c: z.string().max(300).nullable(),
  /** The quote (possibly shortened) and its full length, for highlighting. */
  q: z.string().max(LIMITS.buttonValue).optional(),
  ql: z.number().int().optional(),
  /** The citation's place line. */
  p: z.string().max(LIMITS.buttonValue).optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A 👍/👎 button: the answer id and, for when the answer is no longer cached, a trimmed question and the cited chunk ids. */
export const FeedbackValueSchema = z.object({
  a: z.string().max(100),
  r: z.enum(['up', 'down']),
  k: z.string().max(40),
  q: z.string().max(LIMITS.privateMetadata),
  c: z.array(z.string().max(300)).max(100),
});
export type FeedbackValue = z.infer<typeof FeedbackValueSchema>;

/** "Share in channel": the answer id and the question, so that an answer evicted from the cache can be asked again. */
export const ShareValueSchema = z.object({ a: z.string().max(100), q: z.string().max(LIMITS.buttonValue), k: z.string().max(40).optional() });
export type ShareValue = z.infer<typeof ShareValueSchema>;

/** The 👎 comment modal's private metadata. */
export const CommentMetaSchema = FeedbackValueSchema.extend({ ch: z.string().nullable() });
export type CommentMeta = z.infer<typeof CommentMetaSchema>;

/** The `/ripa` form's private metadata: where to post the outcome (the command's channel and response_url). */
export const RipaMetaSchema = z.object({ ch: z.string().min(1).max(40), ru: z.string().url().max(500).optional() });
export type RipaMeta = z.infer<typeof RipaMetaSchema>;

/**
 * JSON of `value` within `max` characters: shortens the named string fields and drops trailing items
 * of the named array fields, in order, until it fits.
 */
export function fitJson<T extends Record<string, unknown>>(value: T, shrinkable: ReadonlyArray<keyof T>, max: number): string {
  let v: Record<string, unknown> = { ...value };
  let json = JSON.stringify(v);
  for (const key of shrinkable) {
    while (json.length > max) {
      const field = v[key as string];
      if (typeof field === 'string' && field.length > 0) {
        const keep = Math.max(0, Math.min(field.length - 1, field.length - (json.length - max)));
        v = { ...v, [key]: field.slice(0, keep) };
      } else if (Array.isArray(field) && field.length > 0) v = { ...v, [key]: field.slice(0, -1) };
      else break;
      json = JSON.stringify(v);
    }
  }
  return json;
}

/** Parses a control's value with its schema; null when it is not ours, is malformed, or is longer than Slack allows any value to be (a forgery). */
export function parseValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  if (!raw || raw.length > Math.max(LIMITS.buttonValue, LIMITS.privateMetadata)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const encodeSourceButton = (ref: SourceRef): string => fitJson(ref, ['q', 'p'], LIMITS.buttonValue);

/** A select option's value holds at most 150 characters: the ids only. */
export function encodeSourceOption(ref: SourceRef): string {
  const full = JSON.stringify({ a: ref.a, n: ref.n, c: ref.c });
  return full.length <= LIMITS.optionValue ? full : JSON.stringify({ a: ref.a, n: ref.n, c: null });
}

export const encodeFeedback = (value: FeedbackValue): string => fitJson(value, ['c', 'q'], LIMITS.buttonValue);
export const encodeShare = (value: ShareValue): string => fitJson(value, ['q'], LIMITS.buttonValue);
export const encodeCommentMeta = (value: CommentMeta): string => fitJson(value, ['c', 'q'], LIMITS.privateMetadata);
/** A response_url that is not a short URL is left out (never cut): the outcome then goes by chat.postEphemeral. */
export function encodeRipaMeta(value: RipaMeta): string {
  const kept = RipaMetaSchema.safeParse(value);
  return JSON.stringify(kept.success ? kept.data : { ch: value.ch });
}
