import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerFeedback } from './feedback.js';
import { registerShareAnswer } from './share-answer.js';
import { registerShowSource } from './show-source.js';

/** The buttons under an answer: "Show source", 👍/👎 and "Share in channel". */
export function registerActions(app: App, deps: SlackDeps): void {
  registerShowSource(app, deps);
  registerFeedback(app, deps);
  registerShareAnswer(app, deps);
}
