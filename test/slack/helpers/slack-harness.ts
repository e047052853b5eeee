import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Assistant } from '../../../src/assistant.js';
import { loadConfig } from '../../../src/config.js';
import { createJsonlFeedbackStore } from '../../../src/feedback/feedback-store.js';
import { createRuntime } from '../../../src/runtime.js';
import { createSlackApp, type SlackAppOptions } from '../../../src/slack/app.js';
import { interactionBody, postSigned, slashCommandBody, type SignedResponse } from '../../../src/slack/loopback/sign-request.js';
import { startWebApiStub, type WebApiStub } from '../../../src/slack/loopback/web-api-stub.js';
import { memoryLogger } from '../../helpers/silent-logger.js';

export const SECRET = 'test-signing-secret-0123456789';
export const BOT = { botId: 'BBOT', botUserId: 'UBOT' };

/**
 * A real assistant over the first pages of a real Kent meeting pack (index built in about half a
 * second); `lines: 'all'` keeps the whole pack, with its covert techniques policy (about a second).
 */
export async function buildAssistant(dir: string, options: { lines?: number | 'all' } = {}): Promise<Assistant> {
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  const pack = readFileSync(new URL('../../../corpus/000_1f87ef84fb8f7cad.txt', import.meta.url), 'utf8');
  const lines = options.lines ?? 400;
  writeFileSync(join(corpusDir, 'kent-gac-2023-10-25.txt'), lines === 'all' ? pack : pack.split('\n').slice(0, lines).join('\n'));
  const rt = await createRuntime({ corpusDir, indexDir: join(dir, 'index'), env: { LOG_LEVEL: 'silent' } });
  return rt.assistant();
}

export interface Harness {
  url: string;
  /** The address the app's server listens on. */
  address: string | undefined;
  stub: WebApiStub;
  /** The app's clock, in ms; tests move it. */
  clock: { ms: number };
  logs: () => Array<Record<string, unknown>>;
  feedbackFile: string;
  post(body: string, options?: { timestampSec?: number; headers?: Record<string, string>; secret?: string }): Promise<SignedResponse>;
  command(command: string, text: string, fields?: { userId?: string; channelId?: string; teamId?: string; responseId?: string }): Promise<SignedResponse & { responseId: string }>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number; teamId?: string }): Promise<SignedResponse>;
  action(payload: Record<string, unknown>): Promise<SignedResponse>;
  close(): Promise<void>;
}

let sequence = 0;

/** The real Bolt app on 127.0.0.1:0 with its Web API pointed at a recording stub. */
export async function startHarness(
  dir: string,
  assistant: Assistant,
  options: { env?: Record<string, string>; overrides?: Partial<SlackAppOptions> } = {},
): Promise<Harness> {
  const stub = await startWebApiStub();
  const feedbackFile = join(dir, `feedback-${++sequence}.jsonl`);
  const config = loadConfig(
    { SLACK_BOT_TOKEN: 'xoxb-test-token-123', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: stub.apiUrl, PORT: '0', FEEDBACK_FILE: feedbackFile, ...options.env },
    join(dir, 'no.env'),
  );
  const clock = { ms: Date.now() };
  const { logger, lines } = memoryLogger();
  const slack = createSlackApp({
    config,
    assistant,
    logger,
    feedback: createJsonlFeedbackStore(feedbackFile),
    now: () => new Date(clock.ms),
    botIdentity: BOT,
    host: '127.0.0.1',
    webApiRetry: { retries: 2, minTimeout: 20, maxTimeout: 100, randomize: false },
    ...options.overrides,
  });
  const { port, host: address } = await slack.start();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const post: Harness['post'] = (body, o = {}) =>
    postSigned(url, { signingSecret: o.secret ?? SECRET, body, timestampSec: o.timestampSec ?? Math.floor(clock.ms / 1000), headers: o.headers });
  return {
    url,
    address,
    stub,
    clock,
    logs: lines,
    feedbackFile,
    post,
    async command(command, text, fields = {}) {
      const responseId = fields.responseId ?? `r${++sequence}`;
      const res = await post(slashCommandBody({ command, text, responseUrl: stub.responseUrl(responseId), ...fields }));
      return { ...res, responseId };
    },
    event(event, o = {}) {
      const body = JSON.stringify({
        token: 'unused',
        team_id: o.teamId ?? 'T0TEAM',
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${++sequence}`,
        event_time: Math.floor(clock.ms / 1000),
        event,
      });
      return post(body, { headers: o.retryNum ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {} });
    },
    action: (payload) => post(interactionBody(payload)),
    async close() {
      await slack.stop();
      await stub.close();
    },
  };
}

/** A block_actions payload for a click on `element` of a message posted in `channelId`. */
export function clickPayload(element: Record<string, unknown>, fields: { channelId?: string; userId?: string; responseId: string; stub: WebApiStub; messageText?: string; selected?: string }): Record<string, unknown> {
  const action: Record<string, unknown> = { type: element.type, action_id: element.action_id, block_id: 'b', action_ts: '1' };
  if (element.type === 'button') Object.assign(action, { value: element.value, text: element.text });
  if (element.type === 'static_select') Object.assign(action, { selected_option: { text: { type: 'plain_text', text: 'x' }, value: fields.selected } });
  return {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0OFFICER', username: 'officer', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'unused',
    container: { type: 'message', channel_id: fields.channelId ?? 'C0GENERAL', message_ts: '1700000000.000001', is_ephemeral: false },
    trigger_id: '123.456.abc',
    team: { id: 'T0TEAM', domain: 'council' },
    channel: { id: fields.channelId ?? 'C0GENERAL', name: 'general' },
    message: { type: 'message', ts: '1700000000.000001', text: fields.messageText ?? 'answer text' },
    response_url: fields.stub.responseUrl(fields.responseId),
    actions: [action],
  };
}

/** The elements of the actions block of a rendered message. */
export function actionElements(blocks: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(blocks) ? (blocks as Array<Record<string, unknown>>) : [];
  const actions = list.find((b) => b.type === 'actions');
  return Array.isArray(actions?.elements) ? (actions.elements as Array<Record<string, unknown>>) : [];
}

/** All the mrkdwn/plain text in a list of blocks, joined, for assertions. */
export function blockText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}
