import type { types } from '@slack/bolt';
import { encodeCommentMeta, FEEDBACK_INPUT, FEEDBACK_VIEW, type CommentMeta } from './action-values.js';

/** The optional "what was wrong?" modal opened after 👎; the 👎 itself is already recorded. */
export function renderFeedbackModal(meta: CommentMeta): types.ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK_VIEW,
    private_metadata: encodeCommentMeta(meta),
    title: { type: 'plain_text', text: 'Thanks for the feedback' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Skip' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'Your :-1: has been recorded. If you can, tell us what was wrong or missing: it helps us improve the answers.' } },
      {
        type: 'input',
        block_id: FEEDBACK_INPUT.block,
        optional: true,
        label: { type: 'plain_text', text: 'What should the answer have said?' },
        element: { type: 'plain_text_input', action_id: FEEDBACK_INPUT.action, multiline: true, max_length: 2000 },
      },
    ],
  };
}
