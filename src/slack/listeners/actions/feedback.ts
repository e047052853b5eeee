import type { App, BlockAction } from '@slack/bolt';
import { ACTION, FeedbackValueSchema, parseValue } from '../../blocks/action-values.js';
import { renderFeedbackModal } from '../../blocks/render-feedback-modal.js';
import { buildFeedbackRecord } from '../../build-feedback-record.js';
import { renderNotice } from '../../blocks/render-answer-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { markAck, requestOf } from '../../request-state.js';
import { safely } from './safely.js';

export const THANKS = 'Thank you: your feedback has been recorded.';

/** 👍/👎 under an answer: recorded with the question, the answer and its citations; 👎 then offers a comment box. */
export function registerFeedback(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: new RegExp(`^${ACTION.feedbackPrefix}`) }, async ({ ack, action, body, client, respond, context }) => {
    const request = requestOf(context, deps.logger, body);
    await ack();
    markAck(request);
    const value = parseValue(FeedbackValueSchema, action.type === 'button' ? action.value : undefined);
    if (!value) {
      request.outcome = 'invalid_value';
      return;
    }
    await safely(request, (text) => respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) }), async () => {
      const channelId = body.channel?.id ?? body.container?.channel_id ?? null;
      const record = buildFeedbackRecord({
        id: deps.newId(),
        at: deps.now(),
        event: 'rating',
        value,
        cached: deps.answers.get(value.a),
        messageText: typeof body.message?.text === 'string' ? body.message.text : null,
        userId: body.user.id,
        teamId: body.team?.id ?? null,
        channelId,
      });
      await deps.feedback.append(record);
      request.outcome = `feedback_${value.r}`;
      request.cited = record.citations.flatMap((c) => (c.chunkId ? [c.chunkId] : []));
      if (value.r === 'down') await client.views.open({ trigger_id: body.trigger_id, view: renderFeedbackModal({ ...value, ch: channelId }) });
      else await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(THANKS) });
    });
  });
}
