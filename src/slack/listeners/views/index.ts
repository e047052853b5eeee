import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerFeedbackComment } from './feedback-comment.js';
import { registerRipaForm } from './ripa-form.js';

/** Modal submissions: the 👎 comment and the `/ripa` form. */
export function registerViews(app: App, deps: SlackDeps): void {
  registerFeedbackComment(app, deps);
  registerRipaForm(app, deps);
}
