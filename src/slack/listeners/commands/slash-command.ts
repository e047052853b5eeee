import { z } from 'zod';
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../../types.js';
import { renderAnswerMessage, renderNotice } from '../../blocks/render-answer-blocks.js';
import { deliverAnswer, slashSurface } from '../../deliver-answer.js';
import { remember, type SlackDeps, type Visibility } from '../../deps.js';
import { parseSlashText } from '../../parse-slash-text.js';
import { markAck, requestOf } from '../../request-state.js';

/** The fields of a slash command payload this app relies on. */
export const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string().max(4_000),
  user_id: z.string(),
  channel_id: z.string(),
  team_id: z.string(),
});

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * A slash command that answers a question: validate, call one domain function, render, and deliver
 * within Slack's 3 seconds (ephemeral when the user asked for `-private` or the input was not usable).
 */
export function answeringCommand(
  deps: SlackDeps,
  options: {
    usage: string;
    hint?: string;
    quickReplyMs?: number;
    /** Who sees the answer unless the user says `-private` or `-public`; the deployment's setting by default. */
    visibility?: Visibility;
    /** Offer "Share in channel" under a private answer (default true). */
    shareable?: boolean;
    work: (text: string, answerId: string) => Promise<Answer>;
  },
): (args: CommandArgs) => Promise<void> {
  return async ({ command, ack, respond, context }) => {
    const request = requestOf(context, deps.logger, command);
    const parsed = SlashCommandSchema.safeParse(command);
    const { text, visibility } = parseSlashText(parsed.success ? parsed.data.text : '', options.visibility ?? deps.settings.slashVisibility);
    if (!parsed.success || !text) {
      request.outcome = 'usage';
      await ack({ response_type: 'ephemeral', ...renderNotice(options.usage) });
      return markAck(request);
    }
    const answerId = deps.newId();
    await deliverAnswer({
      request,
      quickReplyMs: options.quickReplyMs ?? deps.settings.quickReplyMs,
      surface: slashSurface({ ack, respond, visibility, request }),
      work: () => options.work(text, answerId),
      render: (answer) => ({
        message: renderAnswerMessage(remember(deps, answer, answerId), {
          askedBy: visibility === 'in_channel' ? parsed.data.user_id : undefined,
          shareable: visibility === 'ephemeral' && options.shareable !== false,
          hint: options.hint,
        }),
        privately: answer.kind === 'error',
      }),
    });
  };
}
