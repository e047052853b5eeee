import type { FeedbackRecord } from '../feedback/feedback-store.js';
import type { Answer } from '../types.js';
import type { FeedbackValue } from './blocks/action-values.js';

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
  return {
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
  };
}
