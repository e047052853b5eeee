import type { AllMiddlewareArgs } from '@slack/bolt';
import { renderAnswerMessage, renderNotice } from '../../blocks/render-answer-blocks.js';
import { deliverAnswer, threadSurface } from '../../deliver-answer.js';
import { remember, type SlackDeps } from '../../deps.js';
import type { RequestState } from '../../request-state.js';
import { ThreadMemory } from '../../state/thread-memory.js';

export const MENTION_HELP =
  'Ask me a question about the committee papers, e.g. "What was the annual internal audit opinion?" I answer in a thread, and you can ask follow-ups there.';

/**
 * Answers a mention or direct message in its thread, reading the thread's earlier questions as
 * context for a follow-up, and remembers the question for the next one.
 */
export async function answerInThread(
  deps: SlackDeps,
  input: { client: AllMiddlewareArgs['client']; request: RequestState; channelId: string; threadTs: string; question: string },
): Promise<void> {
  const { request, channelId, threadTs, question } = input;
  const surface = threadSurface({ client: input.client, channelId, threadTs });
  if (!question) {
    request.outcome = 'usage';
    return surface.deliver(renderNotice(MENTION_HELP));
  }
  const key = ThreadMemory.key(channelId, threadTs);
  const history = deps.threads.history(key);
  const answerId = deps.newId();
  const answer = await deliverAnswer({
    request,
    surface,
    quickReplyMs: deps.settings.quickReplyMs,
    work: () => deps.assistant.ask(question, { id: answerId, history }),
    render: (a) => ({ message: renderAnswerMessage(remember(deps, a, answerId)) }),
  });
  if (answer && answer.kind !== 'error') deps.threads.add(key, question);
}
