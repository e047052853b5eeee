// Slack modals as an accessible <dialog>: title, blocks, Close and (when the view has one) Submit.
// A stack, as views.push allows; Escape or Close closes the top view.
import { renderBlocks, textPlain } from './block-kit.js';
import { postJson } from './post-json.js';

const dialog = document.getElementById('modal');
const form = document.getElementById('modal-form');
const title = document.getElementById('modal-title');
const body = document.getElementById('modal-body');
const alert = document.getElementById('modal-alert');
const closeButton = document.getElementById('modal-close');
const closeX = document.getElementById('modal-x');
const submitButton = document.getElementById('modal-submit');

let stack = [];
let opener = null;
let makeContext = () => ({ users: {}, onAction() {} });

function show() {
  const view = stack[stack.length - 1];
  title.textContent = textPlain(view.title) || 'Committee Assistant';
  body.replaceChildren(renderBlocks(view.blocks, { ...makeContext(view), headingTag: 'h3' }));
  alert.textContent = '';
  closeButton.textContent = view.close ? textPlain(view.close) : view.submit ? 'Cancel' : 'Close';
  submitButton.hidden = !view.submit;
  submitButton.textContent = view.submit ? textPlain(view.submit) : '';
  dialog.dataset.viewId = view.id;
}

function focusFirst() {
  const target = body.querySelector('textarea, input:not([disabled]), select, button, a[href]') ?? closeButton;
  target.focus();
}

function finish() {
  stack = [];
  if (dialog.open) dialog.close();
  if (opener && document.contains(opener)) opener.focus();
  opener = null;
}

/** Pops the top view: Slack tells the app only if the view asked (notify_on_close). */
function closeTop() {
  const view = stack.pop();
  if (view) postJson('/ui/view-closed', { viewId: view.id });
  if (stack.length) {
    show();
    focusFirst();
  } else finish();
}

/** Opens a view (views.open), or stacks it on the open one (views.push). */
export function openView(view, push) {
  if (!dialog.open) {
    opener = document.activeElement;
    stack = [];
  } else if (!push) stack = [];
  stack.push(view);
  show();
  if (!dialog.open) dialog.showModal();
  focusFirst();
}

/** Replaces a view in place (views.update, or response_action "update"). */
export function updateView(view) {
  const at = stack.findIndex((v) => v.id === view.id);
  if (at < 0) return;
  stack[at] = view;
  if (at === stack.length - 1) show();
}

/**
 * What an input block holds, as the page server takes it back: text, the chosen option's value (null
 * for none), the ticked options' values, or a date as YYYY-MM-DD (null when empty).
 */
function valueOf(node) {
  const { type } = node.dataset;
  if (type === 'checkboxes') return [...node.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value);
  if (type === 'radio_buttons') return node.querySelector('input[type="radio"]:checked')?.value ?? null;
  const field = node.querySelector('.bk-field-input');
  if (!field || field.disabled) return null;
  if (type === 'static_select' || type === 'datepicker') return field.value || null;
  return field.value;
}

const isEmpty = (value) => value === null || (Array.isArray(value) ? value.length === 0 : !value.trim());
const inputs = () => [...body.querySelectorAll('.bk-input')].filter((node) => node.dataset.blockId && node.dataset.actionId);

function values() {
  const out = {};
  for (const node of inputs()) (out[node.dataset.blockId] ??= {})[node.dataset.actionId] = valueOf(node);
  return out;
}

/** Shows each block's message under it (as Slack does for response_action "errors") and focuses the first. */
function showErrors(errors) {
  let first = null;
  for (const node of inputs()) {
    const message = errors[node.dataset.blockId] ?? '';
    const line = node.querySelector('.bk-error');
    if (line) line.textContent = message;
    const controls = [...node.querySelectorAll('input, select, textarea')];
    for (const c of controls) c.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (message && !first) first = controls.find((c) => c.checked) ?? controls[0];
  }
  if (first) first.focus();
}

async function submit(event) {
  event.preventDefault();
  const view = stack[stack.length - 1];
  if (!view?.submit) return;
  const missing = {};
  for (const node of inputs()) {
    if (node.dataset.optional !== 'true' && isEmpty(valueOf(node))) missing[node.dataset.blockId] = 'Please complete this required field.';
  }
  showErrors(missing);
  if (Object.keys(missing).length) return;
  submitButton.disabled = true;
  const reply = await postJson('/ui/view-submit', { viewId: view.id, values: values() });
  submitButton.disabled = false;
  if (!reply.ok || reply.result === 'failed') alert.textContent = reply.text ?? 'We had some trouble connecting. Try again?';
  else if (reply.result === 'errors') showErrors(reply.errors ?? {});
  else if (reply.result === 'clear') finish();
  else if (reply.result === 'close') {
    stack.pop();
    if (stack.length) show();
    else finish();
  }
  // "update" and "push" arrive as events, like any other change the app makes.
}

/** Wires the dialog; `context(view)` gives the users and the action handler for a view's blocks. */
export function setUpModal(context) {
  makeContext = context;
  form.addEventListener('submit', submit);
  closeButton.addEventListener('click', closeTop);
  closeX.addEventListener('click', closeTop);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    closeTop();
  });
}
