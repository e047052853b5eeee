import type { App } from '@slack/bolt';
import { renderDeadlineHelp } from '../../blocks/render-deadline-help.js';
import type { SlackDeps } from '../../deps.js';
import { parseSlashText } from '../../parse-slash-text.js';
import { markAck, requestOf } from '../../request-state.js';
import { answeringCommand } from './slash-command.js';

const HELP = /^(help|list|rules|\?)$/i;
/** A deadline is computed synchronously, so it is always the acknowledgement itself. */
const AT_ONCE_MS = 2_000;

/** `/deadline RULE DATE` computes a statutory or policy deadline; `/deadline help` lists the rules. */
export function registerDeadlineCommand(app: App, deps: SlackDeps): void {
  const name = deps.settings.commands.deadline;
  const compute = answeringCommand(deps, {
    usage: `Usage: \`${name} RULE DATE\`, e.g. \`${name} foi 21/12/2026\`; \`${name} help\` lists the rules.`,
    hint: `Type \`${name} help\` for the rules and the date formats I understand.`,
    quickReplyMs: AT_ONCE_MS,
    work: async (text) => deps.assistant.deadline(text),
  });
  app.command(name, async (args) => {
    const { text } = parseSlashText(args.command.text, 'ephemeral');
    if (text && !HELP.test(text)) return compute(args);
    const request = requestOf(args.context, deps.logger, args.command);
    request.outcome = 'help';
    await args.ack({ response_type: 'ephemeral', ...renderDeadlineHelp(deps.assistant.deadline('help')) });
    markAck(request);
  });
}
