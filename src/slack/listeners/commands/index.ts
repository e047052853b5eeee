import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerAskCommand } from './ask.js';
import { registerDeadlineCommand } from './deadline.js';
import { registerKpiCommand } from './kpi.js';
import { registerUnknownCommand } from './unknown.js';

/** `/ask`, `/kpi`, `/deadline` and a reply for any other command. */
export function registerCommands(app: App, deps: SlackDeps): void {
  registerAskCommand(app, deps);
  registerKpiCommand(app, deps);
  registerDeadlineCommand(app, deps);
  registerUnknownCommand(app, deps);
}
