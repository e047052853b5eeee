import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { requestOf } from '../request-state.js';

/** Ignores messages from other bots and workflows (Bolt's `ignoreSelf` already drops this app's own). */
export function ignoreBots(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const request = requestOf(context, logger, body);
    if (request.fields.type === 'event' && request.fields.isBot) {
      request.outcome = 'ignored_bot';
      return;
    }
    await next();
  };
}
