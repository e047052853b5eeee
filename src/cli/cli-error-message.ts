import { AppError, userMessageOf } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';

/**
 * The one sentence a command prints when it fails. An unexpected error is logged in full (to stderr,
 * as a JSON line) first, so that the sentence's "the details have been logged" is true; an AppError's
 * sentence already says what to do, and its detail goes to the debug level only.
 */
export function cliErrorMessage(error: unknown, logger: Logger = createLogger()): string {
  if (error instanceof AppError) logger.debug({ err: error }, 'command failed');
  else logger.error({ err: error }, 'command failed');
  return userMessageOf(error);
}
