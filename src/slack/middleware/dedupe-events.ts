import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { requestOf } from '../request-state.js';
import type { KeyMemory } from '../state/recent-keys.js';

/**
 * Answers each event once: Slack retries an event (X-Slack-Retry-Num) with the same event id when it
 * thinks delivery failed, and a message can arrive both as `message` and as `app_mention`.
 */
export function dedupeEvents(recent: KeyMemory, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const request = requestOf(context, logger, body);
    const { eventId, messageKey } = request.fields;
    const fresh = (eventId === null || (await recent.firstTime(`event:${eventId}`))) && (messageKey === null || (await recent.firstTime(`message:${messageKey}`)));
    if (!fresh) {
      request.outcome = 'duplicate';
      return;
    }
    await next();
  };
}
