import type { App } from '@slack/bolt';
import { RIPA_FORM_FIELDS } from '../../../ripa/ripa-form.js';
import { parseValue, RIPA_VIEW, RipaMetaSchema } from '../../blocks/action-values.js';
import { renderAnswerMessage } from '../../blocks/render-answer-blocks.js';
import { remember, type SlackDeps } from '../../deps.js';
import { readRipaForm } from '../../read-ripa-form.js';
import { markAck, noteAnswer, noteFailure, requestOf } from '../../request-state.js';
import { sendPrivateMessage } from '../../send-private-message.js';

const FIRST = RIPA_FORM_FIELDS[0]!.id;
const DATE = RIPA_FORM_FIELDS.find((f) => f.kind === 'date')?.id ?? FIRST;

/**
 * The `/ripa` form's submission: a bad answer is shown in the form; otherwise the form closes and the
 * outcome is posted, rendered like any answer, to the user alone in the channel they typed `/ripa` in.
 */
export function registerRipaForm(app: App, deps: SlackDeps): void {
  app.view(RIPA_VIEW, async ({ ack, view, body, client, context }) => {
    const request = requestOf(context, deps.logger, body);
    const meta = parseValue(RipaMetaSchema, view.private_metadata);
    const read = readRipaForm((view as { state?: { values?: unknown } }).state?.values, RIPA_FORM_FIELDS);
    if (!meta || !read.ok) {
      request.outcome = 'invalid_form';
      await ack({ response_action: 'errors', errors: read.ok ? { [FIRST]: 'This form can no longer be sent; please type /ripa again.' } : read.errors });
      return markAck(request);
    }
    const started = performance.now();
    const answer = deps.assistant.ripaCheck(read.values);
    noteAnswer(request, answer, started);
    if (answer.kind === 'error') {
      // Valid-looking answers the check still refuses are about the date (an impossible day, say).
      await ack({ response_action: 'errors', errors: { [read.values.approvalDate ? DATE : FIRST]: answer.answer } });
      return markAck(request);
    }
    await ack();
    markAck(request);
    try {
      const message = renderAnswerMessage(remember(deps, answer, deps.newId()));
      const target = { channelId: meta.ch, userId: body.user.id, responseUrl: meta.ru };
      request.outcome = `ripa_by_${await sendPrivateMessage(client, target, message, { log: request.log })}`;
    } catch (error) {
      // The form has closed and neither route reaches the user: the log is all there is.
      noteFailure(request, error);
    }
  });
}
