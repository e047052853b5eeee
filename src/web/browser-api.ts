import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Conversation, LocalMessage, LocalView } from './conversation.js';
import type { LocalWorkspace } from './local-workspace.js';
import type { ResponseUrls } from './response-urls.js';
import {
  actionOf,
  interactionBody,
  messageActionPayload,
  messageEventBody,
  slashCommandBody,
  viewActionPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './slack-payloads.js';
import type { ApiReply, WebApiFake } from './web-api-fake.js';

export interface BrowserApiDeps {
  workspace: LocalWorkspace;
  conversation: Conversation;
  responseUrls: ResponseUrls;
  webApi: WebApiFake;
  /** Signs a body with the app's secret and POSTs it to the app's /slack/events. */
  sendToApp(body: string): Promise<{ status: number; text: string }>;
  /** The full response_url for an id. */
  responseUrl(id: string): string;
  logger: Logger;
}

const Send = z.object({ text: z.string().trim().min(1).max(4_000), threadTs: z.string().max(40).optional() });
const Action = z.object({
  ts: z.string().max(40).optional(),
  viewId: z.string().max(40).optional(),
  blockIndex: z.number().int().min(0).max(200),
  actionId: z.string().max(255),
  selected: z.string().max(2_000).optional(),
});
/** An input's value from the page: text, the chosen option (null for none), the ticked options, or a date. */
const InputValue = z.union([z.string().max(3_000), z.array(z.string().max(150)).max(100), z.null()]);
const Submit = z.object({ viewId: z.string().max(40), values: z.record(z.string(), z.record(z.string(), InputValue)) });
const Closed = z.object({ viewId: z.string().max(40) });
const Ack = z.object({ text: z.string().optional(), blocks: z.array(z.unknown()).optional(), response_type: z.string().optional() });
const ViewAck = z.object({
  response_action: z.enum(['errors', 'update', 'push', 'clear']).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  view: z.record(z.string(), z.unknown()).optional(),
});

const COMMAND = /^(\/[^\s/]+)(?:\s+([\s\S]*))?$/;
const ok = (body: Record<string, unknown> = {}): ApiReply => ({ status: 200, body: { ok: true, ...body } });
const bad = (status: number, error: string): ApiReply => ({ status, body: { ok: false, error } });
/** Slack escapes these three in the text of a message it delivers. */
const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The control at `blockIndex` with `actionId`: an actions block's element or a section's accessory. */
function findControl(blocks: unknown[], blockIndex: number, actionId: string): { element: Record<string, unknown>; blockId: string } | null {
  const block = blocks[blockIndex] as Record<string, unknown> | undefined;
  if (!block) return null;
  const candidates = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory] as Array<Record<string, unknown> | undefined>;
  const element = candidates.find((e) => e?.action_id === actionId);
  return element ? { element, blockId: typeof block.block_id === 'string' ? block.block_id : `b${blockIndex}` } : null;
}

/**
 * What the page's browser can do (send a message or command, click a control, submit or close a
 * modal), each turned into the request Slack would send the app, signed and posted to it. What the app
 * answers comes back to the page through the conversation and its Server-Sent Events.
 */
export function createBrowserApi(deps: BrowserApiDeps): (route: string, input: unknown) => Promise<ApiReply> {
  const { workspace: w, conversation, responseUrls, webApi, logger } = deps;

  const deliver = async (body: string, what: string): Promise<{ status: number; text: string } | null> => {
    try {
      const res = await deps.sendToApp(body);
      if (res.status !== 200) {
        logger.warn({ status: res.status, what }, 'app refused a local request');
        conversation.notice(`${what} failed with the error "dispatch_failed" (HTTP ${res.status}).`);
      }
      return res;
    } catch (error) {
      logger.error({ err: error, what }, 'could not reach the app');
      conversation.notice(`${what} failed: the app could not be reached.`);
      return null;
    }
  };

  const postUserMessage = (text: string, threadTs: string | null): LocalMessage =>
    conversation.post({ channelId: w.channelId, threadTs, userId: w.userId, fromBot: false, text: escapeText(text), blocks: [], ephemeral: false });

  async function command(name: string, text: string): Promise<ApiReply> {
    let settle = (): void => undefined;
    const ready = new Promise<void>((resolve) => (settle = resolve));
    const id = responseUrls.create({ channelId: w.channelId, threadTs: null, originalTs: null, ready });
    postUserMessage(text ? `${name} ${text}` : name, null);
    try {
      const res = await deliver(slashCommandBody(w, { command: name, text, responseUrl: deps.responseUrl(id), triggerId: webApi.issueTrigger() }), name);
      if (res?.status !== 200 || !res.text.trim()) return ok();
      const raw = parseJson(res.text);
      const ack = Ack.safeParse(typeof raw === 'string' ? { text: raw } : raw);
      if (!ack.success || (!ack.data.text && !ack.data.blocks?.length)) return ok();
      const message = conversation.post({
        channelId: w.channelId,
        threadTs: null,
        userId: w.botUserId,
        fromBot: true,
        text: ack.data.text ?? '',
        blocks: ack.data.blocks ?? [],
        // A slash command's acknowledgement is ephemeral unless the app says otherwise.
        ephemeral: ack.data.response_type !== 'in_channel',
      });
      responseUrls.setOriginal(id, message.ts);
      return ok({ ts: message.ts });
    } finally {
      settle();
    }
  }

  async function send(input: unknown): Promise<ApiReply> {
    const parsed = Send.safeParse(input);
    if (!parsed.success) return bad(400, 'invalid_message');
    const { text, threadTs } = parsed.data;
    const slash = COMMAND.exec(text);
    if (slash) return command(slash[1]!, (slash[2] ?? '').trim());
    const parent = threadTs ? conversation.get(threadTs) : undefined;
    const message = postUserMessage(text, parent ? (parent.threadTs ?? parent.ts) : null);
    await deliver(messageEventBody(w, message), 'Your message');
    return ok({ ts: message.ts });
  }

  async function action(input: unknown): Promise<ApiReply> {
    const parsed = Action.safeParse(input);
    if (!parsed.success) return bad(400, 'invalid_action');
    const a = parsed.data;
    const message = a.ts ? conversation.get(a.ts) : undefined;
    const view = a.viewId ? webApi.view(a.viewId) : undefined;
    const control = message || view ? findControl((message?.blocks ?? view?.blocks ?? []) as unknown[], a.blockIndex, a.actionId) : null;
    if (!control) return bad(404, 'control_not_found');
    const act = actionOf(control.element, control.blockId, a.selected);
    const triggerId = webApi.issueTrigger();
    const payload = message
      ? messageActionPayload(w, {
          message,
          action: act,
          triggerId,
          responseUrl: deps.responseUrl(responseUrls.create({ channelId: message.channelId, threadTs: message.threadTs, originalTs: message.ts })),
        })
      : viewActionPayload(w, { view: view!, action: act, triggerId });
    await deliver(interactionBody(payload), 'That button');
    return ok();
  }

  async function submit(input: unknown): Promise<ApiReply> {
    const parsed = Submit.safeParse(input);
    if (!parsed.success) return bad(400, 'invalid_submission');
    const view = webApi.view(parsed.data.viewId);
    if (!view) return bad(404, 'view_not_found');
    const res = await deliver(interactionBody(viewSubmissionPayload(w, { view, values: parsed.data.values, triggerId: webApi.issueTrigger() })), 'Sending the form');
    if (res?.status !== 200) return ok({ result: 'failed', text: 'We had some trouble connecting. Try again?' });
    const ack = ViewAck.safeParse(res.text.trim() ? parseJson(res.text) : {});
    const reply = ack.success ? ack.data : {};
    if (reply.response_action === 'errors') return ok({ result: 'errors', errors: reply.errors ?? {} });
    if (reply.response_action === 'update' && reply.view) return ok({ result: 'update', view: webApi.replaceView(view.id, reply.view) });
    if (reply.response_action === 'push' && reply.view) return ok({ result: 'push', view: webApi.pushView(reply.view) });
    webApi.forgetView(view.id);
    return ok({ result: reply.response_action === 'clear' ? 'clear' : 'close' });
  }

  async function closed(input: unknown): Promise<ApiReply> {
    const parsed = Closed.safeParse(input);
    if (!parsed.success) return bad(400, 'invalid_view');
    const view: LocalView | undefined = webApi.view(parsed.data.viewId);
    if (!view) return ok();
    webApi.forgetView(view.id);
    if (view.notify_on_close === true) await deliver(interactionBody(viewClosedPayload(w, view)), 'Closing the form');
    return ok();
  }

  const routes: Record<string, (input: unknown) => Promise<ApiReply>> = { send, action, 'view-submit': submit, 'view-closed': closed };
  return async (route, input) => (routes[route] ? routes[route](input) : bad(404, 'unknown_route'));
}
