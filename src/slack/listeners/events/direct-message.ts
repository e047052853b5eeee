import { z } from 'zod';
import type { App } from '@slack/bolt';
import { cleanMessageText } from '../../clean-message-text.js';
import type { SlackDeps } from '../../deps.js';
import { requestOf } from '../../request-state.js';
import { answerInThread } from './answer-in-thread.js';

/** A plain message a person typed in a direct message with the bot: no subtype (edits, joins, bots), no bot id. */
const DirectMessageSchema = z.object({
  channel_type: z.literal('im'),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
  user: z.string(),
  text: z.string(),
  channel: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
});

/** A direct message to the bot: answered in a thread, like a mention. */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context, body }) => {
    const request = requestOf(context, deps.logger, body);
    const parsed = DirectMessageSchema.safeParse(event);
    if (!parsed.success) {
      request.outcome = 'ignored';
      return;
    }
    const e = parsed.data;
    await answerInThread(deps, {
      client,
      request,
      channelId: e.channel,
      threadTs: e.thread_ts ?? e.ts,
      question: cleanMessageText(e.text, context.botUserId),
    });
  });
}
