import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_VIEW } from '../../../src/slack/blocks/action-values.js';
import { interactionBody, slashCommandBody } from '../../../src/slack/loopback/sign-request.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { fixedAssistant } from '../fakes/fixed-assistant.js';
import { clickPayload, startHarness, type Harness } from '../helpers/slack-harness.js';

const ANSWER = { kind: 'answer' as const, answer: 'Records are kept for 3 years.', citations: [], retrieved: [], notes: [], timings: { totalMs: 1 } };

describe('signed but malformed requests', () => {
  const dir = tempDir('slack-malformed-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dir, fixedAssistant(ANSWER));
  });
  afterAll(async () => h?.close());

  it('answers a signed JSON body `null` with an error status and a log line, and keeps serving', async () => {
    const res = await h.post('null', { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(h.logs().some((l) => l.msg === 'Rejected a malformed request' || String(l.msg).startsWith('Rejected a malformed request'))).toBe(true);
    expect((await h.command('/ask', 'How long are records kept?')).status).toBe(200);
  });

  it('answers a signed form body `payload=null` with an error status, and keeps serving', async () => {
    const res = await h.post('payload=null');
    expect(res.status).toBe(400);
    expect((await h.command('/ask', 'How long are records kept?')).status).toBe(200);
  });

  it('answers signed bodies that are not objects (a number, a list, bad JSON) with 400', async () => {
    const statuses = [];
    for (const body of ['42', '[]', '{"type":', 'payload=%7B']) statuses.push((await h.post(body, { headers: { 'content-type': body.startsWith('p') ? 'application/x-www-form-urlencoded' : 'application/json' } })).status);
    expect(statuses).toEqual([400, 400, 400, 400]);
  });

  it('acknowledges a feedback view_submission with no state', async () => {
    const payload = { type: 'view_submission', user: { id: 'U0X' }, team: { id: 'T0TEAM' }, view: { id: 'V1', callback_id: FEEDBACK_VIEW, private_metadata: '{}' } };
    const res = await h.post(interactionBody(payload));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
  });

  it('acknowledges a feedback view_submission whose comment is not a string', async () => {
    const meta = JSON.stringify({ a: 'ans1', r: 'down', k: 'answer', q: 'q', c: [], ch: 'C0GENERAL' });
    const view = { id: 'V1', callback_id: FEEDBACK_VIEW, private_metadata: meta, state: { values: { comment: { comment: { type: 'plain_text_input', value: { evil: true } } } } } };
    const res = await h.post(interactionBody({ type: 'view_submission', user: { id: 'U0X' }, team: { id: 'T0TEAM' }, view }));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
  });
});

describe('replayed requests and the listening interface', () => {
  const dir = tempDir('slack-replay-');
  let h: Harness;
  beforeAll(async () => {
    // No host given: the app listens on HOST from the configuration, loopback by default.
    h = await startHarness(dir, fixedAssistant(ANSWER), { overrides: { host: undefined } });
  });
  afterAll(async () => h?.close());

  it('refuses a captured signed slash command replayed inside the five-minute window', async () => {
    const body = slashCommandBody({ command: '/ask', text: 'How long are records kept?', responseUrl: h.stub.responseUrl('replay') });
    expect((await h.post(body)).status).toBe(200);
    h.clock.ms += 60_000;
    const replayed = await h.post(body, { timestampSec: Math.floor((h.clock.ms - 60_000) / 1000) });
    expect(replayed.status).toBe(401);
    expect(h.logs().some((l) => l.msg === 'Rejected a request to /slack/events: replayed signature')).toBe(true);
  });

  it('listens on 127.0.0.1 when HOST is not set', () => {
    expect(new URL(h.url).hostname).toBe('127.0.0.1');
    expect(h.address).toBe('127.0.0.1');
  });
});

describe('a Slack retry after a restart', () => {
  const dir = tempDir('slack-restart-');

  it('is recognised from the seen-events file and not answered again', async () => {
    const file = join(dir, 'data', 'slack-events.jsonl');
    const event = { type: 'app_mention', user: 'U0OFFICER', text: '<@UBOT> How long are records kept?', channel: 'C0GENERAL', ts: '1700000700.000001' };
    const first = await startHarness(dir, fixedAssistant(ANSWER), { overrides: { seenEventsFile: file } });
    await first.event(event, { eventId: 'EvRESTART' });
    await first.stub.waitFor((c) => c.method === 'chat.postMessage');
    await first.close();
    const second = await startHarness(dir, fixedAssistant(ANSWER), { overrides: { seenEventsFile: file } });
    try {
      expect((await second.event(event, { eventId: 'EvRESTART', retryNum: 1 })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(second.stub.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
      expect(second.logs().find((l) => l.msg === 'slack request')).toMatchObject({ outcome: 'duplicate', retryNum: 1 });
    } finally {
      await second.close();
    }
  });
});

describe('oversized feedback', () => {
  const dir = tempDir('slack-feedback-cap-');

  it('caps the fields of a rating and a comment carrying 400 KB, and says so in the line; refuses a forged 400 KB value', async () => {
    const h = await startHarness(dir, fixedAssistant(ANSWER));
    try {
      const huge = 'x'.repeat(400_000);
      const forged = { type: 'button', action_id: 'feedback:up', value: JSON.stringify({ a: 'forged', r: 'up', k: 'answer', q: huge, c: [] }) };
      await h.action(clickPayload(forged, { responseId: 'fb-forged', stub: h.stub }));
      const click = { type: 'button', action_id: 'feedback:up', value: JSON.stringify({ a: 'gone', r: 'up', k: 'answer', q: 'How long?', c: ['pack.txt#0'] }) };
      await h.action(clickPayload(click, { responseId: 'fb-cap', stub: h.stub, messageText: huge }));
      await h.stub.waitFor((c) => c.method === 'fb-cap');
      const meta = JSON.stringify({ a: 'gone', r: 'down', k: 'answer', q: 'q', c: [], ch: 'C0GENERAL' });
      const view = { id: 'V1', callback_id: FEEDBACK_VIEW, private_metadata: meta, state: { values: { comment: { comment: { type: 'plain_text_input', value: huge } } } } };
      expect((await h.post(interactionBody({ type: 'view_submission', user: { id: 'U0X' }, team: { id: 'T0TEAM' }, view }))).status).toBe(200);
      const lines = readFileSync(h.feedbackFile, 'utf8').trim().split('\n');
      expect(lines.map((l) => l.length < 20_000)).toEqual([true, true]);
      const [rating, comment] = lines.map((l) => JSON.parse(l) as { answer: string; comment: string | null });
      expect(rating!.answer).toMatch(/ … \[cut to 6000 characters\]$/);
      expect(comment!.comment).toMatch(/ … \[cut to 2000 characters\]$/);
      expect(h.logs().find((l) => l.msg === 'slack request' && l.outcome === 'invalid_value')).toBeDefined();
    } finally {
      await h.close();
    }
  });
});
