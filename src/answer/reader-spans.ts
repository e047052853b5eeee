/**
 * How far a chosen statement runs: a list's lead-in with its items, a paragraph run on while it carries a
 * fact, a list that goes on into the next passage; and how a statement is shown.
 */
import { cleanText } from '../parse/clean-text.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import { hasAnswerType } from './question-terms.js';
import type { Span } from './split-sentences.js';
import { readSentences, sentencesOf } from './reader-sentences.js';
import { READER_WEIGHTS } from './reader-weights.js';
import { ANNOUNCES, listItemAt, type Candidate } from './reader-candidates.js';

export function display(text: string, header: string | null, row: boolean): string {
  const clean = cleanText(text).replace(/\s+\n/g, '\n');
  if (!row) return clean.replace(/\s+/g, ' ').trim();
  const cells = clean.split('\t').map((c) => c.trim()).filter(Boolean);
  const heads = header?.split(' | ') ?? [];
  if (heads.length === cells.length) return cells.map((c, i) => `${heads[i]}: ${c}`).join('; ');
  return cells.join(' | ');
}

/**
 * A sentence that ends with a colon introduces the list after it: take the list too. A list item
 * means little without the sentence that introduces it: take that sentence too.
 */
export function withListContext(c: Candidate): Span {
  const spans = sentencesOf(c.hit.chunk);
  const i = spans.findIndex((s) => s.start === c.span.start);
  const lead = spans[i - 1];
  const text = c.hit.chunk.text;
  if (lead && /:\s*$/.test(text.slice(lead.start, lead.end)) && c.span.start - lead.end < 40) return { ...c.span, start: lead.start };
  // An item further down a list still needs its lead-in ("…will be responsible for the following functions:").
  if (listItemAt(text, c.span.start)) {
    for (let j = i - 1; j >= 0 && c.span.start - spans[j]!.start <= READER_WEIGHTS.listLeadChars; j--) {
      const s = spans[j]!;
      if (/:\s*$/.test(text.slice(s.start, s.end))) return { ...c.span, start: s.start };
      if (!listItemAt(text, s.start)) break;
    }
  }
  if (!introduces(c.text)) return c.span;
  let end = c.span.end;
  for (const s of spans.slice(i + 1, i + 6)) {
    if (s.start - end > 40 || s.end - c.span.start > 700) break;
    end = s.end;
  }
  return { ...c.span, end };
}

/**
 * Where a list announced before `from` ends in its passage: the last sentence from `from` on that speaks of
 * the question, within the list's length of `start` (a sentence of mitigation between items is read with
 * them; two such in a row end the list); -1 when none does.
 */
function announcedListEnd(chunk: Candidate['hit']['chunk'], from: number, start: number, key: readonly string[]): number {
  let end = -1;
  let off = 0;
  for (const s of readSentences(chunk)) {
    if (s.span.start < from || s.span.row) continue;
    if (s.span.end - start > READER_WEIGHTS.listChars) break;
    if (!key.some((k) => s.set.has(k))) {
      if (++off > 2) break;
      continue;
    }
    off = 0;
    end = s.span.end;
  }
  return end;
}

/** Whether a statement's span was widened back to the lead-in of the list its sentence is an item of. */
const withLeadIn = (c: Candidate, span: Span): boolean => span.start < c.span.start;

/**
 * A statement runs on through the rest of its paragraph while the next sentence carries a fact (a
 * figure, an amount, a name) or a key term, up to a length: the second half of an answer often sits
 * in the sentence after the one that matched ("…an actual loss of £83,898… The majority of the loss, £62,916, was…").
 */
export function withParagraph(c: Candidate, span: Span, key: readonly string[]): Span {
  if (span.row) return span;
  // "There are a number of identified risks…": the sentences after it that speak of them are its list.
  if (ANNOUNCES.test(c.text) || MANY.test(c.text)) return { ...span, end: Math.max(span.end, announcedListEnd(c.hit.chunk, span.end, span.start, key)) };
  // An item given with its list's lead-in ("the proper officer will: (i) …") brings the items after it that speak of the question.
  if (withLeadIn(c, span)) return { ...span, end: Math.max(span.end, announcedListEnd(c.hit.chunk, span.end, span.start, key)) };
  const text = c.hit.chunk.text;
  let end = span.end;
  for (const s of readSentences(c.hit.chunk)) {
    if (s.span.start < end || s.span.row) continue;
    if (s.span.end - span.start > READER_WEIGHTS.paragraphChars) break;
    // A blank line, a new numbered paragraph or a list item ends the paragraph.
    if (/\n\s*\n/.test(text.slice(end, s.span.start)) || /^\(?(?:\d+(?:\.\d+)*|[a-z])[.)]\s/.test(s.text)) break;
    if (!(hasAnswerType(s.text, 'number') || hasAnswerType(s.text, 'person') || key.some((k) => s.set.has(k)))) break;
    end = s.span.end;
  }
  return { ...span, end };
}

/**
 * The start of the next passage of the same paper, when a statement announcing a list ("There are a number
 * of identified risks…") ran to the end of its own passage: the list's further items that speak of the question.
 */
export function listRunOn(c: Candidate, span: Span, hits: readonly SearchHit[], key: readonly string[]): { c: Candidate; span: Span } | null {
  const chunk = c.hit.chunk;
  if (!(ANNOUNCES.test(c.text) || MANY.test(c.text) || introduces(c.text) || withLeadIn(c, span))) return null;
  // Only when the list reached its passage's end: what follows it there says nothing more of the question.
  const rest = readSentences(chunk).filter((s) => s.span.start >= span.end);
  if (rest.length > 2 || rest.some((s) => key.some((k) => s.set.has(k)))) return null;
  const next = hits.find((h) => h.chunk.source === chunk.source && h.chunk.start >= chunk.end && h.chunk.start - chunk.end < 200);
  const first = next && readSentences(next.chunk).find((s) => !s.span.row);
  if (!next || !first) return null;
  const end = announcedListEnd(next.chunk, first.span.start, first.span.start, key);
  if (end < 0) return null;
  const runOn: Span = { ...first.span, end };
  return { c: { ...c, hit: next, span: runOn, text: next.chunk.text.slice(first.span.start, end) }, span: runOn };
}

const MANY = /\b(?:a number of|several|various|two|three|four|five|key|main)\s+(?:\w+\s+){0,2}(?:risks|issues|findings|recommendations|concerns|reasons|options|changes|points|areas|actions)\b/i;

/** Statements whose spans overlap in one passage (an item taken with its lead-in, a paragraph run on into the next statement) are said once, as their union. */
export function mergeOverlaps(spans: Array<{ c: Candidate; span: Span }>): Array<{ c: Candidate; span: Span }> {
  const out: Array<{ c: Candidate; span: Span }> = [];
  for (const s of spans) {
    const into = out.find((o) => o.c.hit.chunk.id === s.c.hit.chunk.id && o.span.start < s.span.end && s.span.start < o.span.end);
    if (into) into.span = { ...into.span, start: Math.min(into.span.start, s.span.start), end: Math.max(into.span.end, s.span.end) };
    else out.push({ c: s.c, span: { ...s.span } });
  }
  return out;
}

/** A sentence that introduces what follows: a colon, or a resolution's "It was RESOLVED that;". */
export const introduces = (text: string): boolean => /:\s*$/.test(text) || /\b(?:that|as follows)\s*[;,:–—-]?\s*$/i.test(text);
