import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Assistant } from '../assistant.js';
import type { Config } from '../config.js';
import { createJsonlFeedbackStore } from '../feedback/feedback-store.js';
import type { Logger } from '../logger.js';
import { createSlackApp, type SlackApp } from '../slack/app.js';
import { postSigned } from '../slack/loopback/sign-request.js';
import { createBrowserApi } from './browser-api.js';
import { Conversation, type PageEvent } from './conversation.js';
import { LOCAL_WORKSPACE as workspace } from './local-workspace.js';
import { createPageServer } from './page-server.js';
import { ResponseUrls } from './response-urls.js';
import { SseHub } from './sse-hub.js';
import { WebApiFake } from './web-api-fake.js';

export interface LocalPageOptions {
  config: Config;
  assistant: Assistant;
  logger: Logger;
  /** The page's port; `config.PORT` by default, 0 for any free port. */
  port?: number;
  /** The interface the page listens on; 127.0.0.1 by default. */
  host?: string;
}

export interface LocalPage {
  url: string;
  port: number;
  /** Closes the page and the Slack app behind it. */
  stop(): Promise<void>;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);
const bracket = (host: string): string => (host.includes(':') ? `[${host}]` : host);

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * The local chat page for running without Slack. It starts the real Slack app (createSlackApp, HTTP
 * mode) on an internal loopback port with a per-process signing secret and bot token, and points the
 * app's Web API and response_urls at this page's own server. What the officer types or clicks becomes
 * the signed request Slack would send; what the app sends back (acknowledgements, Web API calls,
 * response_url posts, modals) is shown on the page, rendered from the same Block Kit.
 */
export async function startLocalPage(options: LocalPageOptions): Promise<LocalPage> {
  const { config, assistant } = options;
  const logger = options.logger.child({ component: 'local-page' });
  const host = options.host ?? config.HOST;
  const signingSecret = randomBytes(32).toString('hex');
  const token = `xoxb-local-${randomBytes(16).toString('hex')}`;

  const hub = new SseHub();
  const publish = (event: PageEvent): void => hub.publish(event);
  const conversation = new Conversation(publish);
  const webApi = new WebApiFake({ token, workspace, conversation, publish });
  const responseUrls = new ResponseUrls(conversation, workspace.botUserId);
  const users = { [workspace.userId]: workspace.userName, [workspace.botUserId]: workspace.botName };
  let appUrl = '';
  let pageBase = '';

  const server = createPageServer({
    hub,
    snapshot: () => ({ type: 'reset', messages: conversation.list(), users }),
    webApi,
    responseUrls,
    browserApi: createBrowserApi({
      workspace,
      conversation,
      responseUrls,
      webApi,
      logger,
      sendToApp: (body) => postSigned(appUrl, { signingSecret, body, timestampSec: Math.floor(Date.now() / 1000) }),
      responseUrl: (id) => `${pageBase}/response/${id}`,
    }),
    hostNames: WILDCARD.has(host) ? null : new Set(['localhost', '127.0.0.1', '[::1]', bracket(host).toLowerCase()]),
    logger,
  });
  const port = await listen(server, options.port ?? config.PORT, host);
  pageBase = `http://${WILDCARD.has(host) ? '127.0.0.1' : bracket(host)}:${port}`;

  let slack: SlackApp;
  try {
    slack = createSlackApp({
      config: {
        ...config,
        SLACK_BOT_TOKEN: token,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: `${pageBase}/api/`,
        SLACK_ALLOWED_TEAM_IDS: [],
        SLACK_ALLOWED_CHANNEL_IDS: [],
        PORT: 0,
      },
      assistant,
      logger: options.logger,
      feedback: createJsonlFeedbackStore(config.FEEDBACK_FILE),
      botIdentity: { botId: workspace.botId, botUserId: workspace.botUserId },
      host: '127.0.0.1',
    });
    const started = await slack.start();
    appUrl = `http://127.0.0.1:${started.port}/slack/events`;
  } catch (error) {
    hub.close();
    await close(server);
    throw error;
  }

  const url = `http://${WILDCARD.has(host) ? 'localhost' : bracket(host)}:${port}/`;
  logger.info({ url, feedbackFile: config.FEEDBACK_FILE }, 'local chat page ready');
  return {
    url,
    port,
    async stop() {
      hub.close();
      await slack.stop();
      await close(server);
    },
  };
}
