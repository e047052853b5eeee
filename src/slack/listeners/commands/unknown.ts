import type { App } from '@slack/bolt';
import { renderNotice } from '../../blocks/render-answer-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { markAck, requestOf } from '../../request-state.js';

/** Any other command routed to this app (a renamed command in the manifest, say) gets a pointer, not silence. */
export function registerUnknownCommand(app: App, deps: SlackDeps): void {
  const { ask, kpi, deadline, audit, ripa } = deps.settings.commands;
  const known = new Set(Object.values(deps.settings.commands));
  app.command(/^\//, async ({ command, ack, context }) => {
    if (known.has(command.command)) return;
    const request = requestOf(context, deps.logger, command);
    request.outcome = 'unknown_command';
    await ack({
      response_type: 'ephemeral',
      ...renderNotice(`I do not know ${command.command}. Try \`${ask} QUESTION\`, \`${kpi} QUERY\`, \`${audit} QUERY\`, \`${ripa}\` or \`${deadline} help\`.`),
    });
    markAck(request);
  });
}
