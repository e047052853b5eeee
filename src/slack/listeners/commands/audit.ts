import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answeringCommand } from './slash-command.js';

/** `/audit [-private] QUERY`: internal audits by reference or words, with opinion, findings and progress. */
export function registerAuditCommand(app: App, deps: SlackDeps): void {
  const name = deps.settings.commands.audit;
  app.command(
    name,
    answeringCommand(deps, {
      usage: `Name an internal audit by reference or words, e.g. \`${name} procurement\`, \`${name} CA07-2023\` or \`${name} limited assurance this year\`. Add \`-private\` to see the answer only yourself.`,
      work: (query) => deps.assistant.audit(query),
    }),
  );
}
