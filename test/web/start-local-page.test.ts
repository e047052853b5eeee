import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeedback } from '../../src/feedback/feedback-store.js';
import { createRuntime } from '../../src/runtime.js';
import type { LocalMessage, LocalView, PageEvent } from '../../src/web/conversation.js';
import { startLocalPage, type LocalPage } from '../../src/web/start-local-page.js';
import { tempDir } from '../helpers/temp-dir.js';
import { connectSse, type SseClient } from './helpers/sse-client.js';

const QUESTION = 'What was the annual internal audit opinion?';
type MessageEvent = Extract<PageEvent, { type: 'message' | 'update' }>;
type ViewEvent = Extract<PageEvent, { view: unknown }>;

const isMessage = (e: PageEvent): e is MessageEvent => e.type === 'message' || e.type === 'update';
const fromBot = (test: (m: LocalMessage) => boolean) => (e: PageEvent) => isMessage(e) && e.message.fromBot && test(e.message);
const json = (value: unknown): string => JSON.stringify(value);

/** The elements of a message's actions block, with the block's index (what the page sends back). */
function controls(m: LocalMessage): Array<{ blockIndex: number; element: Record<string, unknown> }> {
  const blocks = m.blocks as Array<Record<string, unknown>>;
  const blockIndex = blocks.findIndex((b) => b.type === 'actions');
  const elements = (blocks[blockIndex]?.elements ?? []) as Array<Record<string, unknown>>;
  return elements.map((element) => ({ blockIndex, element }));
}

describe('the local chat page, through the real Slack app, with a real assistant', () => {
  const dir = tempDir('local-page-');
  const feedbackFile = join(dir, 'feedback.jsonl');
  let page: LocalPage;
  let sse: SseClient;

  const ui = async (route: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${page.url}ui/${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const click = (m: LocalMessage, actionId: (id: string) => boolean) => {
    const control = controls(m).find((c) => actionId(String(c.element.action_id)));
    if (!control) throw new Error(`no control in ${json(m.blocks)}`);
    return ui('action', { ts: m.ts, blockIndex: control.blockIndex, actionId: control.element.action_id });
  };

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    const pack = readFileSync(new URL('../../corpus/000_1f87ef84fb8f7cad.txt', import.meta.url), 'utf8');
    writeFileSync(join(corpusDir, 'kent-gac-2023-10-25.txt'), pack.split('\n').slice(0, 400).join('\n'));
    const rt = await createRuntime({ corpusDir, indexDir: join(dir, 'index'), env: { LOG_LEVEL: 'silent', FEEDBACK_FILE: feedbackFile } });
    page = await startLocalPage({ config: rt.config, assistant: await rt.assistant(), logger: rt.logger, port: 0 });
    sse = await connectSse(`${page.url}events`);
  });
  afterAll(async () => {
    sse?.close();
    await page?.stop();
  });

  it('serves the page on 127.0.0.1 with its own files only', async () => {
    expect(page.url).toBe(`http://127.0.0.1:${page.port}/`);
    const res = await fetch(page.url);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('aria-live="polite"');
    for (const asset of ['/styles.css', '/app.js', '/block-kit.js', '/mrkdwn.js', '/modal.js', '/post-json.js', '/favicon.svg']) {
      const file = await fetch(new URL(asset, page.url));
      expect(file.status, asset).toBe(200);
      // No CDN, no web font, no third-party script: nothing the page loads names another host.
      expect(await file.text(), asset).not.toMatch(/(src|href)=["']https?:|url\(\s*["']?https?:|@import|fetch\(\s*["']https?:/i);
    }
    expect((await fetch(new URL('/%2e%2e/package.json', page.url))).status).toBe(404);
    expect((await fetch(new URL('/nope.js', page.url))).status).toBe(404);
    expect(sse.events[0]).toMatchObject({ type: 'reset', messages: [], users: { U0LOCAL: 'you' } });
  });

  it('sends a typed question as a direct-message event and shows the cited answer in its thread', async () => {
    const sent = await ui('send', { text: QUESTION });
    expect(sent.status).toBe(200);
    const ts = String(sent.body.ts);
    const asked = await sse.waitFor<MessageEvent>((e) => isMessage(e) && e.message.ts === ts);
    expect(asked.message).toMatchObject({ fromBot: false, userId: 'U0LOCAL', text: QUESTION, threadTs: null });
    const answer = await sse.waitFor<MessageEvent>(fromBot((m) => m.threadTs === ts && m.text.includes('Adequate')));
    expect(answer.message.ephemeral).toBe(false);
    const blocks = answer.message.blocks as Array<Record<string, unknown>>;
    expect(blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(blocks.some((b) => b.type === 'context' && json(b).includes('*[1]* Kent CC · Governance and Audit Committee · 25 Oct 2023'))).toBe(true);
    expect(controls(answer.message).map((c) => c.element.action_id)).toEqual(expect.arrayContaining(['feedback:up', 'feedback:down']));
  });

  it('answers a follow-up typed in the thread in the same thread', async () => {
    const first = await sse.waitFor<MessageEvent>((e) => isMessage(e) && !e.message.fromBot && e.message.text === QUESTION);
    const sent = await ui('send', { text: 'Who gave that opinion?', threadTs: first.message.ts });
    const followUp = await sse.waitFor<MessageEvent>((e) => isMessage(e) && e.message.ts === sent.body.ts);
    expect(followUp.message.threadTs).toBe(first.message.ts);
    const reply = await sse.waitFor<MessageEvent>(fromBot((m) => m.threadTs === first.message.ts && m.ts > followUp.message.ts));
    expect(reply.message.ephemeral).toBe(false);
  });

  it('runs /deadline through the slash command handler and shows its acknowledgement', async () => {
    await ui('send', { text: '/deadline foi 21/12/2026' });
    const reply = await sse.waitFor<MessageEvent>(fromBot((m) => m.text.includes('22 Jan 2027')));
    expect(reply.message).toMatchObject({ ephemeral: false, threadTs: null });
    expect(reply.message.text).toContain('Fri 22 Jan 2027');
    await ui('send', { text: '/deadline help' });
    const help = await sse.waitFor<MessageEvent>(fromBot((m) => json(m.blocks).includes('Deadline rules')));
    expect(help.message.ephemeral).toBe(true);
    await ui('send', { text: '/minutes last week' });
    const unknown = await sse.waitFor<MessageEvent>(fromBot((m) => m.text.startsWith('I do not know /minutes')));
    expect(unknown.message.ephemeral).toBe(true);
  });

  it('opens "Show source" as a modal and records 👍, 👎 and a comment in the feedback file', async () => {
    await ui('send', { text: `/ask ${QUESTION}` });
    const answer = (await sse.waitFor<MessageEvent>(fromBot((m) => !m.ephemeral && json(m.blocks).includes(`<@U0LOCAL> asked: _${QUESTION}_`)))).message;

    expect((await click(answer, (id) => id.startsWith('source:'))).status).toBe(200);
    const source = (await sse.waitFor<ViewEvent>((e) => e.type === 'view_open' && json(e.view.title).includes('Source ['))).view;
    expect(json(source.blocks)).toContain('Adequate');
    expect((await ui('view-closed', { viewId: source.id })).body.ok).toBe(true);

    await click(answer, (id) => id === 'feedback:up');
    const thanks = await sse.waitFor<MessageEvent>(fromBot((m) => m.text.includes('feedback has been recorded')));
    expect(thanks.message.ephemeral).toBe(true);

    await click(answer, (id) => id === 'feedback:down');
    const modal: LocalView = (await sse.waitFor<ViewEvent>((e) => e.type === 'view_open' && e.view.callback_id === 'feedback_comment')).view;
    const submitted = await ui('view-submit', { viewId: modal.id, values: { comment: { comment: 'It should give the 2022-23 opinion.' } } });
    expect(submitted.body).toMatchObject({ ok: true, result: 'close' });

    const records = await readFeedback(feedbackFile);
    expect(records.map((r) => [r.event, r.rating])).toEqual([['rating', 'up'], ['rating', 'down'], ['comment', 'down']]);
    expect(records[0]).toMatchObject({ question: QUESTION, userId: 'U0LOCAL', teamId: 'T0LOCAL', channelId: 'D0LOCAL', answerFrom: 'cache' });
    expect(records[2]!.comment).toBe('It should give the 2022-23 opinion.');
  });

  it('shows a private answer only to the asker, and "Share in channel" replaces it with a public one', async () => {
    await ui('send', { text: `/ask -private ${QUESTION}` });
    const mine = (await sse.waitFor<MessageEvent>(fromBot((m) => m.ephemeral && json(m.blocks).includes('share:in_channel')))).message;
    await click(mine, (id) => id === 'share:in_channel');
    await sse.waitFor<MessageEvent>(fromBot((m) => !m.ephemeral && json(m.blocks).includes('Shared by <@U0LOCAL>')));
    await sse.waitFor((e) => e.type === 'delete' && e.ts === mine.ts);
  });

  it('refuses requests that do not come from the page or the app', async () => {
    const api = await fetch(`${page.url}api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json({ channel: 'D0LOCAL', text: 'hi' }) });
    expect(await api.json()).toEqual({ ok: false, error: 'not_authed' });
    const form = await fetch(`${page.url}ui/send`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: json({ text: 'hi' }) });
    expect(form.status).toBe(403);
    expect((await ui('send', { text: 'hi' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await ui('send', { text: 'hi' }, { origin: 'null' })).status).toBe(403);
    // A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) is refused.
    const rebound = await new Promise<number>((resolve, reject) => {
      get(page.url, { headers: { host: `rebound.example:${page.port}` } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject);
    });
    expect(rebound).toBe(421);
    expect((await ui('send', { text: '   ' })).status).toBe(400);
    expect((await ui('action', { ts: '1.2', blockIndex: 0, actionId: 'feedback:up' })).status).toBe(404);
    expect((await fetch(`${page.url}response/unknown`, { method: 'POST', body: '{"text":"x"}' })).status).toBe(404);
  });

  it('stops both servers', async () => {
    const rt = await createRuntime({ corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index'), env: { LOG_LEVEL: 'silent', FEEDBACK_FILE: feedbackFile } });
    const other = await startLocalPage({ config: rt.config, assistant: await rt.assistant(), logger: rt.logger, port: 0 });
    expect((await fetch(other.url)).status).toBe(200);
    await other.stop();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
