import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant.js';
import { loadConfig } from '../../src/config.js';
import { createMemoryFeedbackStore } from '../../src/feedback/feedback-store.js';
import { benchSlashAck } from '../../src/slack/bench-ack.js';
import { createSlackApp, startSlack } from '../../src/slack/app.js';
import { startWebApiStub, type WebApiStub } from '../../src/slack/loopback/web-api-stub.js';
import { postSigned } from '../../src/slack/loopback/sign-request.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { buildAssistant, SECRET } from './helpers/slack-harness.js';

describe('starting the Slack app', () => {
  const dir = tempDir('slack-start-');
  let assistant: Assistant;
  let stub: WebApiStub;
  const config = (env: Record<string, string>) => loadConfig({ PORT: '0', FEEDBACK_FILE: join(dir, 'feedback.jsonl'), SLACK_EVENTS_FILE: join(dir, 'events.jsonl'), ...env }, join(dir, 'no.env'));

  beforeAll(async () => {
    assistant = await buildAssistant(dir);
    stub = await startWebApiStub();
  });
  afterAll(async () => stub?.close());

  it('learns its bot ids with auth.test at start-up, at a Web API URL given without the trailing slash', async () => {
    const { logger } = memoryLogger();
    const slack = createSlackApp({
      config: config({ SLACK_BOT_TOKEN: 'xoxb-start', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: stub.apiUrl.replace(/\/$/, '') }),
      assistant,
      logger,
      feedback: createMemoryFeedbackStore(),
      host: '127.0.0.1',
    });
    expect(slack.mode).toBe('http');
    const { port } = await slack.start();
    try {
      await stub.waitFor((c) => c.method === 'auth.test');
      const body = JSON.stringify({ type: 'event_callback', team_id: 'T0TEAM', event_id: 'EvSTART', event: { type: 'app_mention', user: 'U1', text: '<@UBOT> Who is the Head of Internal Audit?', channel: 'C1', ts: '1.000001' } });
      const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, { signingSecret: SECRET, body, timestampSec: Math.floor(Date.now() / 1000) });
      expect(res.status).toBe(200);
      const reply = await stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === '1.000001');
      expect(String(reply.body.text)).not.toContain('UBOT');
    } finally {
      await slack.stop();
    }
  });

  it('startSlack serves in HTTP mode and stops cleanly', async () => {
    const { logger, lines } = memoryLogger();
    const running = await startSlack(config({ SLACK_BOT_TOKEN: 'xoxb-main', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: stub.apiUrl }), assistant, logger);
    await running.stop();
    expect(lines().find((l) => l.msg === 'slack app started')).toMatchObject({ mode: 'http', port: expect.any(Number) });
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set, and explains missing settings', () => {
    const { logger } = memoryLogger();
    const feedback = createMemoryFeedbackStore();
    expect(createSlackApp({ config: config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }), assistant, logger, feedback }).mode).toBe('socket');
    expect(() => createSlackApp({ config: config({}), assistant, logger, feedback })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => createSlackApp({ config: config({ SLACK_BOT_TOKEN: 'xoxb-1' }), assistant, logger, feedback })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('benchSlashAck measures /deadline and /ask acknowledgements well inside 3 seconds', async () => {
    const result = await benchSlashAck(assistant, 10);
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p99Ms).toBeLessThan(3_000);
    expect(result.deadline.p99Ms).toBeLessThan(1_000);
    expect(result.ask.p50Ms).toBeGreaterThan(0);
  });
});
