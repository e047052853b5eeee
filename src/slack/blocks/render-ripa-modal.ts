import type { types } from '@slack/bolt';
import type { RipaFormField, RipaFormValues } from '../../ripa/ripa-form.js';
import { encodeRipaMeta, RIPA_VIEW, type RipaMeta } from './action-values.js';
import { LIMITS } from './limits.js';
import { truncate } from './text.js';

/** Answers to show already chosen when the form opens (from `/ripa chis juvenile`, say). */
export type RipaFormInitial = Partial<RipaFormValues>;

const INTRO =
  'Answer these questions and I will tell you whether the council may authorise it, who authorises, the approval needed and the expiry, review and register-copy dates, each with its policy paragraph or statute. *Only you will see the outcome.*';
const DATE_HINT = 'Leave it empty if you do not know yet: the outcome then gives the periods instead of dates.';
/** A yes/no question is one tick box: left empty, the answer is no. */
const YES = 'yes';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const plain = (text: string, max: number): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
const option = (o: { value: string; label: string }): types.PlainTextOption => ({ text: plain(o.label, LIMITS.optionText), value: o.value.slice(0, LIMITS.optionValue) });
const isYes = (v: unknown): boolean => v === true || v === YES;

/** The input element for one field: a menu for a required choice, radio buttons for an optional one, a tick box for yes/no, a date picker. */
function elementFor(field: RipaFormField, initial: unknown): types.InputBlockElement {
  const options = (field.options ?? []).slice(0, LIMITS.selectOptions).map(option);
  const chosen = options.find((o) => o.value === initial);
  switch (field.kind) {
    case 'select':
      return field.required
        ? { type: 'static_select', action_id: field.id, placeholder: plain(`Choose the ${field.label.toLowerCase()}`, LIMITS.placeholderText), options, ...(chosen ? { initial_option: chosen } : {}) }
        : { type: 'radio_buttons', action_id: field.id, options: options.slice(0, 10), initial_option: chosen ?? options[0]! };
    case 'yes-no':
      return { type: 'checkboxes', action_id: field.id, options: [option({ value: YES, label: 'Yes' })], ...(isYes(initial) ? { initial_options: [option({ value: YES, label: 'Yes' })] } : {}) };
    case 'date':
      return { type: 'datepicker', action_id: field.id, placeholder: plain('Choose a date', LIMITS.placeholderText), ...(typeof initial === 'string' && ISO_DAY.test(initial) ? { initial_date: initial } : {}) };
  }
}

/**
 * The `/ripa` form as a modal, one input block per field (block and action ids are the field ids),
 * with where to post the outcome in its private metadata. Pure; the fields are plain data from the domain.
 */
export function renderRipaModal(input: { fields: readonly RipaFormField[]; meta: RipaMeta; initial?: RipaFormInitial }): types.ModalView {
  const initial: Partial<Record<RipaFormField['id'], unknown>> = input.initial ?? {};
  const inputs: types.InputBlock[] = input.fields.map((field) => ({
    type: 'input',
    block_id: field.id,
    // A tick box and a date may be left empty; radio buttons always start with an answer.
    optional: !field.required,
    label: plain(field.label, 2_000),
    ...(field.kind === 'date' ? { hint: plain(DATE_HINT, 2_000) } : {}),
    element: elementFor(field, initial[field.id]),
  }));
  return {
    type: 'modal',
    callback_id: RIPA_VIEW,
    private_metadata: encodeRipaMeta(input.meta),
    title: plain('RIPA check', LIMITS.modalTitle),
    submit: plain('Check', LIMITS.modalButtonText),
    close: plain('Cancel', LIMITS.modalButtonText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: INTRO } }, ...inputs],
  };
}
