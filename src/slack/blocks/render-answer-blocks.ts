import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../../types.js';
import { ACTION, encodeFeedback, encodeShare, encodeSourceButton, encodeSourceOption } from './action-values.js';
import { citationLine, citationPlace, citationPlaceMrkdwn } from './citation-line.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, markdownToPlain, splitText, truncate } from './text.js';

export interface AnswerRenderOptions {
  /** The id the buttons carry; defaults to `answer.id`. Without an id no buttons are drawn. */
  answerId?: string;
  /** Draw "Show source" and 👍/👎 (default true). The local chat page may pass false. */
  interactive?: boolean;
  /** Add "Share in channel" (for an answer only the asker can see). */
  shareable?: boolean;
  /** Slack user id shown as "@user asked: …" above a public slash-command answer. */
  askedBy?: string;
  /** Slack user id shown as "Shared by @user". */
  sharedBy?: string;
  /** One line under an error answer, e.g. how to get the list of deadline rules. */
  hint?: string;
  /** Block budget; Slack allows 50 in a message. */
  maxBlocks?: number;
}

/** A message ready for chat.postMessage, chat.update, ack() or respond(). */
export interface SlackMessage {
  text: string;
  blocks?: types.KnownBlock[];
}

/** Up to this many citations get their own "Show source" button; more share one menu. */
const SOURCE_BUTTONS = 5;
const SHORTENED = '_…the answer was too long for one Slack message and has been shortened; the sources below hold the rest._';
const NOT_FOUND_SUGGESTION = 'Democratic Services, or the officer named on the relevant report, can usually help with questions the papers do not answer.';

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const plain = (text: string, max: number): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(truncate(text, LIMITS.sectionText)) });
const context = (...texts: string[]): types.ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(truncate(t, LIMITS.contextText))),
});

const PREFIX: Partial<Record<Answer['kind'], string>> = { error: ':warning: ', not_found: ':mag: ' };

/** The answer text as sections of at most 3000 characters, within `room` blocks. */
function answerSections(answer: Answer, room: number): types.SectionBlock[] {
  const parts = splitText(`${PREFIX[answer.kind] ?? ''}${markdownToMrkdwn(answer.answer.trim() || '(no answer)')}`, LIMITS.sectionText);
  if (parts.length <= room) return parts.map(section);
  const kept = parts.slice(0, Math.max(1, room));
  const last = kept.length - 1;
  kept[last] = `${truncate(kept[last]!, LIMITS.sectionText - SHORTENED.length - 2)}\n${SHORTENED}`;
  return kept.map(section);
}

/**
 * Citation lines as context blocks within `room` blocks: one block per citation when they fit, else
 * the lines listed in as few elements as fit 2000 characters (one per block, up to 10 per block if
 * needed), the last ones summarised as "…and N more sources" only if even that overflows.
 */
function citationBlocks(citations: readonly Citation[], room: number): types.ContextBlock[] {
  if (!citations.length || room <= 0) return [];
  const lines = citations.map((c) => `*[${c.n}]* ${citationPlaceMrkdwn(c)}`);
  if (lines.length <= room) return lines.map((l) => context(l));
  const elements: string[][] = [[]];
  for (const line of lines) {
    const current = elements.at(-1)!;
    if (current.length && [...current, line].join('\n').length > LIMITS.contextText) elements.push([line]);
    else current.push(line);
  }
  const perBlock = Math.min(LIMITS.contextElements, Math.ceil(elements.length / room));
  const shown = elements.slice(0, room * perBlock);
  const hidden = lines.length - shown.flat().length;
  if (hidden > 0) shown.at(-1)!.splice(-1, 1, `_…and ${hidden + 1} more sources_`);
  const blocks: types.ContextBlock[] = [];
  for (let i = 0; i < shown.length; i += perBlock) blocks.push(context(...shown.slice(i, i + perBlock).map((e) => e.join('\n'))));
  return blocks;
}

function sourceControls(answerId: string, citations: readonly Citation[]): types.ActionsBlockElement[] {
  const ref = (c: Citation) => ({ a: answerId, n: c.n, c: c.chunkId, q: c.quote, ql: c.quote.length, p: citationPlace(c) });
  if (citations.length <= SOURCE_BUTTONS) {
    return citations.map((c) => ({
      type: 'button',
      action_id: `${ACTION.sourcePrefix}${c.n}`,
      text: plain(citations.length === 1 ? 'Show source' : `Show source [${c.n}]`, LIMITS.buttonText),
      value: encodeSourceButton(ref(c)),
    }));
  }
  return [{
    type: 'static_select',
    action_id: ACTION.sourceSelect,
    placeholder: plain('Show a source…', LIMITS.placeholderText),
    options: citations.slice(0, LIMITS.selectOptions).map((c) => ({
      text: plain(citationLine(c), LIMITS.optionText),
      value: encodeSourceOption(ref(c)),
    })),
  }];
}

function actionsBlock(answer: Answer, answerId: string, options: AnswerRenderOptions): types.ActionsBlock | null {
  const elements: types.ActionsBlockElement[] = [];
  if (answer.kind !== 'error') {
    elements.push(...sourceControls(answerId, answer.citations));
    const feedback = { a: answerId, k: answer.kind, q: answer.question, c: answer.citations.flatMap((c) => (c.chunkId ? [c.chunkId] : [])) };
    elements.push(
      { type: 'button', action_id: `${ACTION.feedbackPrefix}up`, text: plain(':+1: Helpful', LIMITS.buttonText), value: encodeFeedback({ ...feedback, r: 'up' }) },
      { type: 'button', action_id: `${ACTION.feedbackPrefix}down`, text: plain(':-1: Not helpful', LIMITS.buttonText), value: encodeFeedback({ ...feedback, r: 'down' }) },
    );
  }
  if (options.shareable && answer.kind !== 'error') {
    elements.push({ type: 'button', action_id: ACTION.share, style: 'primary', text: plain('Share in channel', LIMITS.buttonText), value: encodeShare({ a: answerId, q: answer.question, k: answer.kind }) });
  }
  if (!elements.length) return null;
  return { type: 'actions', block_id: truncate(`answer:${answerId}`, LIMITS.blockId), elements: elements.slice(0, LIMITS.actionsElements) };
}

/**
 * An Answer as Block Kit: the answer text, the citations as compact context lines, "Show source",
 * 👍/👎 and (optionally) "Share in channel". Pure; stays inside Slack's limits however long the answer.
 */
export function renderAnswerBlocks(answer: Answer, options: AnswerRenderOptions = {}): types.KnownBlock[] {
  const maxBlocks = Math.max(3, options.maxBlocks ?? LIMITS.messageBlocks);
  const answerId = options.answerId ?? answer.id;
  const head: types.KnownBlock[] = [];
  if (options.askedBy) head.push(context(`<@${options.askedBy}> asked: _${escapeMrkdwn(truncate(answer.question, 300))}_`));
  if (options.sharedBy) head.push(context(`Shared by <@${options.sharedBy}>`));
  const after: types.KnownBlock[] = [];
  if (answer.kind === 'not_found' && !/democratic services/i.test(answer.answer)) after.push(context(NOT_FOUND_SUGGESTION));
  if (answer.kind === 'error' && options.hint) after.push(context(escapeMrkdwn(options.hint)));
  const notes = answer.notes.length ? [context(...answer.notes.map((n) => `:information_source: ${escapeMrkdwn(n)}`))] : [];
  const actions = options.interactive !== false && answerId ? actionsBlock(answer, answerId, options) : null;
  const fixed = head.length + after.length + notes.length + (actions ? 1 : 0);
  const sections = answerSections(answer, maxBlocks - fixed - (answer.citations.length ? 1 : 0));
  const citations = citationBlocks(answer.citations, maxBlocks - fixed - sections.length);
  return [...head, ...sections, ...after, ...citations, ...notes, ...(actions ? [actions] : [])];
}

/** The answer as a whole message: blocks plus a plain `text` for notifications and old clients. */
export function renderAnswerMessage(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage {
  return { text: truncate(markdownToPlain(answer.answer.trim() || '(no answer)'), LIMITS.messageText), blocks: renderAnswerBlocks(answer, options) };
}

/** A one-sentence message (pending, usage, refusal or failure) with no blocks. */
export function renderNotice(text: string): SlackMessage {
  return { text: truncate(text, LIMITS.messageText) };
}
