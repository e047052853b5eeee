import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant.js';
import { ACTION } from '../../src/slack/blocks/action-values.js';
import { toBoltLogger } from '../../src/slack/bolt-logger.js';
import { NOT_ALLOWED_CHANNEL, NOT_ALLOWED_TEAM } from '../../src/slack/middleware/allow-list.js';
import { slashCommandBody } from '../../src/slack/loopback/sign-request.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { spyAssistant } from './fakes/spy-assistant.js';
import { PUBLISHED } from './helpers/published-example.js';
import { actionElements, buildAssistant, clickPayload, startHarness, type Harness } from './helpers/slack-harness.js';

const QUESTION = 'What was the annual internal audit opinion?';
const GENERIC_FAILURE = 'Something went wrong on our side; the details have been logged. Please try again.';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('Slack app reliability and safety', () => {
  const dir = tempDir('slack-rel-');
  let assistant: Assistant;
  let h: Harness;

  beforeAll(async () => {
    assistant = spyAssistant(await buildAssistant(dir));
    h = await startHarness(dir, assistant, { overrides: { rateLimit: { limit: 3, windowMs: 60_000 } } });
  });
  afterAll(async () => h?.close());

  it('refuses forged signatures and timestamps more than five minutes away, in either direction', async () => {
    const body = slashCommandBody({ command: '/deadline', text: 'foi 1/2/2027', userId: 'U0SIG', responseUrl: h.stub.responseUrl('sig') });
    const nowSec = Math.floor(h.clock.ms / 1000);
    expect((await h.post(body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await h.post(body, { timestampSec: nowSec - 301 })).status).toBe(401);
    expect((await h.post(body, { timestampSec: nowSec + 301 })).status).toBe(401);
    expect((await h.post(body, { timestampSec: nowSec + 3_600 })).status).toBe(401);
    const unsigned = await fetch(h.url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(401);
    expect((await h.post(body, { timestampSec: nowSec + 60 })).status).toBe(200);
    expect(h.logs().filter((l) => String(l.msg).startsWith('Rejected a request'))).toHaveLength(5);
  });

  it("accepts Slack's published signing example through the real app, with the clock at its time", async () => {
    const published = await startHarness(dir, assistant, { env: { SLACK_SIGNING_SECRET: PUBLISHED.secret } });
    try {
      published.clock.ms = Number(PUBLISHED.timestamp) * 1000;
      const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-signature': PUBLISHED.signature, 'x-slack-request-timestamp': PUBLISHED.timestamp };
      const ok = await fetch(published.url, { method: 'POST', body: PUBLISHED.body, headers });
      expect(ok.status).toBe(200);
      expect(parse(await ok.text())).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('I do not know /webhook-collect') });
      published.clock.ms += 301_000;
      expect((await fetch(published.url, { method: 'POST', body: PUBLISHED.body, headers })).status).toBe(401);
    } finally {
      await published.close();
    }
  });

  it('sends a quick answer as the acknowledgement itself, well inside 3 seconds', async () => {
    const res = await h.command('/ask', QUESTION, { userId: 'U0QUICK' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    const body = parse(res.text);
    expect(body.response_type).toBe('in_channel');
    expect(JSON.stringify(body.blocks)).toContain('Adequate');
  });

  it('answers an event that Slack retries only once', async () => {
    const ts = '1700000300.000001';
    const event = { type: 'app_mention', user: 'U0RETRY', text: `<@UBOT> ${QUESTION}`, channel: 'C0GENERAL', ts };
    await h.event(event, { eventId: 'EvRETRY1' });
    await h.stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    expect((await h.event(event, { eventId: 'EvRETRY1', retryNum: 1 })).status).toBe(200);
    expect((await h.event(event, { eventId: 'EvRETRY1', retryNum: 2 })).status).toBe(200);
    await sleep(300);
    expect(h.stub.calls.filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
    const retried = h.logs().filter((l) => l.msg === 'slack request' && l.outcome === 'duplicate');
    expect(retried.map((l) => l.retryNum)).toEqual([1, 2]);
  });

  it('turns a handler failure into one friendly sentence and a full log entry, and keeps serving', async () => {
    const res = await h.command('/ask', 'BOOM what happened?', { userId: 'U0FAIL' });
    expect(parse(res.text)).toEqual({ response_type: 'ephemeral', text: GENERIC_FAILURE });
    const failure = h.logs().find((l) => l.msg === 'slack handler failed' && JSON.stringify(l.err).includes('index exploded'));
    expect(failure).toMatchObject({ level: 50, userId: 'U0FAIL', command: '/ask', errorCode: 'INTERNAL' });
    expect(h.logs().find((l) => l.msg === 'slack request' && l.requestId === failure!.requestId)).toMatchObject({ outcome: 'failed' });

    const appError = await h.command('/ask', 'APPFAIL now', { userId: 'U0FAIL' });
    expect(parse(appError.text).text).toBe('The search service is not answering; please try again in a minute.');

    const ts = '1700000400.000001';
    await h.event({ type: 'app_mention', user: 'U0FAIL2', text: '<@UBOT> BOOM again', channel: 'C0GENERAL', ts });
    const sentence = await h.stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    expect(sentence.body).toMatchObject({ text: GENERIC_FAILURE });
    await sleep(200);
    expect(h.stub.calls.filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
    expect(h.stub.calls.filter((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U0FAIL2')).toHaveLength(0);

    const after = await h.command('/ask', QUESTION, { userId: 'U0FAIL3' });
    expect(JSON.stringify(parse(after.text).blocks)).toContain('Adequate');
  });

  it('falls back to the global error handler when even the friendly reply fails, and keeps serving', async () => {
    const res = await h.command('/ask', `-private ${QUESTION}`, { userId: 'U0GLOBAL' });
    const share = actionElements(parse(res.text).blocks).find((e) => e.action_id === ACTION.share)!;
    h.stub.failNext('gone', { status: 404, body: {} }, 3);
    expect((await h.action(clickPayload(share, { responseId: 'gone', stub: h.stub, userId: 'U0GLOBAL' }))).status).toBe(200);
    const told = await h.stub.waitFor((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U0GLOBAL');
    expect(told.body).toMatchObject({ channel: 'C0GENERAL', text: GENERIC_FAILURE });
    await sleep(100);
    expect(h.stub.calls.filter((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U0GLOBAL')).toHaveLength(1);
    expect(String(parse((await h.command('/deadline', 'foi 1/2/2027', { userId: 'U0GLOBAL' })).text).text)).toContain('due');
  });

  it('honours a 429 with Retry-After from the Web API, then delivers', async () => {
    h.stub.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const ts = '1700000500.000001';
    await h.event({ type: 'app_mention', user: 'U0RATE429', text: `<@UBOT> ${QUESTION}`, channel: 'C0GENERAL', ts });
    const delivered = await h.stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts && c.status === 200, 8_000);
    const attempts = h.stub.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(delivered.atMs - attempts[0]!.atMs).toBeGreaterThanOrEqual(990);
    expect(JSON.stringify(delivered.body.blocks)).toContain('Adequate');
  });

  it('tells a user outside the allow-lists why, privately, and still answers direct messages', async () => {
    const limited = await startHarness(dir, assistant, { env: { SLACK_ALLOWED_TEAM_IDS: 'T0TEAM', SLACK_ALLOWED_CHANNEL_IDS: 'C0ALLOWED, C0ALSO' } });
    try {
      expect(parse((await limited.command('/deadline', 'foi 1/2/2027', { channelId: 'C0OTHER' })).text)).toEqual({ response_type: 'ephemeral', text: NOT_ALLOWED_CHANNEL });
      expect(parse((await limited.command('/deadline', 'foi 1/2/2027', { teamId: 'T0ELSE' })).text)).toEqual({ response_type: 'ephemeral', text: NOT_ALLOWED_TEAM });
      expect(String(parse((await limited.command('/deadline', 'foi 1/2/2027', { channelId: 'C0ALLOWED' })).text).text)).toContain('due');
      expect(String(parse((await limited.command('/deadline', 'foi 1/2/2027', { channelId: 'D0DM' })).text).text)).toContain('due');
      await limited.event({ type: 'app_mention', user: 'U0OFFICER', text: '<@UBOT> hello', channel: 'C0OTHER', ts: '1700000600.000001' });
      const refusal = await limited.stub.waitFor((c) => c.method === 'chat.postEphemeral');
      expect(refusal.body).toMatchObject({ channel: 'C0OTHER', user: 'U0OFFICER', text: NOT_ALLOWED_CHANNEL, thread_ts: '1700000600.000001' });
      await limited.event({ type: 'app_mention', user: 'U0OFFICER', text: '<@UBOT> hello', channel: 'C0ALLOWED', ts: '1700000600.000002' }, { teamId: 'T0ELSE' });
      await sleep(200);
      expect(limited.stub.calls.filter((c) => c.kind === 'api')).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });

  it('limits each user with a friendly message and lets them in again after the window', async () => {
    for (let i = 0; i < 3; i++) expect(String(parse((await h.command('/deadline', 'foi 1/2/2027', { userId: 'U0BUSY' })).text).text)).toContain('due');
    expect(parse((await h.command('/deadline', 'foi 1/2/2027', { userId: 'U0BUSY' })).text)).toEqual({
      response_type: 'ephemeral',
      text: 'You are asking faster than I can read the papers. Please try again in 60 seconds.',
    });
    expect(String(parse((await h.command('/deadline', 'foi 1/2/2027', { userId: 'U0CALM' })).text).text)).toContain('due');
    h.clock.ms += 61_000;
    expect(String(parse((await h.command('/deadline', 'foi 1/2/2027', { userId: 'U0BUSY' })).text).text)).toContain('due');
  });

  it('logs one line per request with ids, timings and cited chunks, and never tokens or document text', async () => {
    const lines = h.logs();
    const answered = lines.find((l) => l.msg === 'slack request' && l.userId === 'U0QUICK');
    // The annual opinion comes from the internal audit records (kind 'audit').
    expect(answered).toMatchObject({ level: 30, command: '/ask', channelId: 'C0GENERAL', teamId: 'T0TEAM', type: 'command', outcome: 'answered', kind: 'audit' });
    expect(answered!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered!.ackMs).toEqual(expect.any(Number));
    expect(answered!.totalMs).toEqual(expect.any(Number));
    expect(answered!.cited).toEqual(expect.arrayContaining([expect.stringMatching(/^kent-gac-2023-10-25\.txt#\d+$/)]));
    const all = JSON.stringify(lines);
    expect(all).not.toContain('xoxb-test-token-123');
    expect(all).not.toContain('RESOLVED to receive');

    const { logger, lines: boltLines } = memoryLogger();
    toBoltLogger(logger).warn('token xoxb-1234-abcd rejected for', 'xapp-1-A1-2-3');
    expect(boltLines()[0]).toMatchObject({ level: 40, mod: 'bolt', msg: 'token [Redacted] rejected for [Redacted]' });
  });
});
