import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerAppMention } from './app-mention.js';
import { registerDirectMessage } from './direct-message.js';

/** Mentions in channels and direct messages. */
export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerDirectMessage(app, deps);
}
