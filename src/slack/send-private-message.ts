import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks/render-answer-blocks.js';

export interface PrivateMessageTarget {
  channelId: string;
  userId: string;
  /** The slash command's response_url, when there is one. */
  responseUrl?: string;
}

/**
 * Posts a message only `userId` sees in a channel: through the slash command's response_url when
 * there is one (it works where the bot is not a member, for 30 minutes), else, or when that fails,
 * with chat.postEphemeral. Throws only when both fail.
 */
export async function sendPrivateMessage(
  client: AllMiddlewareArgs['client'],
  target: PrivateMessageTarget,
  message: SlackMessage,
  options: { log: Logger; timeoutMs?: number },
): Promise<'response_url' | 'ephemeral'> {
  if (target.responseUrl) {
    try {
      const res = await fetch(target.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await res.body?.cancel();
      if (res.ok) return 'response_url';
      options.log.warn({ status: res.status }, 'response_url refused; posting ephemeral');
    } catch (error) {
      options.log.warn({ err: error }, 'response_url failed; posting ephemeral');
    }
  }
  await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...message });
  return 'ephemeral';
}
