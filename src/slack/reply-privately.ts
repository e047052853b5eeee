import type { AllMiddlewareArgs, AnyMiddlewareArgs, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from './blocks/render-answer-blocks.js';
import { markAck, type RequestState } from './request-state.js';

export type MiddlewareArgs = AnyMiddlewareArgs & AllMiddlewareArgs;

const isCommand = (a: MiddlewareArgs): a is SlackCommandMiddlewareArgs & AllMiddlewareArgs => 'command' in a && a.command !== undefined;
const isAction = (a: MiddlewareArgs): a is SlackActionMiddlewareArgs & AllMiddlewareArgs => 'action' in a && a.action !== undefined;
const isView = (a: MiddlewareArgs): a is SlackViewMiddlewareArgs & AllMiddlewareArgs => 'view' in a && a.view !== undefined;

/**
 * Tells only the requesting user one sentence, by the route the request allows: the command's
 * acknowledgement, an ephemeral reply to a button, or an ephemeral message beside a mention.
 */
export async function replyPrivately(args: MiddlewareArgs, request: RequestState, text: string): Promise<void> {
  const { channelId, userId, threadTs } = request.fields;
  if (isCommand(args)) {
    await args.ack({ response_type: 'ephemeral', ...renderNotice(text) });
    markAck(request);
  } else if (isAction(args)) {
    await args.ack();
    markAck(request);
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) });
  } else if (isView(args)) {
    await args.ack();
    markAck(request);
  } else if (channelId && userId) {
    await args.client.chat.postEphemeral({ channel: channelId, user: userId, ...renderNotice(text), ...(threadTs ? { thread_ts: threadTs } : {}) });
  }
  request.userNotified = true;
}
