import type { types } from '@slack/bolt';
import type { Answer } from '../../types.js';
import type { SlackMessage } from './render-answer-blocks.js';
import { LIMITS } from './limits.js';
import { markdownToMrkdwn, messageText, splitText, truncate } from './text.js';

/** `/deadline help`: the usage line and the list of rules, split to fit. Pure. */
export function renderDeadlineHelp(help: Answer): SlackMessage {
  const [usage = '', ...rules] = help.answer.split('\n');
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Deadline rules' } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(markdownToMrkdwn(usage.replace('/deadline RULE DATE', '`/deadline RULE DATE`')), LIMITS.sectionText) } },
  ];
  for (const part of splitText(markdownToMrkdwn(rules.join('\n')), LIMITS.sectionText)) {
    if (blocks.length >= LIMITS.messageBlocks - 1) break;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: part } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Dates can be written 21/12/2026, 21 Dec 2026 or "today". Add `-private` to see the answer only yourself.' }] });
  return { text: messageText(help.answer, LIMITS.messageText), blocks };
}
