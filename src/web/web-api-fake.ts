import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Conversation, LocalMessage, LocalView, PageEvent } from './conversation.js';
import type { LocalWorkspace } from './local-workspace.js';

/** What a Web API method answers: Slack replies 200 with `ok: false` for its own errors. */
export interface ApiReply {
  status: number;
  body: Record<string, unknown>;
}

const Blocks = z.array(z.unknown()).optional();
const View = z.record(z.string(), z.unknown());
const PostMessage = z.object({ channel: z.string(), text: z.string().optional(), blocks: Blocks, thread_ts: z.string().optional() });
const Update = z.object({ channel: z.string(), ts: z.string(), text: z.string().optional(), blocks: Blocks });
const Delete = z.object({ channel: z.string(), ts: z.string() });
const PostEphemeral = PostMessage.extend({ user: z.string() });
const ViewsOpen = z.object({ trigger_id: z.string(), view: View });
const ViewsUpdate = z.object({ view_id: z.string().optional(), external_id: z.string().optional(), hash: z.string().optional(), view: View });

const fail = (error: string): ApiReply => ({ status: 200, body: { ok: false, error } });

/**
 * A local implementation of the Slack Web API methods the app calls (chat.postMessage, chat.update,
 * chat.delete, chat.postEphemeral, views.open, views.update, views.push, auth.test). Each call changes
 * the local conversation or modal and answers as Slack does, so the app cannot tell the difference.
 */
export class WebApiFake {
  private readonly views = new Map<string, LocalView>();
  private readonly triggers = new Set<string>();
  private sequence = 0;

  constructor(
    private readonly deps: { token: string; workspace: LocalWorkspace; conversation: Conversation; publish: (event: PageEvent) => void },
  ) {}

  /** A trigger_id for an interaction, which views.open and views.push then accept. */
  issueTrigger(): string {
    const id = `${Date.now()}.${++this.sequence}.${randomBytes(8).toString('hex')}`;
    this.triggers.add(id);
    // Slack's trigger ids expire; these are only kept for the latest interactions.
    if (this.triggers.size > 200) this.triggers.delete(this.triggers.values().next().value!);
    return id;
  }

  /** A modal the page has open, by id. */
  view(id: string): LocalView | undefined {
    return this.views.get(id);
  }

  forgetView(id: string): void {
    this.views.delete(id);
  }

  /** Replaces a modal after a view_submission answered with `response_action: "update"`. */
  replaceView(id: string, view: Record<string, unknown>): LocalView {
    const next = this.storeView(view, id);
    this.deps.publish({ type: 'view_update', view: next });
    return next;
  }

  /** Stacks a modal on the open one after a view_submission answered with `response_action: "push"`. */
  pushView(view: Record<string, unknown>): LocalView {
    const next = this.storeView(view);
    this.deps.publish({ type: 'view_push', view: next });
    return next;
  }

  call(method: string, args: Record<string, unknown>, authorization: string | undefined): ApiReply {
    if (authorization !== `Bearer ${this.deps.token}`) return fail(authorization ? 'invalid_auth' : 'not_authed');
    switch (method) {
      case 'auth.test':
        return this.authTest();
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        return this.post(method, args);
      case 'chat.update':
        return this.update(args);
      case 'chat.delete':
        return this.remove(args);
      case 'views.open':
      case 'views.push':
        return this.openView(method, args);
      case 'views.update':
        return this.updateView(args);
      default:
        return { status: 404, body: { ok: false, error: 'unknown_method' } };
    }
  }

  private authTest(): ApiReply {
    const w = this.deps.workspace;
    return { status: 200, body: { ok: true, url: `https://${w.teamDomain}.slack.com/`, team: 'Local', user: w.botName, team_id: w.teamId, user_id: w.botUserId, bot_id: w.botId, is_enterprise_install: false } };
  }

  private asMessage(m: LocalMessage): Record<string, unknown> {
    const w = this.deps.workspace;
    return { type: 'message', user: w.botUserId, bot_id: w.botId, app_id: w.appId, text: m.text, blocks: m.blocks, ts: m.ts, ...(m.threadTs ? { thread_ts: m.threadTs } : {}) };
  }

  private post(method: string, raw: Record<string, unknown>): ApiReply {
    const ephemeral = method === 'chat.postEphemeral';
    const parsed = (ephemeral ? PostEphemeral : PostMessage).safeParse(raw);
    if (!parsed.success) return fail('invalid_arguments');
    const args = parsed.data;
    if (args.channel !== this.deps.workspace.channelId) return fail('channel_not_found');
    if (!args.text && !args.blocks?.length) return fail('no_text');
    if (args.thread_ts && !this.deps.conversation.get(args.thread_ts)) return fail('thread_not_found');
    const message = this.deps.conversation.post({
      channelId: args.channel,
      threadTs: args.thread_ts ?? null,
      userId: this.deps.workspace.botUserId,
      fromBot: true,
      text: args.text ?? '',
      blocks: args.blocks ?? [],
      ephemeral,
    });
    if (ephemeral) return { status: 200, body: { ok: true, message_ts: message.ts } };
    return { status: 200, body: { ok: true, channel: args.channel, ts: message.ts, message: this.asMessage(message) } };
  }

  private update(raw: Record<string, unknown>): ApiReply {
    const parsed = Update.safeParse(raw);
    if (!parsed.success) return fail('invalid_arguments');
    const { channel, ts, text, blocks } = parsed.data;
    const current = this.deps.conversation.get(ts);
    if (!current || current.channelId !== channel) return fail('message_not_found');
    if (!current.fromBot || current.ephemeral) return fail('cant_update_message');
    // As in Slack, leaving `blocks` out keeps the message's blocks; an empty list removes them.
    const message = this.deps.conversation.update(ts, { text: text ?? current.text, blocks: blocks ?? current.blocks })!;
    return { status: 200, body: { ok: true, channel, ts, text: message.text, message: this.asMessage(message) } };
  }

  private remove(raw: Record<string, unknown>): ApiReply {
    const parsed = Delete.safeParse(raw);
    if (!parsed.success) return fail('invalid_arguments');
    const current = this.deps.conversation.get(parsed.data.ts);
    if (!current || current.channelId !== parsed.data.channel) return fail('message_not_found');
    if (!current.fromBot || current.ephemeral) return fail('cant_delete_message');
    this.deps.conversation.delete(parsed.data.ts);
    return { status: 200, body: { ok: true, channel: parsed.data.channel, ts: parsed.data.ts } };
  }

  private storeView(view: Record<string, unknown>, id = `V${String(++this.sequence).padStart(8, '0')}`): LocalView {
    const w = this.deps.workspace;
    const stored: LocalView = {
      ...view,
      id,
      hash: `${Date.now()}.${randomBytes(4).toString('hex')}`,
      team_id: w.teamId,
      app_id: w.appId,
      bot_id: w.botId,
      state: { values: {} },
    };
    this.views.set(id, stored);
    return stored;
  }

  private openView(method: string, raw: Record<string, unknown>): ApiReply {
    const parsed = ViewsOpen.safeParse(raw);
    if (!parsed.success) return fail('invalid_arguments');
    if (!this.triggers.delete(parsed.data.trigger_id)) return fail('invalid_trigger_id');
    if (parsed.data.view.type !== 'modal') return fail('invalid_arguments');
    const view = this.storeView(parsed.data.view);
    this.deps.publish({ type: method === 'views.push' ? 'view_push' : 'view_open', view });
    return { status: 200, body: { ok: true, view } };
  }

  private updateView(raw: Record<string, unknown>): ApiReply {
    const parsed = ViewsUpdate.safeParse(raw);
    if (!parsed.success) return fail('invalid_arguments');
    const { view_id, external_id, hash, view } = parsed.data;
    const current = view_id ? this.views.get(view_id) : [...this.views.values()].find((v) => external_id && v.external_id === external_id);
    if (!current) return fail('not_found');
    if (hash && hash !== current.hash) return fail('hash_conflict');
    return { status: 200, body: { ok: true, view: this.replaceView(current.id, view) } };
  }
}
