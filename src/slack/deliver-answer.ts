import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import type { AllMiddlewareArgs } from '@slack/bolt';
import { userMessageOf } from '../errors.js';
import type { Answer } from '../types.js';
import { renderNotice, type SlackMessage } from './blocks/render-answer-blocks.js';
import type { Visibility } from './deps.js';
import { markAck, noteAnswer, noteFailure, type RequestState } from './request-state.js';

export const PENDING_TEXT = 'Looking through the committee papers…';

/** Where an answer goes: a slash command's acknowledgement and response_url, or a thread. */
export interface AnswerSurface {
  /** Shows "Looking through the committee papers…" while a slow answer is prepared. */
  pending(): Promise<void>;
  /** Delivers the answer, replacing the pending message where Slack allows. */
  deliver(message: SlackMessage, options?: { privately?: boolean }): Promise<void>;
  /** Delivers one friendly sentence after a failure. */
  fail(sentence: string): Promise<void>;
}

/**
 * A slash command: a quick answer is the acknowledgement itself; otherwise an ephemeral "Looking…"
 * acknowledgement, then the answer through response_url (an ephemeral answer replaces the placeholder;
 * a public one is posted and the placeholder deleted, as Slack cannot make an ephemeral message public).
 */
export function slashSurface(input: { ack: AckFn<string | RespondArguments>; respond: RespondFn; visibility: Visibility; request: RequestState }): AnswerSurface {
  const { ack, respond, visibility, request } = input;
  let acked = false;
  const ackWith = async (response: RespondArguments): Promise<void> => {
    await ack(response);
    acked = true;
    markAck(request);
  };
  return {
    pending: () => ackWith({ response_type: 'ephemeral', ...renderNotice(PENDING_TEXT) }),
    async deliver(message, options = {}) {
      const type = options.privately ? 'ephemeral' : visibility;
      if (!acked) return ackWith({ response_type: type, ...message });
      if (type === 'ephemeral') {
        await respond({ response_type: 'ephemeral', replace_original: true, ...message });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
      await respond({ delete_original: true }).catch((error: unknown) => request.log.debug({ err: error }, 'placeholder not deleted'));
    },
    async fail(sentence) {
      if (!acked) return ackWith({ response_type: 'ephemeral', ...renderNotice(sentence) });
      await respond({ response_type: 'ephemeral', replace_original: true, ...renderNotice(sentence) });
    },
  };
}

/** A thread: the answer is posted as a reply; a slow one first posts "Looking…" and then updates it. */
export function threadSurface(input: { client: AllMiddlewareArgs['client']; channelId: string; threadTs: string }): AnswerSurface {
  const { client, channelId, threadTs } = input;
  let pendingTs: string | undefined;
  const deliver = async (message: SlackMessage): Promise<void> => {
    if (pendingTs) await client.chat.update({ channel: channelId, ts: pendingTs, ...message });
    else await client.chat.postMessage({ channel: channelId, thread_ts: threadTs, ...message });
  };
  return {
    async pending() {
      pendingTs = (await client.chat.postMessage({ channel: channelId, thread_ts: threadTs, ...renderNotice(PENDING_TEXT) })).ts;
    },
    deliver,
    fail: (sentence) => deliver(renderNotice(sentence)),
  };
}

const PENDING = Symbol('pending');

/** The work's result if it settles within `ms`, else PENDING (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof PENDING> {
  if (ms <= 0) return PENDING;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof PENDING>((resolve) => {
    timer = setTimeout(() => resolve(PENDING), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one domain call and delivers its answer on a surface, within Slack's 3-second budget: at once
 * when it is quick, else after a "Looking…" placeholder. Any failure becomes one friendly sentence to
 * the user and one full log entry. Returns the answer, or null after a failure.
 */
export async function deliverAnswer(input: {
  surface: AnswerSurface;
  request: RequestState;
  quickReplyMs: number;
  work: () => Promise<Answer>;
  render: (answer: Answer) => { message: SlackMessage; privately?: boolean };
}): Promise<Answer | null> {
  const { surface, request } = input;
  const startedAt = performance.now();
  try {
    const work = input.work();
    // Handled below; this only stops a rejection from going unhandled if the placeholder fails first.
    work.catch(() => undefined);
    let answer = await within(work, input.quickReplyMs);
    if (answer === PENDING) {
      await surface.pending();
      answer = await work;
    }
    noteAnswer(request, answer, startedAt);
    const { message, privately } = input.render(answer);
    await surface.deliver(message, { privately });
    return answer;
  } catch (error) {
    noteFailure(request, error);
    await surface.fail(userMessageOf(error));
    request.userNotified = true;
    return null;
  }
}
