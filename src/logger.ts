import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths pino replaces with "[Redacted]": tokens and secrets never reach a log line. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.apiKey',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
];

/** The root logger. Scripts log to stderr so that stdout stays clean JSON. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const opts = { level: options.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[Redacted]' } };
  return options.destination ? pino(opts, options.destination) : pino(opts, pino.destination(2));
}
