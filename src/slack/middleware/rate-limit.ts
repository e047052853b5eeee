import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { requestOf } from '../request-state.js';
import { replyPrivately } from '../reply-privately.js';
import type { RateLimiter } from '../state/rate-limiter.js';

export const rateLimitedText = (retryAfterSec: number): string =>
  `You are asking faster than I can read the papers. Please try again in ${retryAfterSec} second${retryAfterSec === 1 ? '' : 's'}.`;

/** A per-user limit on questions (slash commands, mentions and direct messages); buttons are not counted. */
export function rateLimit(limiter: RateLimiter, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const request = requestOf(args.context, logger, args.body);
    const { type, name, userId } = request.fields;
    const asks = type === 'command' || (type === 'event' && (name === 'app_mention' || name === 'message'));
    if (!asks || !userId) return args.next();
    const decision = limiter.take(userId);
    if (decision.allowed) return args.next();
    request.outcome = 'rate_limited';
    await replyPrivately(args, request, rateLimitedText(decision.retryAfterSec));
  };
}
