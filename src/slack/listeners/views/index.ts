import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerFeedbackComment } from './feedback-comment.js';

/** Modal submissions. */
export function registerViews(app: App, deps: SlackDeps): void {
  registerFeedbackComment(app, deps);
}
