import type { FeedbackRecord } from '../feedback/feedback-store.js';
import type { Answer } from '../types.js';
import type { FeedbackValue } from './blocks/action-values.js';

/** The most of each field a feedback line keeps: forged buttons or modals can carry far more than Slack's own. */
export const FEEDBACK_CAPS = {
  /** The comment box allows 2,000 characters. */
  comment: 2_000,
  question: 1_000,
  /** An answer is at most a few thousand characters. */
  answer: 6_000,
  quote: 1_000,
  /** Ids and other short fields (Slack ids are about 11 characters). */
  short: 100,
  /** More citations than an answer ever has. */
  citations: 50,
} as const;

/** `text` within `max` characters; when cut, it says so at its end. */
export function capField(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = ` … [cut to ${max} characters]`;
  return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}
const cap = (text: string | null, max: number): string | null => (text === null ? null : capField(text, max));

/**
 * A feedback record from a 👍/👎 (or its comment): question, answer and citations from the cached
 * answer when it is still there, else from what the button and the message carry. Pure.
 */
export function buildFeedbackRecord(input: {
  id: string;
  at: Date;
  event: FeedbackRecord['event'];
  value: FeedbackValue;
  cached: Answer | undefined;
  comment?: string | null;
  messageText?: string | null;
  userId: string | null;
  teamId: string | null;
  channelId: string | null;
}): FeedbackRecord {
  const { value, cached } = input;
  return capRecord({
    id: input.id,
    at: input.at.toISOString(),
    event: input.event,
    rating: value.r,
    comment: input.comment ?? null,
    answerId: value.a,
    kind: cached?.kind ?? value.k,
    question: cached?.question ?? value.q,
    answer: cached?.answer ?? input.messageText ?? null,
    citations: cached
      ? cached.citations.map((c) => ({
          n: c.n,
          chunkId: c.chunkId,
          source: c.source,
          council: c.council,
          committee: c.committee,
          meetingDate: c.meetingDate,
          itemNumber: c.itemNumber,
          page: c.page,
          paragraph: c.paragraph,
          quote: c.quote,
        }))
      : value.c.map((chunkId, i) => ({ n: i + 1, chunkId, source: null, council: null, committee: null, meetingDate: null, itemNumber: null, page: null, paragraph: null, quote: null })),
    answerFrom: cached ? 'cache' : 'payload',
    userId: input.userId,
    teamId: input.teamId,
    channelId: input.channelId,
  });
}

/** Every field of a record within FEEDBACK_CAPS. */
function capRecord(r: FeedbackRecord): FeedbackRecord {
  const short = (t: string | null) => cap(t, FEEDBACK_CAPS.short);
  return {
    ...r,
    id: capField(r.id, FEEDBACK_CAPS.short),
    answerId: capField(r.answerId, FEEDBACK_CAPS.short),
    kind: short(r.kind),
    comment: cap(r.comment, FEEDBACK_CAPS.comment),
    question: cap(r.question, FEEDBACK_CAPS.question),
    answer: cap(r.answer, FEEDBACK_CAPS.answer),
    citations: r.citations.slice(0, FEEDBACK_CAPS.citations).map((c) => ({
      ...c,
      chunkId: short(c.chunkId),
      source: cap(c.source, FEEDBACK_CAPS.quote),
      council: cap(c.council, FEEDBACK_CAPS.quote),
      committee: cap(c.committee, FEEDBACK_CAPS.quote),
      meetingDate: short(c.meetingDate),
      itemNumber: short(c.itemNumber),
      paragraph: short(c.paragraph),
      quote: cap(c.quote, FEEDBACK_CAPS.quote),
    })),
    userId: short(r.userId),
    teamId: short(r.teamId),
    channelId: short(r.channelId),
  };
}
