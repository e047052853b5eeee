import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { requestOf } from '../request-state.js';
import { replyPrivately } from '../reply-privately.js';

export const NOT_ALLOWED_TEAM = 'This assistant is not enabled for this Slack workspace.';
export const NOT_ALLOWED_CHANNEL =
  'I am not enabled in this channel. You can message me directly, or ask your Slack administrator to add this channel.';

/**
 * Optional allow-lists of workspace (team) and channel ids; empty lists allow everything. Direct
 * messages with the bot are allowed in any allowed workspace. A refused user is told why, privately.
 */
export function allowList(allowed: { teamIds: readonly string[]; channelIds: readonly string[] }, logger: Logger): Middleware<AnyMiddlewareArgs> {
  const teams = new Set(allowed.teamIds);
  const channels = new Set(allowed.channelIds);
  return async (args) => {
    const request = requestOf(args.context, logger, args.body);
    const { teamId, channelId, isDirect } = request.fields;
    const teamRefused = teams.size > 0 && (teamId === null || !teams.has(teamId));
    const channelRefused = !teamRefused && channels.size > 0 && channelId !== null && !isDirect && !channels.has(channelId);
    if (!teamRefused && !channelRefused) return args.next();
    request.outcome = teamRefused ? 'team_not_allowed' : 'channel_not_allowed';
    // An event from a workspace that should not have the app gets no reply at all.
    if (teamRefused && request.fields.type === 'event') return;
    await replyPrivately(args, request, teamRefused ? NOT_ALLOWED_TEAM : NOT_ALLOWED_CHANNEL);
  };
}
