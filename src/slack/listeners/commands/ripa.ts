import { z } from 'zod';
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { RIPA_FORM_FIELDS } from '../../../ripa/ripa-form.js';
import { renderRipaModal } from '../../blocks/render-ripa-modal.js';
import { renderNotice } from '../../blocks/render-answer-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { parseRipaText } from '../../parse-ripa-text.js';
import { parseSlashText } from '../../parse-slash-text.js';
import { markAck, requestOf } from '../../request-state.js';
import { safely } from '../actions/safely.js';
import { answeringCommand, SlashCommandSchema } from './slash-command.js';

/** A slash command that can open a modal: its trigger_id, and the response_url the outcome may go to. */
const FormCommandSchema = SlashCommandSchema.extend({ trigger_id: z.string().min(1).max(200), response_url: z.string().url().max(500).optional() });

/**
 * `/ripa` opens the RIPA form (the outcome is then posted privately by the form's listener);
 * `/ripa chis juvenile 1/6/2026`, with every word understood, answers at once, privately unless `-public`.
 */
export function registerRipaCommand(app: App, deps: SlackDeps): void {
  const name = deps.settings.commands.ripa;
  app.command(name, async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const { command, ack, client, respond, context } = args;
    const request = requestOf(context, deps.logger, command);
    const parsed = FormCommandSchema.safeParse(command);
    const typed = parseRipaText(parseSlashText(typeof command.text === 'string' ? command.text : '', 'ephemeral').text);
    const { values } = typed;
    if (values) {
      const forTheForm = `Type \`${name}\` on its own for the form.`;
      return answeringCommand(deps, {
        usage: forTheForm,
        hint: forTheForm,
        visibility: 'ephemeral',
        // A RIPA outcome is asked again from the form, not from its question, so it is not re-shared.
        shareable: false,
        work: async () => deps.assistant.ripaCheck(values),
      })(args);
    }
    await ack();
    markAck(request);
    if (!parsed.success) {
      request.outcome = 'invalid_value';
      return;
    }
    await safely(request, (text) => respond({ response_type: 'ephemeral', ...renderNotice(text) }), async () => {
      const meta = { ch: parsed.data.channel_id, ...(parsed.data.response_url ? { ru: parsed.data.response_url } : {}) };
      await client.views.open({ trigger_id: parsed.data.trigger_id, view: renderRipaModal({ fields: RIPA_FORM_FIELDS, meta, initial: typed.initial }) });
      request.outcome = 'form_opened';
    });
  });
}
