import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answeringCommand } from './slash-command.js';

/** `/ask [-private] QUESTION`: any question about the committee papers (or a deadline). */
export function registerAskCommand(app: App, deps: SlackDeps): void {
  app.command(
    deps.settings.commands.ask,
    answeringCommand(deps, {
      usage: `Ask me about the committee papers, e.g. \`${deps.settings.commands.ask} What was the annual internal audit opinion?\` Add \`-private\` to see the answer only yourself.`,
      work: (question, id) => deps.assistant.ask(question, { id }),
    }),
  );
}
