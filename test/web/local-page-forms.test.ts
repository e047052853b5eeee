import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RIPA_FORM_FIELDS } from '../../src/ripa/ripa-form.js';
import { createRuntime } from '../../src/runtime.js';
import { renderRipaModal } from '../../src/slack/blocks/render-ripa-modal.js';
import type { LocalMessage, LocalView, PageEvent } from '../../src/web/conversation.js';
import { viewStateValues } from '../../src/web/slack-payloads.js';
import { startLocalPage, type LocalPage } from '../../src/web/start-local-page.js';
import { tempDir } from '../helpers/temp-dir.js';
import { connectSse, type SseClient } from './helpers/sse-client.js';

type MessageEvent = Extract<PageEvent, { type: 'message' | 'update' }>;
type ViewEvent = Extract<PageEvent, { view: unknown }>;
const isMessage = (e: PageEvent): e is MessageEvent => e.type === 'message' || e.type === 'update';
const fromBot = (test: (m: LocalMessage) => boolean) => (e: PageEvent) => isMessage(e) && e.message.fromBot && test(e.message);
const json = (value: unknown): string => JSON.stringify(value);

/** The form's answers as the page's modal sends them: a chosen value, ticked values, a date. */
const answers = (v: { technique?: string | null; source?: string; confidential?: string[]; premises?: string[]; approvalDate?: string | null }) => ({
  technique: { technique: v.technique ?? null },
  source: { source: v.source ?? 'no' },
  confidential: { confidential: v.confidential ?? [] },
  premises: { premises: v.premises ?? [] },
  approvalDate: { approvalDate: v.approvalDate ?? null },
});

describe('the local page turns form answers into Slack’s view.state.values', () => {
  it('gives menus and radio buttons selected_option, tick boxes selected_options and dates selected_date', () => {
    const view: LocalView = { id: 'V1', hash: 'h', ...renderRipaModal({ fields: RIPA_FORM_FIELDS, meta: { ch: 'D0LOCAL' } }) };
    const state = viewStateValues(view, answers({ technique: 'chis', source: 'juvenile', confidential: ['yes'], approvalDate: '2026-06-01' }));
    expect(state.technique!.technique).toEqual({ type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Covert human intelligence source (CHIS)', emoji: true }, value: 'chis' } });
    expect(state.source!.source).toMatchObject({ type: 'radio_buttons', selected_option: { value: 'juvenile' } });
    expect(state.confidential!.confidential).toEqual({ type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Yes', emoji: true }, value: 'yes' }] });
    expect(state.premises!.premises).toEqual({ type: 'checkboxes', selected_options: [] });
    expect(state.approvalDate!.approvalDate).toEqual({ type: 'datepicker', selected_date: '2026-06-01' });
    // A value the view does not offer, or a date that is not one, is no answer at all.
    const odd = viewStateValues(view, answers({ technique: 'bugging', approvalDate: 'next week' }));
    expect(odd.technique!.technique).toEqual({ type: 'static_select', selected_option: null });
    expect(odd.approvalDate!.approvalDate).toEqual({ type: 'datepicker', selected_date: null });
  });
});

describe('/audit and /ripa on the local page, through the real Slack app', () => {
  const dir = tempDir('local-page-forms-');
  let page: LocalPage;
  let sse: SseClient;

  const ui = async (route: string, body: unknown) => {
    const res = await fetch(`${page.url}ui/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  let opened = 0;
  /** Types `/ripa` and returns the form the app opened. */
  async function openForm(): Promise<LocalView> {
    const before = ++opened;
    expect((await ui('send', { text: '/ripa' })).status).toBe(200);
    const forms = () => sse.events.filter((e): e is ViewEvent => e.type === 'view_open' && e.view.callback_id === 'ripa_form');
    await sse.waitFor(() => forms().length >= before);
    return forms()[before - 1]!.view;
  }

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(join(corpusDir, 'kent-gac-2023-10-25.txt'), readFileSync(new URL('../../corpus/000_1f87ef84fb8f7cad.txt', import.meta.url), 'utf8'));
    const rt = await createRuntime({ corpusDir, indexDir: join(dir, 'index'), env: { LOG_LEVEL: 'silent', FEEDBACK_FILE: join(dir, 'feedback.jsonl') } });
    page = await startLocalPage({ config: rt.config, assistant: await rt.assistant(), logger: rt.logger, port: 0 });
    sse = await connectSse(`${page.url}events`);
  });
  afterAll(async () => {
    sse?.close();
    await page?.stop();
  });

  it('answers /audit procurement in the conversation with its audit citation', async () => {
    await ui('send', { text: '/audit procurement' });
    const answer = (await sse.waitFor<MessageEvent>(fromBot((m) => m.text.includes('CA07-2023 Procurement')))).message;
    expect(answer.ephemeral).toBe(false);
    expect(json(answer.blocks)).toContain('*[1]* Kent CC · Governance and Audit Committee · 25 Oct 2023 · Item 5');
  });

  it('opens /ripa as a form, and the submitted answers come back as a private outcome with citations', async () => {
    const form = await openForm();
    expect(form.title).toMatchObject({ text: 'RIPA check' });
    const sent = await ui('view-submit', { viewId: form.id, values: answers({ technique: 'chis', source: 'juvenile', approvalDate: '2026-06-01' }) });
    expect(sent.body).toMatchObject({ ok: true, result: 'close' });
    const outcome = (await sse.waitFor<MessageEvent>(fromBot((m) => m.text.startsWith('Allowed with authorisation by the Head of Paid Service')))).message;
    expect(outcome).toMatchObject({ ephemeral: true, threadTs: null });
    expect(outcome.text).toContain('Wed 30 Sep 2026');
    expect(json(outcome.blocks)).toMatch(/\*\[2\]\* Kent CC · Governance and Audit Committee · 25 Oct 2023 · Item \d+ · para 4\.2/);

    // Its "Show source" opens the cited policy paragraph.
    const blocks = outcome.blocks as Array<Record<string, unknown>>;
    const blockIndex = blocks.findIndex((b) => b.type === 'actions');
    const source = (blocks[blockIndex]!.elements as Array<Record<string, unknown>>).find((e) => String(e.action_id).startsWith('source:'))!;
    const selected = source.type === 'static_select' ? String((source.options as Array<Record<string, unknown>>)[1]!.value) : undefined;
    expect((await ui('action', { ts: outcome.ts, blockIndex, actionId: source.action_id, selected })).status).toBe(200);
    const shown = await sse.waitFor<ViewEvent>((e) => e.type === 'view_open' && json(e.view.title).includes('Source ['));
    expect(json(shown.view.blocks)).toContain('Head of Paid Service');
  });

  it('keeps a form without a technique open with the app’s message, and says "not allowed" for premises', async () => {
    const form = await openForm();
    const missing = await ui('view-submit', { viewId: form.id, values: answers({ source: 'juvenile' }) });
    expect(missing.body).toEqual({ ok: true, result: 'errors', errors: { technique: 'Please choose one of the options.' } });
    const sent = await ui('view-submit', { viewId: form.id, values: answers({ technique: 'directed-surveillance', premises: ['yes'] }) });
    expect(sent.body).toMatchObject({ result: 'close' });
    const refused = (await sse.waitFor<MessageEvent>(fromBot((m) => m.text.startsWith('Not allowed')))).message;
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toContain('intrusive surveillance');
  });
});
