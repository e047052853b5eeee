import type { Assistant } from '../../assistant.js';
import { loadConfig } from '../../config.js';
import { createMemoryFeedbackStore } from '../../feedback/feedback-store.js';
import { createLogger } from '../../logger.js';
import { createSlackApp } from '../app.js';
import { startWebApiStub } from './web-api-stub.js';

/** The real Slack app on loopback (HTTP mode, port 0) with a local Web API stub, for the benches. */
export async function startBenchSlack(assistant: Assistant, signingSecret: string, rateLimit: number) {
  const stub = await startWebApiStub();
  const config = loadConfig(
    { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: stub.apiUrl, PORT: '0', LOG_LEVEL: 'silent' },
    '/nonexistent/.env',
  );
  const slack = createSlackApp({
    config,
    assistant,
    logger: createLogger({ level: 'silent' }),
    feedback: createMemoryFeedbackStore(),
    botIdentity: { botId: 'BBENCH', botUserId: 'UBENCH' },
    host: '127.0.0.1',
    rateLimit: { limit: rateLimit, windowMs: 60_000 },
  });
  const { port } = await slack.start();
  return {
    stub,
    url: `http://127.0.0.1:${port}/slack/events`,
    async stop(): Promise<void> {
      await slack.stop();
      await stub.close();
    },
  };
}
