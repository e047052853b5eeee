import { z } from 'zod';
import type { App } from '@slack/bolt';
import { userMessageOf } from '../../../errors.js';
import { CommentMetaSchema, FEEDBACK_INPUT, FEEDBACK_VIEW, parseValue } from '../../blocks/action-values.js';
import { buildFeedbackRecord } from '../../build-feedback-record.js';
import type { SlackDeps } from '../../deps.js';
import { markAck, noteFailure, requestOf } from '../../request-state.js';

const CommentViewSchema = z.object({
  state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).passthrough())) }),
});

/** The typed comment, or '' when the view carries none (or something that is not text): validated before the ack. */
function commentOf(view: unknown): string {
  const parsed = CommentViewSchema.safeParse(view);
  if (!parsed.success) return '';
  return parsed.data.state.values[FEEDBACK_INPUT.block]?.[FEEDBACK_INPUT.action]?.value?.trim() ?? '';
}

/** The optional comment after 👎: recorded before the modal closes, so that a failure can be shown in it. */
export function registerFeedbackComment(app: App, deps: SlackDeps): void {
  app.view(FEEDBACK_VIEW, async ({ ack, view, body, context }) => {
    const request = requestOf(context, deps.logger, body);
    const meta = parseValue(CommentMetaSchema, view.private_metadata);
    const comment = commentOf(view);
    if (!meta || !comment) {
      request.outcome = meta ? 'no_comment' : 'invalid_value';
      await ack();
      return markAck(request);
    }
    try {
      const { ch, ...value } = meta;
      await deps.feedback.append(
        buildFeedbackRecord({
          id: deps.newId(),
          at: deps.now(),
          event: 'comment',
          value,
          cached: deps.answers.get(value.a),
          comment,
          userId: body.user.id,
          teamId: body.team?.id ?? null,
          channelId: ch,
        }),
      );
      request.outcome = 'feedback_comment';
      await ack();
      markAck(request);
    } catch (error) {
      noteFailure(request, error);
      await ack({ response_action: 'errors', errors: { [FEEDBACK_INPUT.block]: userMessageOf(error) } });
      markAck(request);
      request.userNotified = true;
    }
  });
}
