import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { beginRequest, logRequest, markAck } from '../request-state.js';

/**
 * First of the app's middleware: starts the request's state (id, user, channel, timings) and writes
 * its one summary line when every listener has finished.
 */
export function requestLog(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const state = beginRequest(context, logger, body, { requestId: context.requestId, receivedAt: context.receivedAt });
    // Bolt acknowledges Events API requests before any middleware runs.
    if (state.fields.type === 'event') markAck(state);
    try {
      await next();
    } catch (error) {
      state.outcome = 'failed';
      state.errorCode = error instanceof AppError ? error.code : 'INTERNAL';
      throw error;
    } finally {
      logRequest(state, context.retryNum);
    }
  };
}
