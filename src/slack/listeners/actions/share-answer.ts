import type { App, BlockAction } from '@slack/bolt';
import { ACTION, parseValue, ShareValueSchema } from '../../blocks/action-values.js';
import { renderAnswerMessage, renderNotice } from '../../blocks/render-answer-blocks.js';
import { remember, type SlackDeps } from '../../deps.js';
import { markAck, requestOf } from '../../request-state.js';
import { safely } from './safely.js';

/**
 * "Share in channel" under an answer only its asker could see: posts it publicly through the
 * response_url, then removes the private copy. An answer no longer cached is asked again.
 */
export function registerShareAnswer(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: ACTION.share }, async ({ ack, action, body, respond, context }) => {
    const request = requestOf(context, deps.logger, body);
    await ack();
    markAck(request);
    const value = parseValue(ShareValueSchema, action.type === 'button' ? action.value : undefined);
    if (!value) {
      request.outcome = 'invalid_value';
      return;
    }
    await safely(request, (text) => respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) }), async () => {
      const again = async () => {
        if (value.k === 'deadline') return deps.assistant.deadline(value.q);
        if (value.k === 'kpi' || value.k === 'audit') return deps.assistant[value.k](value.q);
        return deps.assistant.ask(value.q, { id: value.a });
      };
      const answer = deps.answers.get(value.a) ?? remember(deps, await again(), value.a);
      await respond({ response_type: 'in_channel', replace_original: false, ...renderAnswerMessage(answer, { sharedBy: body.user.id }) });
      await respond({ delete_original: true }).catch((error: unknown) => request.log.debug({ err: error }, 'private copy not deleted'));
      request.outcome = 'shared';
      request.cited = answer.citations.flatMap((c) => (c.chunkId ? [c.chunkId] : []));
    });
  });
}
