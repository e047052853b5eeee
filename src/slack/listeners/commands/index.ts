import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerAskCommand } from './ask.js';
import { registerAuditCommand } from './audit.js';
import { registerDeadlineCommand } from './deadline.js';
import { registerKpiCommand } from './kpi.js';
import { registerRipaCommand } from './ripa.js';
import { registerUnknownCommand } from './unknown.js';

/** `/ask`, `/kpi`, `/deadline`, `/audit`, `/ripa` and a reply for any other command. */
export function registerCommands(app: App, deps: SlackDeps): void {
  registerAskCommand(app, deps);
  registerKpiCommand(app, deps);
  registerDeadlineCommand(app, deps);
  registerAuditCommand(app, deps);
  registerRipaCommand(app, deps);
  registerUnknownCommand(app, deps);
}
