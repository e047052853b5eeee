import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SearchHit } from '../retrieve/passage-store.js';
import { maskInjections } from './injection.js';

const PROMPTS = new URL('../../prompts/', import.meta.url);
export const SYSTEM_PROMPT = readFileSync(new URL('answer-system.md', PROMPTS), 'utf8');
const USER = readFileSync(new URL('answer-user.md', PROMPTS), 'utf8');

/**
 * Data-marking (Microsoft's "spotlighting"): inside a passage every run of white space becomes this
 * mark, so that document text reads as data and never as the conversation's own words. The model is
 * told so; its quotes are read back with the mark as a space.
 */
export const DATA_MARK = 'ˆ';

/** Passage text data-marked: instruction-like sentences masked, then white space replaced by the mark. */
export function markData(text: string): string {
  return maskInjections(text).replace(new RegExp(DATA_MARK, 'g'), ' ').trim().replace(/\s+/g, DATA_MARK);
}

/** A quote as the model copied it from a data-marked passage, with the marks read as spaces. */
export function unmarkQuote(quote: string): string {
  return quote.replace(new RegExp(`${DATA_MARK}+`, 'g'), ' ');
}

/** A metadata value on one line, with nothing that could close the block early. */
const field = (value: string | null): string => (value ? value.replace(/[\r\n<>]+/g, ' ').slice(0, 200) : 'unknown');

export interface UserMessage {
  text: string;
  ids: Map<string, SearchHit>;
  /** This request's random block boundary: document text cannot contain it, so it cannot fake the end of a block. */
  boundary: string;
}

/**
 * The user message: the question, then each passage in its own delimited data block (a random
 * boundary per request, the place it comes from, its text data-marked), within the context budget.
 */
export function buildUserMessage(question: string, hits: readonly SearchHit[], history: readonly string[], budget: number, boundary = randomBytes(6).toString('hex')): UserMessage {
  const ids = new Map<string, SearchHit>();
  const blocks: string[] = [];
  let used = 0;
  for (const hit of hits) {
    if (used + hit.chunk.text.length > budget && blocks.length) break;
    const id = `P${blocks.length + 1}`;
    ids.set(id, hit);
    used += hit.chunk.text.length;
    const p = hit.chunk.place;
    const text = markData(hit.chunk.text).replaceAll(boundary, '');
    blocks.push(
      `<data-${boundary} passage="${id}" council="${field(p.council)}" committee="${field(p.committee)}" meeting="${field(p.meetingDate)}" item="${field(p.item)}">\n${text}\n</data-${boundary}>`,
    );
  }
  const text = USER.replace('{{question}}', question.replace(/\s+/g, ' '))
    .replace('{{history}}', history.length ? `Earlier questions in this conversation: ${JSON.stringify(history)}\n` : '')
    .replaceAll('{{boundary}}', boundary)
    .replace('{{mark}}', DATA_MARK)
    .replace('{{passages}}', blocks.join('\n\n'));
  return { text, ids, boundary };
}
