import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Conversation } from './conversation.js';
import type { ApiReply } from './web-api-fake.js';

/** Where a response_url posts: the channel and thread of the request, and the message it may replace. */
interface Origin {
  channelId: string;
  threadTs: string | null;
  /** The slash command's acknowledgement, or the message whose button was clicked. */
  originalTs: string | null;
  /** Resolves once the request's acknowledgement has been shown, so that a reply never overtakes it. */
  ready: Promise<void>;
}

const ResponseBody = z.object({
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
  response_type: z.enum(['in_channel', 'ephemeral']).optional(),
  replace_original: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  delete_original: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  thread_ts: z.string().optional(),
});

const yes = (v: boolean | string | undefined): boolean => v === true || v === 'true';

/**
 * The response_urls this page hands the app with each slash command and button click, and what a post
 * to one does, as in Slack: replace or delete the original message, or add a message (ephemeral unless
 * `response_type: "in_channel"`) beside it.
 */
export class ResponseUrls {
  private readonly origins = new Map<string, Origin>();

  constructor(
    private readonly conversation: Conversation,
    private readonly botUserId: string,
    private readonly maxUrls = 500,
  ) {}

  /** A new response_url id for a request; `ready` holds posts back until the acknowledgement is shown. */
  create(origin: Omit<Origin, 'ready'> & { ready?: Promise<void> }): string {
    const id = randomBytes(12).toString('hex');
    this.origins.set(id, { ...origin, ready: origin.ready ?? Promise.resolve() });
    if (this.origins.size > this.maxUrls) this.origins.delete(this.origins.keys().next().value!);
    return id;
  }

  /** Records the message a response_url replaces (the acknowledgement of a slash command). */
  setOriginal(id: string, ts: string): void {
    const origin = this.origins.get(id);
    if (origin) origin.originalTs = ts;
  }

  async post(id: string, raw: Record<string, unknown>): Promise<ApiReply> {
    const origin = this.origins.get(id);
    if (!origin) return { status: 404, body: { ok: false, error: 'expired_url' } };
    await origin.ready;
    const parsed = ResponseBody.safeParse(raw);
    if (!parsed.success) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
    const body = parsed.data;
    const original = origin.originalTs ? this.conversation.get(origin.originalTs) : undefined;
    if (yes(body.delete_original)) {
      if (original) this.conversation.delete(original.ts);
      origin.originalTs = null;
      return { status: 200, body: { ok: true } };
    }
    if (!body.text && !body.blocks?.length) return { status: 400, body: { ok: false, error: 'no_text' } };
    if (yes(body.replace_original) && original) {
      const ephemeral = body.response_type ? body.response_type === 'ephemeral' : original.ephemeral;
      this.conversation.update(original.ts, { text: body.text ?? '', blocks: body.blocks ?? [], ephemeral });
      return { status: 200, body: { ok: true } };
    }
    const message = this.conversation.post({
      channelId: origin.channelId,
      threadTs: body.thread_ts ?? origin.threadTs,
      userId: this.botUserId,
      fromBot: true,
      text: body.text ?? '',
      blocks: body.blocks ?? [],
      // A response_url message is ephemeral unless the app says otherwise.
      ephemeral: body.response_type !== 'in_channel',
    });
    origin.originalTs ??= message.ts;
    return { status: 200, body: { ok: true } };
  }
}
