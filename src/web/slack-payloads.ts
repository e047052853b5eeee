import { randomBytes } from 'node:crypto';
import type { LocalMessage, LocalView } from './conversation.js';
import type { LocalWorkspace } from './local-workspace.js';

/**
 * The request bodies Slack itself would POST to the app's /slack/events, built from what the officer
 * did on the page. Pure apart from fresh ids; signing and sending happen elsewhere.
 */

const nowSec = (): number => Math.floor(Date.now() / 1000);

/** A slash command, form-encoded as Slack sends it. */
export function slashCommandBody(w: LocalWorkspace, input: { command: string; text: string; responseUrl: string; triggerId: string }): string {
  return new URLSearchParams({
    token: 'local',
    team_id: w.teamId,
    team_domain: w.teamDomain,
    channel_id: w.channelId,
    channel_name: 'directmessage',
    user_id: w.userId,
    user_name: w.userName,
    command: input.command,
    text: input.text,
    api_app_id: w.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}

/** A direct message to the bot as an Events API `event_callback` (JSON), with a fresh event id. */
export function messageEventBody(w: LocalWorkspace, message: Pick<LocalMessage, 'ts' | 'threadTs' | 'text'>): string {
  const event: Record<string, unknown> = {
    type: 'message',
    channel: w.channelId,
    channel_type: 'im',
    user: w.userId,
    text: message.text,
    ts: message.ts,
    event_ts: message.ts,
    team: w.teamId,
    client_msg_id: randomBytes(16).toString('hex'),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
  };
  return JSON.stringify({
    token: 'local',
    team_id: w.teamId,
    api_app_id: w.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${randomBytes(8).toString('hex').toUpperCase()}`,
    event_time: nowSec(),
    authorizations: [{ enterprise_id: null, team_id: w.teamId, user_id: w.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** An interaction payload (form field `payload` holding JSON), as Slack posts it. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

const userOf = (w: LocalWorkspace) => ({ id: w.userId, username: w.userName, name: w.userName, team_id: w.teamId });

/** The element a click or selection refers to, as it appears in `actions[]`. */
export function actionOf(element: Record<string, unknown>, blockId: string, selected?: string): Record<string, unknown> {
  const action: Record<string, unknown> = { type: element.type, action_id: element.action_id, block_id: blockId, action_ts: `${Date.now() / 1000}` };
  if (element.type === 'button') {
    for (const key of ['text', 'value', 'style', 'url'] as const) if (element[key] !== undefined) action[key] = element[key];
  } else if (element.type === 'static_select') {
    const options = Array.isArray(element.options) ? (element.options as Array<Record<string, unknown>>) : [];
    action.selected_option = options.find((o) => o.value === selected) ?? null;
    if (element.placeholder) action.placeholder = element.placeholder;
  }
  return action;
}

/** A `block_actions` payload for a control in a message. */
export function messageActionPayload(
  w: LocalWorkspace,
  input: { message: LocalMessage; action: Record<string, unknown>; triggerId: string; responseUrl: string },
): Record<string, unknown> {
  const { message } = input;
  return {
    type: 'block_actions',
    user: userOf(w),
    api_app_id: w.appId,
    token: 'local',
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channelId,
      is_ephemeral: message.ephemeral,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
    trigger_id: input.triggerId,
    team: { id: w.teamId, domain: w.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channelId, name: 'directmessage' },
    // Slack leaves the message out of clicks on ephemeral messages, which it does not store.
    ...(message.ephemeral
      ? {}
      : { message: { type: 'message', user: message.userId, ...(message.fromBot ? { bot_id: w.botId } : {}), text: message.text, blocks: message.blocks, ts: message.ts, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) } }),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [input.action],
  };
}

/** A `block_actions` payload for a control inside an open modal. */
export function viewActionPayload(w: LocalWorkspace, input: { view: LocalView; action: Record<string, unknown>; triggerId: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: userOf(w),
    api_app_id: w.appId,
    token: 'local',
    container: { type: 'view', view_id: input.view.id },
    trigger_id: input.triggerId,
    team: { id: w.teamId, domain: w.teamDomain },
    is_enterprise_install: false,
    view: input.view,
    actions: [input.action],
  };
}

/** An input's value as the page sends it: text, an option's value (or null), the ticked options' values. */
export type PageInputValue = string | string[] | null;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One input's entry in `view.state.values`, shaped as Slack gives it for the element's type. */
function stateValue(element: Record<string, unknown>, value: PageInputValue | undefined): Record<string, unknown> {
  const type = element.type;
  const options = [
    ...(Array.isArray(element.options) ? element.options : []),
    ...(Array.isArray(element.option_groups) ? element.option_groups.flatMap((g: { options?: unknown[] }) => g.options ?? []) : []),
  ] as Array<Record<string, unknown>>;
  const wanted = new Set(Array.isArray(value) ? value : value ? [value] : []);
  switch (type) {
    case 'static_select':
    case 'radio_buttons':
      // Only one of the view's own options can be chosen; anything else counts as no choice.
      return { type, selected_option: options.find((o) => wanted.has(String(o.value))) ?? null };
    case 'checkboxes':
      return { type, selected_options: options.filter((o) => wanted.has(String(o.value))) };
    case 'datepicker':
      return { type, selected_date: typeof value === 'string' && ISO_DAY.test(value) ? value : null };
    default:
      return { type, value: typeof value === 'string' && value !== '' ? value : null };
  }
}

/** The input values of a modal in Slack's `view.state.values` form, typed by each input's element. */
export function viewStateValues(view: LocalView, values: Record<string, Record<string, PageInputValue>>): Record<string, Record<string, Record<string, unknown>>> {
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Array<Record<string, unknown>>) : [];
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of blocks) {
    const element = block.element as Record<string, unknown> | undefined;
    if (block.type !== 'input' || typeof block.block_id !== 'string' || !element || typeof element.action_id !== 'string') continue;
    out[block.block_id] = { [element.action_id]: stateValue(element, values[block.block_id]?.[element.action_id]) };
  }
  return out;
}

/** A `view_submission` payload for a modal's submit button. */
export function viewSubmissionPayload(
  w: LocalWorkspace,
  input: { view: LocalView; values: Record<string, Record<string, PageInputValue>>; triggerId: string },
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: w.teamId, domain: w.teamDomain },
    user: userOf(w),
    api_app_id: w.appId,
    token: 'local',
    trigger_id: input.triggerId,
    view: { ...input.view, state: { values: viewStateValues(input.view, input.values) } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A `view_closed` payload, sent only for modals that asked for it with `notify_on_close`. */
export function viewClosedPayload(w: LocalWorkspace, view: LocalView): Record<string, unknown> {
  return { type: 'view_closed', team: { id: w.teamId, domain: w.teamDomain }, user: userOf(w), api_app_id: w.appId, token: 'local', view, is_cleared: false, is_enterprise_install: false };
}
