import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answeringCommand } from './slash-command.js';

/** `/kpi [-private] QUERY`: a performance indicator by reference or words. */
export function registerKpiCommand(app: App, deps: SlackDeps): void {
  app.command(
    deps.settings.commands.kpi,
    answeringCommand(deps, {
      usage: `Name a performance indicator, e.g. \`${deps.settings.commands.kpi} FOI requests answered on time\`.`,
      work: (query) => deps.assistant.kpi(query),
    }),
  );
}
