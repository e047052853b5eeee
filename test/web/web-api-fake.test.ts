import { describe, expect, it } from 'vitest';
import { Conversation, type PageEvent } from '../../src/web/conversation.js';
import { LOCAL_WORKSPACE as w } from '../../src/web/local-workspace.js';
import { ResponseUrls } from '../../src/web/response-urls.js';
import { viewStateValues } from '../../src/web/slack-payloads.js';
import { WebApiFake } from '../../src/web/web-api-fake.js';

const TOKEN = 'xoxb-local-test';
const AUTH = `Bearer ${TOKEN}`;

function setUp() {
  const events: PageEvent[] = [];
  let clock = 1_700_000_000_000;
  const conversation = new Conversation((e) => events.push(e), { now: () => clock, maxMessages: 5 });
  const api = new WebApiFake({ token: TOKEN, workspace: w, conversation, publish: (e) => events.push(e) });
  const urls = new ResponseUrls(conversation, w.botUserId);
  const userMessage = () => conversation.post({ channelId: w.channelId, threadTs: null, userId: w.userId, fromBot: false, text: 'hi', blocks: [], ephemeral: false });
  return { events, conversation, api, urls, userMessage, tick: (ms: number) => (clock += ms) };
}

describe('the local Web API', () => {
  it('answers like Slack: auth, posting in a thread, updating and deleting by ts', () => {
    const { api, conversation, events, userMessage } = setUp();
    expect(api.call('auth.test', {}, undefined).body).toEqual({ ok: false, error: 'not_authed' });
    expect(api.call('auth.test', {}, 'Bearer xoxb-wrong').body).toEqual({ ok: false, error: 'invalid_auth' });
    expect(api.call('auth.test', {}, AUTH).body).toMatchObject({ ok: true, user_id: w.botUserId, bot_id: w.botId });

    const parent = userMessage();
    const posted = api.call('chat.postMessage', { channel: w.channelId, thread_ts: parent.ts, text: 'Looking…' }, AUTH).body;
    expect(posted).toMatchObject({ ok: true, channel: w.channelId, message: { text: 'Looking…', bot_id: w.botId, thread_ts: parent.ts } });
    const ts = String(posted.ts);
    expect(ts > parent.ts).toBe(true);

    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Answer*' } }];
    expect(api.call('chat.update', { channel: w.channelId, ts, text: 'Answer', blocks }, AUTH).body).toMatchObject({ ok: true, ts });
    // Leaving blocks out keeps them, as in Slack.
    api.call('chat.update', { channel: w.channelId, ts, text: 'Answer v2' }, AUTH);
    expect(conversation.get(ts)).toMatchObject({ text: 'Answer v2', blocks, threadTs: parent.ts });
    expect(api.call('chat.update', { channel: w.channelId, ts: parent.ts, text: 'x' }, AUTH).body).toEqual({ ok: false, error: 'cant_update_message' });
    expect(api.call('chat.update', { channel: w.channelId, ts: '1.000001', text: 'x' }, AUTH).body).toEqual({ ok: false, error: 'message_not_found' });
    expect(api.call('chat.delete', { channel: w.channelId, ts }, AUTH).body).toMatchObject({ ok: true });
    expect(events.map((e) => e.type)).toEqual(['message', 'message', 'update', 'update', 'delete']);

    expect(api.call('chat.postMessage', { channel: 'C0ELSEWHERE', text: 'x' }, AUTH).body).toEqual({ ok: false, error: 'channel_not_found' });
    expect(api.call('chat.postMessage', { channel: w.channelId }, AUTH).body).toEqual({ ok: false, error: 'no_text' });
    expect(api.call('chat.postEphemeral', { channel: w.channelId, user: w.userId, text: 'Only you' }, AUTH).body).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(conversation.list().at(-1)).toMatchObject({ ephemeral: true, text: 'Only you' });
    expect(api.call('files.upload', {}, AUTH)).toEqual({ status: 404, body: { ok: false, error: 'unknown_method' } });
  });

  it('opens a modal only with a trigger id it issued, once, and updates it by id or hash', () => {
    const { api, events } = setUp();
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Source [1]' }, blocks: [] };
    expect(api.call('views.open', { trigger_id: 'made.up', view }, AUTH).body).toEqual({ ok: false, error: 'invalid_trigger_id' });
    const trigger = api.issueTrigger();
    const opened = api.call('views.open', { trigger_id: trigger, view }, AUTH).body as { ok: boolean; view: { id: string; hash: string } };
    expect(opened.ok).toBe(true);
    expect(api.call('views.open', { trigger_id: trigger, view }, AUTH).body).toEqual({ ok: false, error: 'invalid_trigger_id' });
    expect(api.call('views.update', { view_id: opened.view.id, hash: 'stale', view }, AUTH).body).toEqual({ ok: false, error: 'hash_conflict' });
    expect(api.call('views.update', { view_id: opened.view.id, hash: opened.view.hash, view: { ...view, blocks: [{ type: 'divider' }] } }, AUTH).body).toMatchObject({ ok: true, view: { id: opened.view.id } });
    expect(api.view(opened.view.id)?.blocks).toEqual([{ type: 'divider' }]);
    expect(events.map((e) => e.type)).toEqual(['view_open', 'view_update']);
  });

  it('drops the oldest messages beyond its limit', () => {
    const { conversation, userMessage } = setUp();
    const first = userMessage();
    for (let i = 0; i < 5; i++) userMessage();
    expect(conversation.list()).toHaveLength(5);
    expect(conversation.get(first.ts)).toBeUndefined();
  });
});

describe('response_urls', () => {
  it('replace, add beside, and delete the original as Slack does, after the acknowledgement is shown', async () => {
    const { conversation, urls, userMessage } = setUp();
    let settle = (): void => undefined;
    const id = urls.create({ channelId: w.channelId, threadTs: null, originalTs: null, ready: new Promise<void>((r) => (settle = r)) });
    const early = urls.post(id, { response_type: 'ephemeral', replace_original: true, text: 'The answer' });
    const ack = conversation.post({ channelId: w.channelId, threadTs: null, userId: w.botUserId, fromBot: true, text: 'Looking…', blocks: [], ephemeral: true });
    urls.setOriginal(id, ack.ts);
    settle();
    expect((await early).status).toBe(200);
    expect(conversation.get(ack.ts)).toMatchObject({ text: 'The answer', ephemeral: true });

    await urls.post(id, { response_type: 'in_channel', replace_original: false, text: 'Public answer' });
    expect(conversation.list().at(-1)).toMatchObject({ text: 'Public answer', ephemeral: false, fromBot: true });
    await urls.post(id, { delete_original: true });
    expect(conversation.get(ack.ts)).toBeUndefined();

    const parent = userMessage();
    const reply = conversation.post({ channelId: w.channelId, threadTs: parent.ts, userId: w.botUserId, fromBot: true, text: 'Answer', blocks: [], ephemeral: false });
    const clickUrl = urls.create({ channelId: w.channelId, threadTs: reply.threadTs, originalTs: reply.ts });
    await urls.post(clickUrl, { response_type: 'ephemeral', replace_original: false, text: 'Thanks' });
    expect(conversation.list().at(-1)).toMatchObject({ text: 'Thanks', ephemeral: true, threadTs: parent.ts });
    expect((await urls.post('nope', { text: 'x' })).status).toBe(404);
  });
});

describe('view_submission values', () => {
  it('are keyed by block and action id, typed by the input element, null when empty', () => {
    const view = {
      id: 'V1',
      hash: 'h',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'x' } },
        { type: 'input', block_id: 'comment', element: { type: 'plain_text_input', action_id: 'comment' } },
        { type: 'input', block_id: 'other', element: { type: 'plain_text_input', action_id: 'text' } },
      ],
    };
    expect(viewStateValues(view, { comment: { comment: 'Missed a year.' } })).toEqual({
      comment: { comment: { type: 'plain_text_input', value: 'Missed a year.' } },
      other: { text: { type: 'plain_text_input', value: null } },
    });
  });
});
