/**
 * How far a chosen statement runs: a list's lead-in with its items, a paragraph run on while it carries a
 * fact, a list that goes on into the next passage; and how a statement is shown.
 */
import { cleanText } from '../parse/clean-text.js';
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import { hasAnswerType } from './question-terms.js';
import type { Span } from './split-sentences.js';
import { sentencesOf } from './reader-sentences.js';
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
 * A statement runs on through the rest of its paragraph while the next sentence carries a fact (a
 * figure, an amount, a name) or a key term, up to a length: the second half of an answer often sits
 * in the sentence after the one that matched ("…an actual loss of £83,898… The majority of the loss, £62,916, was…").
 */
export function withParagraph(c: Candidate, span: Span, key: readonly string[]): Span {
  if (span.row) return span;
  const text = c.hit.chunk.text;
  // "There are a number of identified risks…": the sentences after it that speak of them are its list.
  const announces = ANNOUNCES.test(c.text) || MANY.test(c.text);
  let end = span.end;
  let off = 0;
  for (const s of sentencesOf(c.hit.chunk)) {
    if (s.start < end || s.row) continue;
    const gap = text.slice(end, s.start);
    const next = text.slice(s.start, s.end);
    const ts = new Set(terms(next));
    const sharesKey = key.some((k) => ts.has(k));
    if (s.end - span.start > (announces ? READER_WEIGHTS.listChars : READER_WEIGHTS.paragraphChars)) break;
    if (announces) {
      // The list's items may have a sentence of mitigation between them; two such in a row end it.
      if (!sharesKey) {
        if (++off > 2) break;
        continue;
      }
      off = 0;
    } else {
      // A blank line, a new numbered paragraph or a list item ends the paragraph.
      if (/\n\s*\n/.test(gap) || /^\(?(?:\d+(?:\.\d+)*|[a-z])[.)]\s/.test(next)) break;
      if (!(hasAnswerType(next, 'number') || hasAnswerType(next, 'person') || sharesKey)) break;
    }
    end = s.end;
  }
  return { ...span, end };
}

/**
 * The start of the next passage of the same paper, when a statement announcing a list ("There are a number
 * of identified risks…") ran to the end of its own passage: the list's further items that speak of the question.
 */
export function listRunOn(c: Candidate, span: Span, hits: readonly SearchHit[], key: readonly string[]): { c: Candidate; span: Span } | null {
  const chunk = c.hit.chunk;
  if (!(ANNOUNCES.test(c.text) || MANY.test(c.text) || introduces(c.text))) return null;
  // Only when the list reached its passage's end: what follows it there says nothing more of the question.
  const rest = sentencesOf(chunk).filter((s) => s.start >= span.end);
  if (rest.length > 2 || rest.some((s) => terms(chunk.text.slice(s.start, s.end)).some((t) => key.includes(t)))) return null;
  const next = hits.find((h) => h.chunk.source === chunk.source && h.chunk.start >= chunk.end && h.chunk.start - chunk.end < 200);
  if (!next) return null;
  const sentences = sentencesOf(next.chunk).filter((s) => !s.row);
  let end = -1;
  let off = 0;
  for (const s of sentences) {
    if (s.end - (sentences[0]?.start ?? 0) > READER_WEIGHTS.listChars) break;
    const ts = new Set(terms(next.chunk.text.slice(s.start, s.end)));
    if (!key.some((k) => ts.has(k))) {
      // Mitigation between the items is read with them; two such in a row end the list.
      if (++off > 2) break;
      continue;
    }
    off = 0;
    end = s.end;
  }
  if (end < 0 || !sentences[0]) return null;
  const first = sentences[0];
  const runOn: Span = { ...first, end };
  return { c: { ...c, hit: next, span: runOn, text: next.chunk.text.slice(first.start, end) }, span: runOn };
}

export const MANY = /\b(?:a number of|several|various|two|three|four|five|key|main)\s+(?:\w+\s+){0,2}(?:risks|issues|findings|recommendations|concerns|reasons|options|changes|points|areas|actions)\b/i;

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
