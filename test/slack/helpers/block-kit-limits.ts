import { LIMITS } from '../../../src/slack/blocks/limits.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const text = (v: unknown): string => String(obj(v).text ?? '');

/**
 * Every way a message or modal breaks Slack's published limits; an empty list means Slack would accept
 * it as far as sizes go. Checked independently of the renderers' own constants where Slack publishes them.
 */
export function blockKitViolations(surface: 'message' | 'modal', payload: Json): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) out.push(what);
  };
  const blocks = Array.isArray(payload.blocks) ? (payload.blocks as unknown[]).map(obj) : [];
  check(blocks.length <= (surface === 'message' ? 50 : 100), `${blocks.length} blocks`);
  if (surface === 'message') check(String(payload.text ?? '').length <= 40_000, 'message text over 40000');
  if (surface === 'modal') {
    check(text(payload.title).length <= 24 && text(payload.title).length > 0, `modal title "${text(payload.title)}"`);
    for (const k of ['close', 'submit']) if (payload[k]) check(text(payload[k]).length <= 24, `modal ${k} text`);
    check(String(payload.private_metadata ?? '').length <= 3_000, 'private_metadata over 3000');
  }
  const actionIds = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `block ${i} (${String(b.type)})`;
    if (b.block_id !== undefined) check(String(b.block_id).length <= 255, `${at}: block_id`);
    if (b.type === 'section') {
      check(text(b.text).length > 0 && text(b.text).length <= 3_000, `${at}: section text ${text(b.text).length}`);
    } else if (b.type === 'context') {
      const elements = Array.isArray(b.elements) ? b.elements : [];
      check(elements.length >= 1 && elements.length <= 10, `${at}: ${elements.length} elements`);
      for (const e of elements) check(text(e).length > 0 && text(e).length <= LIMITS.contextText, `${at}: context text ${text(e).length}`);
    } else if (b.type === 'header') {
      check(text(b.text).length <= 150, `${at}: header text`);
    } else if (b.type === 'actions') {
      const elements = (Array.isArray(b.elements) ? b.elements : []).map(obj);
      check(elements.length >= 1 && elements.length <= 25, `${at}: ${elements.length} elements`);
      for (const e of elements) {
        const id = String(e.action_id ?? '');
        check(id.length > 0 && id.length <= 255, `${at}: action_id "${id}"`);
        check(!actionIds.has(id), `${at}: duplicate action_id ${id}`);
        actionIds.add(id);
        if (e.type === 'button') {
          check(text(e.text).length <= 75, `${at}: button text`);
          check(String(e.value ?? '').length <= 2_000, `${at}: button value ${String(e.value ?? '').length}`);
        }
        if (e.type === 'static_select') {
          const options = (Array.isArray(e.options) ? e.options : []).map(obj);
          check(options.length >= 1 && options.length <= 100, `${at}: ${options.length} options`);
          for (const o of options) {
            check(text(o.text).length <= 75, `${at}: option text "${text(o.text)}"`);
            check(String(o.value ?? '').length <= 150, `${at}: option value ${String(o.value ?? '').length}`);
          }
        }
      }
    } else if (b.type === 'input') {
      check(surface === 'modal', `${at}: input block outside a modal`);
      check(text(b.label).length > 0 && text(b.label).length <= 2_000, `${at}: input label`);
      if (b.hint !== undefined) check(text(b.hint).length > 0 && text(b.hint).length <= 2_000, `${at}: input hint`);
      const e = obj(b.element);
      const id = String(e.action_id ?? '');
      check(id.length > 0 && id.length <= 255, `${at}: action_id "${id}"`);
      check(!actionIds.has(id), `${at}: duplicate action_id ${id}`);
      actionIds.add(id);
      out.push(...inputElementViolations(at, e));
    } else check(b.type === 'divider', `${at}: unexpected block type`);
  });
  return out;
}

/** Slack's published limits for the input elements the app's modals use. */
const INPUT_ELEMENTS: Record<string, { maxOptions?: number }> = {
  plain_text_input: {},
  static_select: { maxOptions: 100 },
  radio_buttons: { maxOptions: 10 },
  checkboxes: { maxOptions: 10 },
  datepicker: {},
};

function inputElementViolations(at: string, e: Json): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) out.push(`${at}: ${what}`);
  };
  const type = String(e.type);
  const rule = INPUT_ELEMENTS[type];
  check(rule !== undefined, `unexpected input element ${type}`);
  if (e.placeholder !== undefined) check(text(e.placeholder).length > 0 && text(e.placeholder).length <= 150, 'placeholder');
  if (rule?.maxOptions) {
    const options = (Array.isArray(e.options) ? e.options : []).map(obj);
    check(options.length >= 1 && options.length <= rule.maxOptions, `${options.length} options`);
    const values = options.map((o) => String(o.value ?? ''));
    check(new Set(values).size === values.length, 'duplicate option values');
    for (const o of options) {
      check(text(o.text).length > 0 && text(o.text).length <= 75, `option text "${text(o.text)}"`);
      check(values.length > 0 && String(o.value ?? '').length <= 150, 'option value');
    }
    const initial = [...(e.initial_option ? [obj(e.initial_option)] : []), ...(Array.isArray(e.initial_options) ? e.initial_options.map(obj) : [])];
    // Slack refuses an initial option that is not exactly one of the options.
    for (const i of initial) check(options.some((o) => JSON.stringify(o) === JSON.stringify(i)), `initial option ${JSON.stringify(i)} not among the options`);
  }
  if (type === 'datepicker' && e.initial_date !== undefined) check(/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date)), 'initial_date not YYYY-MM-DD');
  if (type === 'plain_text_input' && e.max_length !== undefined) check(Number(e.max_length) <= 3_000, 'max_length over 3000');
  return out;
}
