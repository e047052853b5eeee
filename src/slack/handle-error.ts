import type { AllMiddlewareArgs, App } from '@slack/bolt';
import { userMessageOf } from '../errors.js';
import type { Logger } from '../logger.js';
import { renderNotice } from './blocks/render-answer-blocks.js';
import { noteFailure, requestOf } from './request-state.js';

/** Bolt's extended error handler (the last overload of `app.error`), which its index does not export by name. */
type ExtendedErrorHandler = Parameters<App['error']>[0];

/** Bolt wraps errors that are not its own in an UnknownError; the original is what to log and explain. */
function originalOf(error: unknown): unknown {
  if (error && typeof error === 'object' && 'original' in error && error.original) return error.original;
  return error;
}

/**
 * Bolt's global error handler, the last boundary: logs the whole error once on the request's line and,
 * unless a listener already did, tells the user one friendly sentence. It never throws, so the app
 * keeps serving.
 */
export function handleError(logger: Logger, client: AllMiddlewareArgs['client']): ExtendedErrorHandler {
  return async ({ error, context, body }) => {
    const request = requestOf(context, logger, body);
    const original = originalOf(error);
    noteFailure(request, original);
    const { channelId, userId } = request.fields;
    if (request.userNotified || !channelId || !userId) return;
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...renderNotice(userMessageOf(original)) });
      request.userNotified = true;
    } catch (notified) {
      request.log.warn({ err: notified }, 'could not tell the user about a failure');
    }
  };
}
