import { z } from 'zod';
import type { App } from '@slack/bolt';
import { cleanMessageText } from '../../clean-message-text.js';
import type { SlackDeps } from '../../deps.js';
import { requestOf } from '../../request-state.js';
import { answerInThread } from './answer-in-thread.js';

const MentionSchema = z.object({
  user: z.string(),
  text: z.string(),
  channel: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
});

/** "@Committee Assistant QUESTION" in a channel: answered in the message's thread. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, context, body }) => {
    const request = requestOf(context, deps.logger, body);
    const parsed = MentionSchema.safeParse(event);
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
