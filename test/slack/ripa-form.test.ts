import { describe, expect, it } from 'vitest';
import { RIPA_FORM_FIELDS, RipaFormValuesSchema } from '../../src/ripa/ripa-form.js';
import { encodeRipaMeta, parseValue, RipaMetaSchema } from '../../src/slack/blocks/action-values.js';
import { renderRipaModal } from '../../src/slack/blocks/render-ripa-modal.js';
import { parseRipaText } from '../../src/slack/parse-ripa-text.js';
import { readRipaForm } from '../../src/slack/read-ripa-form.js';
import { blockKitViolations } from './helpers/block-kit-limits.js';

type Json = Record<string, unknown>;
const META = { ch: 'C0GENERAL', ru: 'https://hooks.slack.com/commands/T0TEAM/123/abc' };
const elements = (view: Json): Json[] => (view.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.element as Json);

describe('renderRipaModal', () => {
  it('renders each field of RIPA_FORM_FIELDS as an input whose block and action ids are the field id', () => {
    const view = renderRipaModal({ fields: RIPA_FORM_FIELDS, meta: META }) as unknown as Json;
    const inputs = (view.blocks as Json[]).filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, (b.element as Json).action_id, b.optional])).toEqual(RIPA_FORM_FIELDS.map((f) => [f.id, f.id, !f.required]));
    expect(inputs.map((b) => (b.label as Json).text)).toEqual(RIPA_FORM_FIELDS.map((f) => f.label));
    // The optional choice starts at "No"; nothing else is chosen for the officer.
    expect(elements(view).map((e) => e.initial_option ?? e.initial_options ?? e.initial_date ?? null)).toEqual([null, expect.objectContaining({ value: 'no' }), null, null, null]);
    expect(parseValue(RipaMetaSchema, String(view.private_metadata))).toEqual(META);
    expect(blockKitViolations('modal', view)).toEqual([]);
  });

  it('opens with given answers chosen, and stays inside Block Kit limits with long labels', () => {
    const view = renderRipaModal({ fields: RIPA_FORM_FIELDS, meta: META, initial: { technique: 'communications-data', source: 'vulnerable', confidential: true, premises: 'no', approvalDate: '2026-06-01' } }) as unknown as Json;
    const [technique, source, confidential, premises, date] = elements(view);
    expect(technique!.initial_option).toMatchObject({ value: 'communications-data' });
    expect(source!.initial_option).toMatchObject({ value: 'vulnerable' });
    expect(confidential!.initial_options).toEqual([expect.objectContaining({ value: 'yes' })]);
    expect(premises!.initial_options).toBeUndefined();
    expect(date!.initial_date).toBe('2026-06-01');
    expect(blockKitViolations('modal', view)).toEqual([]);
    // A typed date that is not YYYY-MM-DD is not put in the date picker.
    expect(elements(renderRipaModal({ fields: RIPA_FORM_FIELDS, meta: META, initial: { approvalDate: '1/6/2026' } }) as unknown as Json)[4]!.initial_date).toBeUndefined();

    const long = RIPA_FORM_FIELDS.map((f) => ({ ...f, label: `${f.label} `.repeat(40), options: f.options?.map((o) => ({ ...o, label: o.label.repeat(5) })) }));
    expect(blockKitViolations('modal', renderRipaModal({ fields: long, meta: { ch: 'C1', ru: `https://x.example/${'a'.repeat(600)}` } }) as unknown as Json)).toEqual([]);
  });

  it('keeps a usable response_url in the metadata and drops one it could not keep whole', () => {
    expect(JSON.parse(encodeRipaMeta(META))).toEqual(META);
    expect(JSON.parse(encodeRipaMeta({ ch: 'C1', ru: `https://x.example/${'a'.repeat(600)}` }))).toEqual({ ch: 'C1' });
  });
});

describe('readRipaForm', () => {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  const state = (over: Json = {}): Json => ({
    technique: { technique: { type: 'static_select', selected_option: option('chis') } },
    source: { source: { type: 'radio_buttons', selected_option: option('juvenile') } },
    confidential: { confidential: { type: 'checkboxes', selected_options: [option('yes')] } },
    premises: { premises: { type: 'checkboxes', selected_options: [] } },
    approvalDate: { approvalDate: { type: 'datepicker', selected_date: '2026-06-01' } },
    ...over,
  });

  it('reads the values the domain form takes', () => {
    const read = readRipaForm(state(), RIPA_FORM_FIELDS);
    expect(read).toEqual({ ok: true, values: { technique: 'chis', source: 'juvenile', confidential: true, premises: false, approvalDate: '2026-06-01' } });
    expect(read.ok && RipaFormValuesSchema.safeParse(read.values).success).toBe(true);
    const bare = readRipaForm(state({ source: { source: { type: 'radio_buttons', selected_option: null } }, approvalDate: { approvalDate: { type: 'datepicker', selected_date: null } } }), RIPA_FORM_FIELDS);
    expect(bare).toEqual({ ok: true, values: { technique: 'chis', confidential: true, premises: false } });
  });

  it('gives a message per block for a missing technique, an unknown option or a date not from the calendar', () => {
    const none = readRipaForm(state({ technique: { technique: { type: 'static_select', selected_option: null } } }), RIPA_FORM_FIELDS);
    expect(none).toEqual({ ok: false, errors: { technique: 'Please choose one of the options.' } });
    const odd = readRipaForm(state({ source: { source: { type: 'radio_buttons', selected_option: option('adult') } }, approvalDate: { approvalDate: { type: 'datepicker', selected_date: 'June' } } }), RIPA_FORM_FIELDS);
    expect(odd).toEqual({ ok: false, errors: { source: 'Please choose one of the options.', approvalDate: 'Please choose a date from the calendar.' } });
    expect(readRipaForm('nonsense', RIPA_FORM_FIELDS)).toEqual({ ok: false, errors: { technique: 'The form could not be read; please try again.' } });
  });
});

describe('parseRipaText', () => {
  it.each([
    ['chis juvenile 1/6/2026', { technique: 'chis', source: 'juvenile', approvalDate: '1/6/2026' }],
    ['Directed surveillance in a private vehicle', { technique: 'directed-surveillance', premises: 'yes' }],
    ['comms data, confidential', { technique: 'communications-data', confidential: 'yes' }],
    ['ds approved 21 December 2026', { technique: 'directed-surveillance', approvalDate: '21 december 2026' }],
    ['chis juvenile vulnerable', { technique: 'chis', source: 'juvenile-or-vulnerable' }],
    ['CHIS under 18', { technique: 'chis', source: 'juvenile' }],
  ])('reads %j', (text, values) => {
    expect(parseRipaText(text)).toEqual({ values, initial: values });
  });

  it('gives no values without a technique or with a word it does not know, but keeps what it read for the form', () => {
    expect(parseRipaText('')).toEqual({ values: null, initial: {} });
    expect(parseRipaText('juvenile 1/6/2026')).toEqual({ values: null, initial: { source: 'juvenile', approvalDate: '1/6/2026' } });
    expect(parseRipaText('chis for a juvenile please')).toEqual({ values: null, initial: { technique: 'chis', source: 'juvenile' } });
  });
});
