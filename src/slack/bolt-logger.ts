import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

/** Slack tokens that may appear inside Bolt's message strings, which pino's path-based redaction cannot reach. */
const TOKEN = /\bx(?:ox[abposer]|app)-[A-Za-z0-9-]+/g;
/** Bolt and the WebClient log request and response bodies at debug level: answers, passages and tokens. Never keep them. */
const DROPPED = /^(http request (body|headers|result)|Error details|\{)/;

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/**
 * Bolt's Logger interface over the app's pino logger: Bolt's messages become pino lines (with tokens
 * scrubbed and request-body dumps dropped), errors keep their stack under `err`. The level is pino's;
 * Bolt's `setLevel` is recorded but does not lower it.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ mod: 'bolt' });
  let level: LogLevel = PINO_TO_BOLT[logger.level] ?? LogLevel.INFO;
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]): void => {
    const text = parts.map(describe).join(' ').replace(TOKEN, '[Redacted]');
    if (DROPPED.test(text)) return;
    const err = parts.find((p): p is Error => p instanceof Error);
    if (err) log[method]({ err }, text);
    else log[method](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel(next: LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}
