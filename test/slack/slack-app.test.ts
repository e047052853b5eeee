import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeedback } from '../../src/feedback/feedback-store.js';
import { ACTION, FEEDBACK_VIEW } from '../../src/slack/blocks/action-values.js';
import { PENDING_TEXT } from '../../src/slack/deliver-answer.js';
import { tempDir } from '../helpers/temp-dir.js';
import { spyAssistant } from './fakes/spy-assistant.js';
import { blockKitViolations } from './helpers/block-kit-limits.js';
import { actionElements, buildAssistant, clickPayload, startHarness, type Harness } from './helpers/slack-harness.js';

const QUESTION = 'What was the annual internal audit opinion?';
type Call = Harness['stub']['calls'][number];
const json = (c: Call): string => JSON.stringify(c.body);

describe('Slack app over loopback HTTP, with the real assistant', () => {
  const dir = tempDir('slack-app-');
  let h: Harness;
  let spy: ReturnType<typeof spyAssistant>;

  beforeAll(async () => {
    spy = spyAssistant(await buildAssistant(dir));
    // quickReplyMs 0: every question takes the slow path (placeholder, then the answer).
    h = await startHarness(dir, spy, { overrides: { settings: { quickReplyMs: 0 }, rateLimit: { limit: 100, windowMs: 60_000 } } });
  });
  afterAll(async () => h?.close());

  it('acknowledges /ask at once and delivers the cited answer through response_url', async () => {
    const res = await h.command('/ask', QUESTION);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1_000);
    expect(JSON.parse(res.text)).toEqual({ response_type: 'ephemeral', text: PENDING_TEXT });
    const answer = await h.stub.waitFor((c) => c.kind === 'response' && c.method === res.responseId && c.body.response_type === 'in_channel');
    expect(answer.body.replace_original).toBe(false);
    expect(json(answer)).toContain('Adequate');
    expect(json(answer)).toContain('<@U0OFFICER> asked');
    expect(json(answer)).toMatch(/\*\[1\]\* Kent CC · Governance and Audit Committee · 25 Oct 2023/);
    expect(blockKitViolations('message', answer.body)).toEqual([]);
    // The "Looking…" placeholder only the asker saw is removed once the answer is public.
    await h.stub.waitFor((c) => c.method === res.responseId && c.body.delete_original === true);
  });

  it('answers /ask -private only to the asker, and "Share in channel" makes it public', async () => {
    const res = await h.command('/ask', `-private ${QUESTION}`);
    const answer = await h.stub.waitFor((c) => c.method === res.responseId && c.body.replace_original === true);
    expect(answer.body.response_type).toBe('ephemeral');
    const share = actionElements(answer.body.blocks).find((e) => e.action_id === ACTION.share)!;
    expect(share).toBeDefined();
    const click = await h.action(clickPayload(share, { responseId: 'share-1', stub: h.stub }));
    expect(click.status).toBe(200);
    const shared = await h.stub.waitFor((c) => c.method === 'share-1' && c.body.response_type === 'in_channel');
    expect(json(shared)).toContain('Shared by <@U0OFFICER>');
    expect(json(shared)).toContain('Adequate');
    expect(actionElements(shared.body.blocks).some((e) => e.action_id === ACTION.share)).toBe(false);
    await h.stub.waitFor((c) => c.method === 'share-1' && c.body.delete_original === true);
  });

  it('answers /deadline in the acknowledgement itself, lists rules for help, and explains bad input privately', async () => {
    const res = await h.command('/deadline', 'foi 21/12/2026');
    expect(res.ms).toBeLessThan(1_000);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body.response_type).toBe('in_channel');
    expect(String(body.text)).toContain('Fri 22 Jan 2027');
    expect(blockKitViolations('message', body)).toEqual([]);

    const help = JSON.parse((await h.command('/deadline', 'help')).text) as Record<string, unknown>;
    expect(help.response_type).toBe('ephemeral');
    expect(JSON.stringify(help.blocks)).toContain('`foi`');

    const bad = JSON.parse((await h.command('/deadline', 'bogus 1/1/2026')).text) as Record<string, unknown>;
    expect(bad.response_type).toBe('ephemeral');
    expect(String(bad.text)).toContain('no deadline rule called "bogus"');
    expect(JSON.stringify(bad.blocks)).toContain('/deadline help');
    expect(h.stub.calls.filter((c) => c.kind === 'response' && [res.responseId].includes(c.method))).toEqual([]);
  });

  it('gives /ask and /kpi usage help when they are empty', async () => {
    expect(JSON.parse((await h.command('/ask', '  ')).text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Ask me about the committee papers') });
    expect(JSON.parse((await h.command('/kpi', '')).text)).toMatchObject({ response_type: 'ephemeral' });
  });

  it('answers a mention in its thread with citation context blocks, and reads a follow-up with the thread’s questions', async () => {
    const ts = '1700000100.000100';
    await h.event({ type: 'app_mention', user: 'U0OFFICER', text: `<@UBOT> ${QUESTION}`, channel: 'C0GENERAL', ts, event_ts: ts });
    const placeholder = await h.stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    expect(placeholder.body.text).toBe(PENDING_TEXT);
    const placeholderTs = (placeholder.response as { ts: string }).ts;
    const update = await h.stub.waitFor((c) => c.method === 'chat.update' && c.body.ts === placeholderTs);
    const blocks = update.body.blocks as Array<Record<string, unknown>>;
    expect(blocks.some((b) => b.type === 'context' && JSON.stringify(b).includes('*[1]* Kent CC'))).toBe(true);
    expect(blockKitViolations('message', update.body)).toEqual([]);

    await h.event({ type: 'app_mention', user: 'U0OFFICER', text: '<@UBOT> and who introduced it?', channel: 'C0GENERAL', ts: '1700000100.000200', thread_ts: ts });
    await h.stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts && c !== placeholder);
    expect(spy.asked.at(-1)).toEqual({ question: 'and who introduced it?', history: [QUESTION] });
  });

  it('answers a direct message in a thread and ignores other bots and itself', async () => {
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0OTHERBOT', bot_id: 'B0OTHER', text: 'Beep', ts: '1700000200.000001' });
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0DM', user: 'UBOT', bot_id: 'BBOT', text: 'My own reply', ts: '1700000200.000002' });
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0OFFICER', text: 'Who is the Head of Internal Audit?', ts: '1700000200.000003' });
    await h.stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0DM' && c.body.thread_ts === '1700000200.000003');
    const toDm = h.stub.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0DM');
    expect(toDm.map((c) => c.body.thread_ts)).toEqual(['1700000200.000003']);
    expect(spy.asked.some((a) => a.question === 'Beep' || a.question === 'My own reply')).toBe(false);
  });

  it('opens "Show source" as a modal with the quote highlighted in its passage', async () => {
    const res = await h.command('/ask', QUESTION);
    const answer = await h.stub.waitFor((c) => c.method === res.responseId && c.body.response_type === 'in_channel');
    const button = actionElements(answer.body.blocks).find((e) => String(e.action_id).startsWith(ACTION.sourcePrefix))!;
    await h.action(clickPayload(button, { responseId: 'source-1', stub: h.stub }));
    const opened = await h.stub.waitFor((c) => c.method === 'views.open' && JSON.stringify(c.body.view).includes('Source ['));
    expect(opened.body.trigger_id).toBe('123.456.abc');
    const view = opened.body.view as Record<string, unknown>;
    // The cited sentence (from the minutes of 14 September 2023) is highlighted inside its passage.
    expect(JSON.stringify(view.blocks)).toContain('>*The Head of Internal Audit introduced the report');
    expect(blockKitViolations('modal', view)).toEqual([]);
  });

  it('records 👍 and 👎 (with an optional comment) in the JSON Lines file with question, answer and citations', async () => {
    const res = await h.command('/ask', QUESTION);
    const answer = await h.stub.waitFor((c) => c.method === res.responseId && c.body.response_type === 'in_channel');
    const [up, down] = [`${ACTION.feedbackPrefix}up`, `${ACTION.feedbackPrefix}down`].map((id) => actionElements(answer.body.blocks).find((e) => e.action_id === id)!);
    await h.action(clickPayload(up!, { responseId: 'fb-up', stub: h.stub }));
    await h.stub.waitFor((c) => c.method === 'fb-up' && String(c.body.text).includes('feedback has been recorded'));
    await h.action(clickPayload(down!, { responseId: 'fb-down', stub: h.stub }));
    const modal = await h.stub.waitFor((c) => c.method === 'views.open' && JSON.stringify(c.body.view).includes(FEEDBACK_VIEW));
    const view = modal.body.view as Record<string, unknown>;
    expect(blockKitViolations('modal', view)).toEqual([]);
    const submit = await h.action({
      type: 'view_submission',
      team: { id: 'T0TEAM', domain: 'council' },
      user: { id: 'U0OFFICER', username: 'officer', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'unused',
      trigger_id: '9.9.9',
      view: { id: 'V1', type: 'modal', callback_id: FEEDBACK_VIEW, private_metadata: view.private_metadata, state: { values: { comment: { comment: { type: 'plain_text_input', value: 'It missed the 2021-22 opinion.' } } } }, hash: 'h' },
    });
    expect(submit.status).toBe(200);
    const records = await readFeedback(h.feedbackFile);
    expect(records.map((r) => [r.event, r.rating])).toEqual([['rating', 'up'], ['rating', 'down'], ['comment', 'down']]);
    for (const r of records) {
      expect(r).toMatchObject({ question: QUESTION, answerFrom: 'cache', userId: 'U0OFFICER', teamId: 'T0TEAM', channelId: 'C0GENERAL' });
      expect(r.answer).toContain('Adequate');
      expect(r.citations[0]).toMatchObject({ n: 1, council: 'Kent County Council' });
      expect(r.citations[0]!.chunkId).toMatch(/#\d+$/);
    }
    expect(records[2]!.comment).toBe('It missed the 2021-22 opinion.');
    expect(new Set(records.map((r) => r.answerId)).size).toBe(1);
  });
});
