import { z } from 'zod';

/** What every Slack request is about, read once from its body for routing decisions and the log line. */
export interface RequestFields {
  type: 'command' | 'event' | 'action' | 'view' | 'other';
  /** The command ("/ask"), event type ("app_mention"), action id or view callback id. */
  name: string | null;
  userId: string | null;
  channelId: string | null;
  teamId: string | null;
  /** Events API id, the same on every retry of one event. */
  eventId: string | null;
  /** Channel and ts of a message event: the same message delivered as two events shares it. */
  messageKey: string | null;
  /** The thread a message event belongs to (its own ts when it starts one). */
  threadTs: string | null;
  /** A direct message with the bot (channel ids starting with D). */
  isDirect: boolean;
  /** Sent by a bot (another app, or a workflow). */
  isBot: boolean;
}

const Command = z.object({ command: z.string(), user_id: z.string(), channel_id: z.string(), team_id: z.string() });
const Event = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().optional(),
  event_id: z.string().optional(),
  event: z.object({
    type: z.string(),
    user: z.string().optional(),
    channel: z.string().optional(),
    channel_type: z.string().optional(),
    ts: z.string().optional(),
    thread_ts: z.string().optional(),
    bot_id: z.string().optional(),
    subtype: z.string().optional(),
  }),
});
const Interaction = z.object({
  type: z.enum(['block_actions', 'view_submission', 'view_closed']),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string() })).optional(),
  view: z.object({ callback_id: z.string().optional() }).optional(),
});

const NONE: RequestFields = { type: 'other', name: null, userId: null, channelId: null, teamId: null, eventId: null, messageKey: null, threadTs: null, isDirect: false, isBot: false };

/** Reads the fields of a command, Events API or interaction body; unknown shapes give `type: 'other'`. */
export function describeRequest(body: unknown): RequestFields {
  const command = Command.safeParse(body);
  if (command.success) {
    const c = command.data;
    return { ...NONE, type: 'command', name: c.command, userId: c.user_id, channelId: c.channel_id, teamId: c.team_id, isDirect: c.channel_id.startsWith('D') };
  }
  const event = Event.safeParse(body);
  if (event.success) {
    const e = event.data.event;
    const isMessage = e.type === 'message' || e.type === 'app_mention';
    return {
      ...NONE,
      type: 'event',
      name: e.type,
      userId: e.user ?? null,
      channelId: e.channel ?? null,
      teamId: event.data.team_id ?? null,
      eventId: event.data.event_id ?? null,
      messageKey: isMessage && e.channel && e.ts ? `${e.channel}:${e.ts}` : null,
      threadTs: isMessage ? (e.thread_ts ?? e.ts ?? null) : null,
      isDirect: e.channel_type === 'im' || Boolean(e.channel?.startsWith('D')),
      isBot: Boolean(e.bot_id) || e.subtype === 'bot_message',
    };
  }
  const interaction = Interaction.safeParse(body);
  if (interaction.success) {
    const i = interaction.data;
    const channelId = i.channel?.id ?? i.container?.channel_id ?? null;
    return {
      ...NONE,
      type: i.type === 'block_actions' ? 'action' : 'view',
      name: i.type === 'block_actions' ? (i.actions?.[0]?.action_id ?? null) : (i.view?.callback_id ?? null),
      userId: i.user.id,
      channelId,
      teamId: i.team?.id ?? i.user.team_id ?? null,
      isDirect: Boolean(channelId?.startsWith('D')),
    };
  }
  return NONE;
}
