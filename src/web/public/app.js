// The local chat page: the conversation from the server's events, rendered from the Block Kit the app
// sent; the message box; clicks and menu choices sent back as the app's own interactions.
import { renderBlocks } from './block-kit.js';
import { mrkdwnToHtml } from './mrkdwn.js';
import { openView, setUpModal, updateView } from './modal.js';
import { postJson } from './post-json.js';

const log = document.getElementById('log');
const empty = document.getElementById('empty');
const form = document.getElementById('composer');
const box = document.getElementById('message');
const status = document.getElementById('status');
const threadBar = document.getElementById('thread-bar');
const threadLabel = document.getElementById('thread-label');

const state = { messages: new Map(), nodes: new Map(), users: {}, threadTs: null };

const timeOf = (ts) => new Date(Number(ts) * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

function setStatus(text) {
  status.textContent = text;
}

/** A click or menu choice on a message's (or a modal's) control. */
async function act(where, blockIndex, element, selected) {
  const reply = await postJson('/ui/action', { ...where, blockIndex, actionId: element.action_id, selected });
  if (!reply.ok) setStatus('That did not work: the local server did not accept the click.');
}

const contextFor = (where) => ({ users: state.users, onAction: (blockIndex, element, selected) => act(where, blockIndex, element, selected) });

function startThread(message) {
  state.threadTs = message.ts;
  const words = (message.text ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  threadLabel.textContent = `Replying in the thread of “${words.length > 80 ? `${words.slice(0, 79)}…` : words}”`;
  threadBar.hidden = false;
  box.focus();
}

function endThread() {
  state.threadTs = null;
  threadBar.hidden = true;
}

function messageBody(m) {
  const body = document.createElement('div');
  body.className = 'msg-main';
  const head = document.createElement('div');
  head.className = 'msg-head';
  const author = document.createElement('span');
  author.className = 'author';
  author.textContent = m.fromBot ? (state.users[m.userId] ?? 'App') : (state.users[m.userId] ?? m.userId);
  head.append(author);
  if (m.fromBot) head.insertAdjacentHTML('beforeend', '<span class="badge">APP</span>');
  const time = document.createElement('time');
  time.dateTime = new Date(Number(m.ts) * 1000).toISOString();
  time.textContent = timeOf(m.ts);
  head.append(time);
  body.append(head);
  if (m.ephemeral) body.insertAdjacentHTML('beforeend', '<p class="ephemeral-note"><span aria-hidden="true">👁</span> Only visible to you</p>');
  const content = document.createElement('div');
  content.className = 'msg-content';
  if (m.blocks?.length) content.append(renderBlocks(m.blocks, contextFor({ ts: m.ts })));
  else content.innerHTML = mrkdwnToHtml(m.text, state.users);
  body.append(content);
  return body;
}

function avatar(m) {
  const a = document.createElement('div');
  a.className = `avatar ${m.fromBot ? 'bot' : 'user'}`;
  a.setAttribute('aria-hidden', 'true');
  a.textContent = m.fromBot ? 'CA' : (state.users[m.userId] ?? '?').slice(0, 1).toUpperCase();
  return a;
}

/** The thread list under a top-level message, made on first use, with its "Reply in thread" button. */
function threadOf(parentNode, parent) {
  let list = parentNode.querySelector(':scope > .thread');
  if (list) return list;
  list = document.createElement('ol');
  list.className = 'thread';
  list.setAttribute('aria-label', 'Replies');
  parentNode.append(list);
  if (!parent.fromBot && !parent.text.startsWith('/')) {
    const reply = document.createElement('button');
    reply.type = 'button';
    reply.className = 'link-button reply';
    reply.textContent = 'Reply in thread';
    reply.addEventListener('click', () => startThread(parent));
    parentNode.append(reply);
  }
  return list;
}

function upsert(m) {
  state.messages.set(m.ts, m);
  const existing = state.nodes.get(m.ts);
  if (existing) {
    existing.querySelector(':scope > .msg-main').replaceWith(messageBody(m));
    existing.classList.toggle('ephemeral', m.ephemeral);
    return;
  }
  const node = document.createElement('li');
  node.className = `msg${m.ephemeral ? ' ephemeral' : ''}${m.fromBot ? ' from-bot' : ' from-user'}`;
  node.dataset.ts = m.ts;
  node.append(avatar(m), messageBody(m));
  state.nodes.set(m.ts, node);
  const parent = m.threadTs && m.threadTs !== m.ts ? state.nodes.get(m.threadTs) : null;
  if (parent) threadOf(parent, state.messages.get(m.threadTs)).append(node);
  else log.append(node);
  empty.hidden = true;
  node.scrollIntoView({ block: 'nearest' });
}

function remove(ts) {
  const node = state.nodes.get(ts);
  state.messages.delete(ts);
  if (!node) return;
  state.nodes.delete(ts);
  if (node.querySelector(':scope > .thread')) node.querySelector(':scope > .msg-main').innerHTML = '<p class="deleted">This message was deleted.</p>';
  else node.remove();
}

function notice(text) {
  const node = document.createElement('li');
  node.className = 'notice';
  node.textContent = `⚠ ${text}`;
  log.append(node);
  node.scrollIntoView({ block: 'nearest' });
}

function reset(event) {
  state.users = event.users ?? {};
  state.messages.clear();
  state.nodes.clear();
  log.replaceChildren();
  empty.hidden = event.messages.length > 0;
  for (const m of event.messages) upsert(m);
}

const handlers = {
  reset,
  message: (e) => upsert(e.message),
  update: (e) => upsert(e.message),
  delete: (e) => remove(e.ts),
  view_open: (e) => openView(e.view, false),
  view_push: (e) => openView(e.view, true),
  view_update: (e) => updateView(e.view),
  notice: (e) => notice(e.text),
};

function connect() {
  const source = new EventSource('/events');
  source.onopen = () => {
    document.body.dataset.connected = 'true';
    setStatus('');
  };
  source.onerror = () => {
    document.body.dataset.connected = 'false';
    setStatus('Lost the connection to the local server; reconnecting…');
  };
  source.onmessage = (e) => {
    const event = JSON.parse(e.data);
    handlers[event.type]?.(event);
  };
}

async function send(event) {
  event.preventDefault();
  const text = box.value.trim();
  if (!text) return box.focus();
  box.value = '';
  setStatus('Sent. Waiting for the assistant…');
  const reply = await postJson('/ui/send', { text, threadTs: text.startsWith('/') ? undefined : (state.threadTs ?? undefined) });
  if (reply.ok) setStatus('');
  else {
    box.value = text;
    setStatus('The message was not sent: the local server did not answer. Is `npm start` still running?');
  }
}

box.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    form.requestSubmit();
  }
  if (e.key === 'Escape' && state.threadTs) endThread();
});
form.addEventListener('submit', send);
document.getElementById('thread-cancel').addEventListener('click', () => {
  endThread();
  box.focus();
});
setUpModal((view) => contextFor({ viewId: view.id }));
connect();
box.focus();
