import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, RIPA_VIEW } from '../../src/slack/blocks/action-values.js';
import { tempDir } from '../helpers/temp-dir.js';
import { spyAssistant } from './fakes/spy-assistant.js';
import { blockKitViolations } from './helpers/block-kit-limits.js';
import { actionElements, buildAssistant, clickPayload, startHarness, type Harness } from './helpers/slack-harness.js';

type Call = Harness['stub']['calls'][number];
type Json = Record<string, unknown>;
const json = (value: unknown): string => JSON.stringify(value);
const KENT_CITATION = /\*\[1\]\* Kent CC · Governance and Audit Committee · 25 Oct 2023/;

/** The `/ripa` form's answers as Slack sends them in `view.state.values`. */
function ripaState(v: { technique?: string; source?: string; confidential?: boolean; premises?: boolean; approvalDate?: string }): Json {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value, emoji: true }, value });
  const tick = (on?: boolean) => ({ type: 'checkboxes', selected_options: on ? [option('yes')] : [] });
  return {
    technique: { technique: { type: 'static_select', selected_option: v.technique ? option(v.technique) : null } },
    source: { source: { type: 'radio_buttons', selected_option: option(v.source ?? 'no') } },
    confidential: { confidential: tick(v.confidential) },
    premises: { premises: tick(v.premises) },
    approvalDate: { approvalDate: { type: 'datepicker', selected_date: v.approvalDate ?? null } },
  };
}

describe('/audit and /ripa over loopback HTTP, with the real assistant over a whole meeting pack', () => {
  const dir = tempDir('slack-audit-ripa-');
  let h: Harness;

  /** Runs `/ripa` and returns the form it opened. */
  async function openRipa(text = ''): Promise<{ view: Json; responseId: string; ack: string }> {
    const res = await h.command('/ripa', text);
    expect(res.status).toBe(200);
    const ours = (c: Call): boolean => c.method === 'views.open' && String((c.body.view as Json).private_metadata).includes(`"ru":"${h.stub.responseUrl(res.responseId)}"`);
    const opened = await h.stub.waitFor(ours);
    return { view: opened.body.view as Json, responseId: res.responseId, ack: res.text };
  }

  const submit = (view: Json, values: Json, userId = 'U0OFFICER') =>
    h.action({
      type: 'view_submission',
      team: { id: 'T0TEAM', domain: 'council' },
      user: { id: userId, username: 'officer', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'unused',
      trigger_id: '9.9.9',
      view: { ...view, id: 'V0RIPA', state: { values }, hash: 'h' },
    });
  const outcomeFor = (responseId: string): Promise<Call> => h.stub.waitFor((c) => c.kind === 'response' && c.method === responseId);

  beforeAll(async () => {
    h = await startHarness(dir, spyAssistant(await buildAssistant(dir, { lines: 'all' })), { overrides: { rateLimit: { limit: 100, windowMs: 60_000 } } });
  });
  afterAll(async () => h?.close());

  it('answers /audit procurement in the acknowledgement, publicly, with opinion, findings, progress and an audit citation', async () => {
    const res = await h.command('/audit', 'procurement');
    expect(res.ms).toBeLessThan(1_500);
    const body = JSON.parse(res.text) as Json;
    expect(body.response_type).toBe('in_channel');
    expect(String(body.text)).toContain('CA07-2023 Procurement');
    expect(String(body.text)).toMatch(/opinion: Limited; prospects for improvement: Good/);
    expect(String(body.text)).toContain('High-priority findings');
    expect(String(body.text)).toContain('Latest progress reported');
    expect(json(body.blocks)).toContain('<@U0OFFICER> asked: _procurement_');
    expect(json(body.blocks)).toMatch(KENT_CITATION);
    expect(json(body.blocks)).toContain('Item 5');
    expect(blockKitViolations('message', body)).toEqual([]);

    const source = actionElements(body.blocks).find((e) => String(e.action_id).startsWith(ACTION.sourcePrefix))!;
    await h.action(clickPayload(source, { responseId: 'audit-source', stub: h.stub, selected: source.type === 'static_select' ? String((source.options as Json[])[0]!.value) : undefined }));
    const modal = await h.stub.waitFor((c) => c.method === 'views.open' && json(c.body.view).includes('Source ['));
    expect(json(modal.body.view)).toContain('Procurement');
    expect(blockKitViolations('modal', modal.body.view as Json)).toEqual([]);
  });

  it('answers /audit -private only to the asker, offers to share it, and explains an empty /audit', async () => {
    const res = await h.command('/audit', '-private contract extensions');
    const body = JSON.parse(res.text) as Json;
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain('RB21-2023 Contract Extensions');
    expect(actionElements(body.blocks).map((e) => e.action_id)).toEqual(expect.arrayContaining([`${ACTION.feedbackPrefix}up`, ACTION.share]));
    const usage = JSON.parse((await h.command('/audit', '')).text) as Json;
    expect(usage).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/audit procurement') });
  });

  it('acknowledges /ripa with nothing and opens the form, within Block Kit limits, with the channel and response_url kept', async () => {
    const { view, responseId, ack } = await openRipa();
    expect(ack).toBe('');
    const opened = h.stub.calls.find((c) => c.method === 'views.open' && c.body.view && (c.body.view as Json).private_metadata === view.private_metadata)!;
    expect(opened.body.trigger_id).toBe('1.2.3');
    expect(view.callback_id).toBe(RIPA_VIEW);
    expect(JSON.parse(String(view.private_metadata))).toEqual({ ch: 'C0GENERAL', ru: h.stub.responseUrl(responseId) });
    const inputs = (view.blocks as Json[]).filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, (b.element as Json).type])).toEqual([
      ['technique', 'static_select'],
      ['source', 'radio_buttons'],
      ['confidential', 'checkboxes'],
      ['premises', 'checkboxes'],
      ['approvalDate', 'datepicker'],
    ]);
    expect(json(inputs[0])).toContain('Covert human intelligence source (CHIS)');
    expect(json(inputs[4])).toContain('"optional":true');
    expect(blockKitViolations('modal', view)).toEqual([]);
  });

  it('posts the outcome of a juvenile CHIS approved on 1 June 2026 privately: Head of Paid Service, expiry date, citations', async () => {
    const { view, responseId } = await openRipa();
    const res = await submit(view, ripaState({ technique: 'chis', source: 'juvenile', approvalDate: '2026-06-01' }));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const outcome = await outcomeFor(responseId);
    expect(outcome.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = String(outcome.body.text);
    expect(text).toMatch(/^Allowed with authorisation by the Head of Paid Service/);
    expect(text).toContain('Wed 30 Sep 2026');
    expect(text).toContain('by Mon 8 Jun 2026');
    expect(text).toContain('RIPA 2000 s.32A');
    const blocks = outcome.body.blocks as Json[];
    expect(blocks.filter((b) => b.type === 'context' && /\*\[\d+\]\* Kent CC · Governance and Audit Committee/.test(json(b))).length).toBeGreaterThan(3);
    expect(json(blocks)).toContain('para 4.2');
    expect(json(blocks)).not.toContain('asked:');
    expect(blockKitViolations('message', outcome.body)).toEqual([]);
    const ids = actionElements(blocks).map((e) => String(e.action_id));
    expect(ids).toEqual(expect.arrayContaining([`${ACTION.feedbackPrefix}up`, `${ACTION.feedbackPrefix}down`]));
    expect(ids.some((id) => id.startsWith(ACTION.sourcePrefix))).toBe(true);
    expect(ids).not.toContain(ACTION.share);
  });

  it('says "not allowed" for directed surveillance in residential premises or a private vehicle', async () => {
    const { view, responseId } = await openRipa();
    await submit(view, ripaState({ technique: 'directed-surveillance', premises: true }));
    const outcome = await outcomeFor(responseId);
    expect(String(outcome.body.text)).toMatch(/^Not allowed/);
    expect(String(outcome.body.text)).toContain('RIPA 2000 ss.26(3), 32');
  });

  it('keeps a bad submission in the form with a message on the field', async () => {
    const { view } = await openRipa();
    const none = await submit(view, ripaState({ source: 'juvenile' }));
    expect(JSON.parse(none.text)).toEqual({ response_action: 'errors', errors: { technique: 'Please choose one of the options.' } });
    const impossible = await submit(view, ripaState({ technique: 'chis', approvalDate: '2026-02-30' }));
    expect(JSON.parse(impossible.text)).toMatchObject({ response_action: 'errors', errors: { approvalDate: expect.stringContaining('February 2026 has only 28 days') } });
    const garbled = await submit(view, ripaState({ technique: 'chis', approvalDate: '1st June' }));
    expect(JSON.parse(garbled.text)).toEqual({ response_action: 'errors', errors: { approvalDate: 'Please choose a date from the calendar.' } });
    const unknown = await submit(view, ripaState({ technique: 'bugging' }));
    expect(JSON.parse(unknown.text)).toEqual({ response_action: 'errors', errors: { technique: 'Please choose one of the options.' } });
    const lost = await submit({ ...view, private_metadata: '' }, ripaState({ technique: 'chis' }));
    expect(JSON.parse(lost.text)).toMatchObject({ response_action: 'errors', errors: { technique: expect.stringContaining('/ripa again') } });
  });

  it('posts the outcome with chat.postEphemeral when the response_url has expired', async () => {
    const { view, responseId } = await openRipa();
    h.stub.failNext(responseId, { status: 404, body: { ok: false, error: 'expired_url' } });
    await submit(view, ripaState({ technique: 'communications-data' }));
    const posted = await h.stub.waitFor((c) => c.method === 'chat.postEphemeral');
    expect(posted.body).toMatchObject({ channel: 'C0GENERAL', user: 'U0OFFICER' });
    expect(String(posted.body.text)).toContain('communications data');
  });

  it('answers /ripa typed with its answers at once and privately, and opens the form with what it understood otherwise', async () => {
    const typed = JSON.parse((await h.command('/ripa', 'chis juvenile 1/6/2026')).text) as Json;
    expect(typed.response_type).toBe('ephemeral');
    expect(String(typed.text)).toContain('Head of Paid Service');
    expect(String(typed.text)).toContain('Wed 30 Sep 2026');
    expect(actionElements(typed.blocks).some((e) => e.action_id === ACTION.share)).toBe(false);

    const { view, ack } = await openRipa('chis for a juvenile, please');
    expect(ack).toBe('');
    const inputs = (view.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.element as Json);
    expect(inputs[0]!.initial_option).toMatchObject({ value: 'chis' });
    expect(inputs[1]!.initial_option).toMatchObject({ value: 'juvenile' });
    expect(blockKitViolations('modal', view)).toEqual([]);
  });
});
