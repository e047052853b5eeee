import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { Assistant } from '../assistant.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { createJsonlFeedbackStore, type FeedbackStore } from '../feedback/feedback-store.js';
import type { Logger } from '../logger.js';
import type { Answer } from '../types.js';
import { toBoltLogger } from './bolt-logger.js';
import { ClockedHttpReceiver } from './clocked-http-receiver.js';
import type { SlackDeps, SlackSettings } from './deps.js';
import { handleError } from './handle-error.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerViews } from './listeners/views/index.js';
import { allowList } from './middleware/allow-list.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { ignoreBots } from './middleware/ignore-bots.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { LruMap } from './state/lru-map.js';
import { RateLimiter } from './state/rate-limiter.js';
import { DurableRecentKeys } from './state/durable-recent-keys.js';
import { RecentKeys, type KeyMemory } from './state/recent-keys.js';
import { ThreadMemory } from './state/thread-memory.js';

export { renderAnswerBlocks, renderAnswerMessage, type AnswerRenderOptions } from './blocks/render-answer-blocks.js';
export type { FeedbackStore } from '../feedback/feedback-store.js';

export const DEFAULT_SETTINGS: SlackSettings = {
  commands: { ask: '/ask', kpi: '/kpi', deadline: '/deadline', audit: '/audit', ripa: '/ripa' },
  slashVisibility: 'in_channel',
  quickReplyMs: 1_500,
};

/** How the WebClient retries: a 429 waits for its Retry-After, then counts as one retry. */
export interface WebApiRetry {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

export interface SlackAppOptions {
  config: Config;
  assistant: Assistant;
  logger: Logger;
  feedback: FeedbackStore;
  /** The clock for request timestamps, rate limits, de-duplication and feedback times. */
  now?: () => Date;
  /** The bot's ids; when given, Bolt never calls auth.test (tests, benchmarks). */
  botIdentity?: { botId: string; botUserId: string };
  /** Interface the HTTP server listens on; HOST from the configuration by default (127.0.0.1 unless set). */
  host?: string;
  settings?: Partial<SlackSettings>;
  /** Questions per user per window; default 10 a minute. */
  rateLimit?: { limit: number; windowMs: number };
  webApiRetry?: WebApiRetry;
  /** Largest accepted difference between a request's timestamp and now, either way; default 300 s. */
  maxClockSkewSec?: number;
  /** A file that keeps recent event ids across restarts (startSlack passes SLACK_EVENTS_FILE); in memory only when absent. */
  seenEventsFile?: string;
  /** Recent event ids kept elsewhere (STORE=postgres: the database every replica shares); wins over seenEventsFile. */
  seenEvents?: KeyMemory;
}

export interface SlackApp {
  app: App;
  mode: 'socket' | 'http';
  /** Connects (Socket Mode) or listens on HOST:PORT (HTTP); resolves with the address in HTTP mode. */
  start(): Promise<{ port: number | null; host?: string }>;
  stop(): Promise<void>;
}

/** The Web API base URL with the trailing slash the WebClient needs (GovSlack has its own domain). */
export function slackApiUrl(configured: string | undefined): string {
  const url = configured ?? 'https://slack.com/api/';
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Builds the Bolt app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT at /slack/events
 * verified with SLACK_SIGNING_SECRET and the injected clock. Registers the middleware (request log,
 * de-duplication, bot filter, allow-lists, rate limit), the listeners and the global error handler.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger } = options;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new AppError('SLACK_CONFIG', 'SLACK_BOT_TOKEN is not set, so the Slack app cannot start.');
  const socket = Boolean(config.SLACK_APP_TOKEN);
  if (!socket && !config.SLACK_SIGNING_SECRET) {
    throw new AppError('SLACK_CONFIG', 'Set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode.');
  }
  const now = options.now ?? (() => new Date());
  const boltLogger = toBoltLogger(logger);
  const receiver = socket
    ? undefined
    : new ClockedHttpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, logger: boltLogger, now, maxSkewSec: options.maxClockSkewSec });
  const app = new App({
    token,
    ...(socket ? { socketMode: true, appToken: config.SLACK_APP_TOKEN } : { receiver }),
    ...(options.botIdentity ? { botId: options.botIdentity.botId, botUserId: options.botIdentity.botUserId } : { deferInitialization: true }),
    logger: boltLogger,
    clientOptions: {
      slackApiUrl: slackApiUrl(config.SLACK_API_URL),
      retryConfig: options.webApiRetry ?? { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000, randomize: true },
      timeout: 15_000,
    },
    ignoreSelf: true,
    convoStore: false,
    extendedErrorHandler: true,
  });
  const deps: SlackDeps = {
    assistant: options.assistant,
    feedback: options.feedback,
    logger,
    now,
    newId: randomUUID,
    answers: new LruMap<string, Answer>(500),
    threads: new ThreadMemory({ maxThreads: 2_000, maxQuestions: 6 }),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
  const limits = options.rateLimit ?? { limit: 10, windowMs: 60_000 };
  app.use(requestLog(logger));
  const seen = { max: 10_000, ttlMs: 60 * 60_000, now };
  app.use(dedupeEvents(options.seenEvents ?? (options.seenEventsFile ? new DurableRecentKeys({ ...seen, file: options.seenEventsFile, logger }) : new RecentKeys(seen)), logger));
  app.use(ignoreBots(logger));
  app.use(allowList({ teamIds: config.SLACK_ALLOWED_TEAM_IDS, channelIds: config.SLACK_ALLOWED_CHANNEL_IDS }, logger));
  app.use(rateLimit(new RateLimiter({ ...limits, now }), logger));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  app.error(handleError(logger, app.client));

  return {
    app,
    mode: socket ? 'socket' : 'http',
    async start() {
      // Without known bot ids, init() calls auth.test now, so a bad token fails at start-up.
      if (!options.botIdentity) await app.init();
      if (socket) {
        await app.start();
        return { port: null };
      }
      const server = await receiver!.start(config.PORT, options.host ?? config.HOST);
      const address = server.address() as AddressInfo;
      return { port: address.port, host: address.address };
    },
    stop: async () => {
      await app.stop();
    },
  };
}

/**
 * Starts the Slack app for main.ts (called when SLACK_BOT_TOKEN is set): feedback goes to
 * FEEDBACK_FILE as JSON Lines. Resolves once connected or listening.
 */
/** `shared`: feedback and seen event ids kept in the database every replica shares (STORE=postgres), else files under data/. */
export async function startSlack(
  config: Config,
  assistant: Assistant,
  logger: Logger,
  shared?: { feedback: FeedbackStore; seenEvents: KeyMemory },
): Promise<{ stop(): Promise<void> }> {
  const slack = createSlackApp({
    config,
    assistant,
    logger,
    feedback: shared?.feedback ?? createJsonlFeedbackStore(config.FEEDBACK_FILE),
    seenEventsFile: config.SLACK_EVENTS_FILE,
    seenEvents: shared?.seenEvents,
    settings: { slashVisibility: config.SLACK_SLASH_REPLIES === 'private' ? 'ephemeral' : 'in_channel' },
  });
  const { port } = await slack.start();
  logger.info({ mode: slack.mode, port }, 'slack app started');
  return { stop: () => slack.stop() };
}
