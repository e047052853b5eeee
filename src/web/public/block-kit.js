// Block Kit as DOM, the way Slack lays it out: sections, context lines, buttons and menus, dividers,
// headers, images (by their alt text: nothing is fetched from elsewhere) and modal inputs (text,
// menus, radio buttons, tick boxes and dates).
import { escapeHtml, mrkdwnToHtml, plainToHtml } from './mrkdwn.js';

function el(tag, className, html) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (html !== undefined) node.innerHTML = html;
  return node;
}

/** A text object (mrkdwn or plain_text) as HTML. */
export function textHtml(text, users) {
  if (!text) return '';
  if (typeof text === 'string') return mrkdwnToHtml(text, users);
  return text.type === 'mrkdwn' ? mrkdwnToHtml(text.text, users) : plainToHtml(text.text, text.emoji !== false);
}

/** A text object as plain words, for labels and titles. */
export function textPlain(text) {
  const holder = document.createElement('div');
  holder.innerHTML = textHtml(text, {});
  return holder.textContent ?? '';
}

function button(element, blockIndex, ctx) {
  const b = el('button', `bk-button${element.style ? ` ${element.style}` : ''}`, textHtml(element.text, ctx.users));
  b.type = 'button';
  if (element.accessibility_label) b.setAttribute('aria-label', element.accessibility_label);
  if (element.url) {
    const a = el('a', b.className, b.innerHTML);
    a.href = /^https?:/i.test(element.url) ? element.url : '#';
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.addEventListener('click', () => ctx.onAction(blockIndex, element, undefined, a));
    return a;
  }
  b.addEventListener('click', () => ctx.onAction(blockIndex, element, undefined, b));
  return b;
}

let selectCount = 0;

function staticSelect(element, blockIndex, ctx) {
  const wrap = el('span', 'bk-select');
  const id = `bk-select-${++selectCount}`;
  const label = el('label', 'visually-hidden', escapeHtml(textPlain(element.placeholder) || 'Choose'));
  label.htmlFor = id;
  const select = document.createElement('select');
  select.id = id;
  const placeholder = new Option(textPlain(element.placeholder) || 'Choose…', '', true, true);
  placeholder.disabled = true;
  select.add(placeholder);
  const options = [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
  for (const o of options) select.add(new Option(textPlain(o.text), o.value));
  select.addEventListener('change', () => {
    if (select.value) ctx.onAction(blockIndex, element, select.value, select);
  });
  wrap.append(label, select);
  return wrap;
}

function control(element, blockIndex, ctx) {
  if (element.type === 'button') return button(element, blockIndex, ctx);
  if (element.type === 'static_select') return staticSelect(element, blockIndex, ctx);
  if (element.type === 'image') return el('span', 'bk-image-alt', `[${escapeHtml(element.alt_text ?? 'image')}]`);
  return el('span', 'bk-unsupported', `(${escapeHtml(element.type)} is not shown on this page)`);
}

function section(block, index, ctx) {
  const node = el('div', 'bk-section');
  const main = el('div', 'bk-section-main');
  if (block.text) main.append(el('div', 'bk-text', textHtml(block.text, ctx.users)));
  if (Array.isArray(block.fields) && block.fields.length) {
    const fields = el('div', 'bk-fields');
    for (const f of block.fields) fields.append(el('div', 'bk-field', textHtml(f, ctx.users)));
    main.append(fields);
  }
  node.append(main);
  if (block.accessory) {
    const accessory = el('div', 'bk-accessory');
    accessory.append(control(block.accessory, index, ctx));
    node.append(accessory);
  }
  return node;
}

function context(block, ctx) {
  const node = el('div', 'bk-context');
  for (const e of block.elements ?? []) {
    if (e.type === 'image') node.append(el('span', 'bk-image-alt', `[${escapeHtml(e.alt_text ?? 'image')}]`));
    else node.append(el('span', 'bk-context-text', textHtml(e, ctx.users)));
  }
  return node;
}

function actions(block, index, ctx) {
  const node = el('div', 'bk-actions');
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Actions');
  for (const e of block.elements ?? []) node.append(control(e, index, ctx));
  return node;
}

let inputCount = 0;

/** An option's value and its text, for menus, radio buttons and tick boxes. */
const optionsOf = (element) => [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];

/** A free-text input, a menu or a date: one control with its own <label>. */
function singleControl(element, id, block) {
  let field;
  if (element.type === 'static_select') {
    field = document.createElement('select');
    const none = new Option(textPlain(element.placeholder) || 'Choose…', '', !element.initial_option, !element.initial_option);
    // Until something is chosen the menu shows its placeholder, which is not itself a choice.
    none.disabled = !block.optional;
    field.add(none);
    for (const o of optionsOf(element)) field.add(new Option(textPlain(o.text), o.value, false, o.value === element.initial_option?.value));
  } else if (element.type === 'datepicker') {
    field = document.createElement('input');
    field.type = 'date';
    if (element.initial_date) field.value = element.initial_date;
  } else {
    field = element.type === 'plain_text_input' && element.multiline ? document.createElement('textarea') : document.createElement('input');
    if (element.type !== 'plain_text_input') field.disabled = true;
    if (element.max_length) field.maxLength = element.max_length;
    if (element.initial_value) field.value = element.initial_value;
    if (element.placeholder) field.placeholder = textPlain(element.placeholder);
  }
  field.id = id;
  field.className = 'bk-field-input';
  if (!block.optional) field.required = true;
  return field;
}

/** Radio buttons or tick boxes: a fieldset whose legend is the block's label. */
function choiceGroup(element, id, block, legend, ctx) {
  const fieldset = el('fieldset', 'bk-choices');
  fieldset.append(legend);
  const kind = element.type === 'radio_buttons' ? 'radio' : 'checkbox';
  const initial = new Set([element.initial_option?.value, ...(element.initial_options ?? []).map((o) => o.value)].filter(Boolean));
  optionsOf(element).forEach((o, i) => {
    const row = el('div', 'bk-choice');
    const box = document.createElement('input');
    box.type = kind;
    box.name = id;
    box.id = `${id}-${i}`;
    box.value = o.value;
    box.checked = initial.has(o.value);
    if (kind === 'radio' && !block.optional) box.required = true;
    const label = el('label', null, textHtml(o.text, ctx.users));
    label.htmlFor = box.id;
    row.append(box, label);
    if (o.description) row.append(el('span', 'bk-choice-description', textHtml(o.description, ctx.users)));
    fieldset.append(row);
  });
  return fieldset;
}

/**
 * An input block, the way Slack shows it in a modal: a label (a legend for a group of radio buttons
 * or tick boxes), the hint, the control and a line for the app's error message. The node carries the
 * block and action ids and the element type, which modal.js reads the value back by.
 */
function input(block, ctx) {
  const node = el('div', 'bk-input');
  const element = block.element ?? {};
  const id = `bk-input-${++inputCount}`;
  Object.assign(node.dataset, { blockId: block.block_id ?? '', actionId: element.action_id ?? '', type: element.type ?? '', optional: block.optional ? 'true' : 'false' });
  const group = element.type === 'radio_buttons' || element.type === 'checkboxes';
  const label = el(group ? 'legend' : 'label', 'bk-label', textHtml(block.label, ctx.users));
  if (!group) label.htmlFor = id;
  if (block.optional) label.append(el('span', 'bk-optional', ' (optional)'));
  const error = el('p', 'bk-error');
  error.id = `${id}-error`;
  const described = [error.id];
  const hint = block.hint ? el('p', 'bk-hint', textHtml(block.hint, ctx.users)) : null;
  if (hint) {
    hint.id = `${id}-hint`;
    described.unshift(hint.id);
  }
  const control = group ? choiceGroup(element, id, block, label, ctx) : singleControl(element, id, block);
  control.setAttribute('aria-describedby', described.join(' '));
  if (group) {
    if (hint) label.after(hint);
    node.append(control, error);
  } else node.append(label, ...(hint ? [hint] : []), control, error);
  return node;
}

function block(b, index, ctx) {
  switch (b.type) {
    case 'section':
      return section(b, index, ctx);
    case 'context':
      return context(b, ctx);
    case 'actions':
      return actions(b, index, ctx);
    case 'divider':
      return el('hr', 'bk-divider');
    case 'header':
      return el(ctx.headingTag ?? 'h3', 'bk-header', textHtml(b.text, ctx.users));
    case 'image':
      return el('p', 'bk-image-alt', `[Image: ${escapeHtml(b.alt_text ?? '')}]`);
    case 'input':
      return input(b, ctx);
    default:
      return el('p', 'bk-unsupported', `(A ${escapeHtml(b.type)} block is not shown on this page.)`);
  }
}

/**
 * Blocks as a fragment. `ctx.onAction(blockIndex, element, selectedValue, control)` is called for a
 * click or a menu choice; `ctx.users` names user ids.
 */
export function renderBlocks(blocks, ctx) {
  const fragment = document.createDocumentFragment();
  (blocks ?? []).forEach((b, i) => fragment.append(block(b, i, ctx)));
  return fragment;
}
