import { cleanText } from '../parse/clean-text.js';
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import { looksLikeInjection } from './injection.js';
import { splitSentences, type Span } from './split-sentences.js';
import { COMMON_ACRONYMS } from '../understand/common-acronyms.js';

/**
 * A text's terms with the words of the common short forms it uses ("the AGM" holds annual, general,
 * meeting): a question typed with the short form is read spelled out, and papers write either.
 */
function withShortFormWords(text: string, list: readonly string[]): Set<string> {
  const set = new Set(list);
  for (const m of text.matchAll(/\b[A-Z][A-Z&]{1,5}(?=s?\b)/g)) {
    const expansion = COMMON_ACRONYMS[m[0]];
    if (expansion) for (const t of terms(expansion)) set.add(t);
  }
  return set;
}

/** What a passage's sentences say of themselves, read once per passage and reused by every question. */

/** A cause stated outright ("because", "due to", "driven by"), not only a purpose or a "since". */
const CAUSE_SENTENCE = /\bbecause\b|\bdue to\b|\bas a result of\b|\bdriven by\b|\bowing to\b|\bresult(?:ed|ing)? (?:of|from)\b|\bcaused by\b|\battributable\b|\barising from\b/i;
export const REASON_SENTENCE = /\bbecause\b|\bdue to\b|\bas a result of\b|\bdriven by\b|\bmainly\b|\bprimarily\b|\blargely\b|\breflect(?:s|ing|ed)?\b|\bowing to\b|\bresult(?:ed|ing)? (?:of|from)\b|\bcaused by\b|\battributable\b|\barising from\b|\bsince\b|\bfollowing\b|\bin order to\b|\bso (?:as to|that)\b|\bto (?:ensure|reduce|improve|address|enable|better|avoid|prevent)\b/i;
export const DECISION_SENTENCE = /\bresolved\b|\bapprove[sd]?\b|\bagreed\b|\bauthori[sz]e[sd]?\b|\bdecided\b|\bnoted\b|\bendorse[sd]?\b|\bnot approved\b/i;
export const VOTE_SENTENCE = /\bvot(?:e|ed|es|ing)\b|\bunanimous(?:ly)?\b|\bcarried\b(?! out)|\bfell\b|\babstain\w*|\bnem\.? con\b/i;

export type Chunk = SearchHit['chunk'];
const chunkTerms = new WeakMap<Chunk, ReadonlySet<string>>();
const chunkSpans = new WeakMap<Chunk, Span[]>();
const chunkSentences = new WeakMap<Chunk, Sentence[]>();

/** What the reader needs of a sentence that does not depend on the question, worked out once per passage. */
export interface Sentence {
  span: Span;
  text: string;
  /** Its terms in order (for phrases) and as a set. */
  list: string[];
  set: ReadonlySet<string>;
  /** Addressed to an AI, or the header row of its table: never an answer. */
  skip: boolean;
  /** Its cleaned text: the same sentence reprinted elsewhere has the same. */
  clean: string;
  reason: boolean;
  /** The reason is a cause stated outright. */
  cause: boolean;
  vote: boolean;
  decision: boolean;
}

export function readSentences(chunk: Chunk): Sentence[] {
  let out = chunkSentences.get(chunk);
  if (out) return out;
  out = sentencesOf(chunk).map((span) => {
    const text = withoutFurniture(chunk, span.start, span.end);
    const list = terms(text);
    const header = span.row && chunk.tableHeader !== null && cleanText(text).split('\t').map((c) => c.trim()).filter(Boolean).join(' | ') === chunk.tableHeader;
    return { span, text, list, set: withShortFormWords(text, list), skip: looksLikeInjection(text) || header, clean: cleanText(text), reason: REASON_SENTENCE.test(text), cause: CAUSE_SENTENCE.test(text), vote: VOTE_SENTENCE.test(text), decision: DECISION_SENTENCE.test(text) };
  });
  chunkSentences.set(chunk, out);
  return out;
}

/** A passage's index terms, worked out once per passage (the store keeps its passages between questions). */
export function indexTermsOf(chunk: Chunk): ReadonlySet<string> {
  let set = chunkTerms.get(chunk);
  if (!set) chunkTerms.set(chunk, (set = withShortFormWords(chunk.indexText, terms(chunk.indexText))));
  return set;
}

/** A passage's sentences, split once per passage. */
export function sentencesOf(chunk: Chunk): Span[] {
  let spans = chunkSpans.get(chunk);
  if (!spans) chunkSpans.set(chunk, (spans = splitSentences(chunk.text, furnitureTest(chunk))));
  return spans;
}

const chunkFurniture = new WeakMap<Chunk, Array<[number, number]>>();

/**
 * A passage's page furniture: the spans of its lines that its index text leaves out (page numbers,
 * running headers and footers, all short, which ingest drops from what is searched).
 */
function furnitureOf(chunk: Chunk): Array<[number, number]> {
  let spans = chunkFurniture.get(chunk);
  if (!spans) {
    spans = [];
    const kept = new Set(chunk.indexText.split('\n').map((l) => cleanText(l).trim()));
    for (let at = 0; at < chunk.text.length; ) {
      const next = chunk.text.indexOf('\n', at);
      const end = next < 0 ? chunk.text.length : next;
      const line = cleanText(chunk.text.slice(at, end)).trim();
      if (line && line.length <= 80 && !kept.has(line)) spans.push([at, end]);
      at = end + 1;
    }
    chunkFurniture.set(chunk, spans);
  }
  return spans;
}

/** A line of a passage (as `splitSentences` hands it) that is page furniture. */
function furnitureTest(chunk: Chunk): (line: string) => boolean {
  const lines = new Set(furnitureOf(chunk).map(([a, b]) => chunk.text.slice(a, b)));
  return (line) => lines.has(line);
}

/** A span of a passage without the page furniture inside it (a sentence that runs over a page break). */
export function withoutFurniture(chunk: Chunk, start: number, end: number): string {
  let out = '';
  let at = start;
  for (const [a, b] of furnitureOf(chunk)) {
    if (b <= at || a >= end) continue;
    out += chunk.text.slice(at, a);
    at = Math.min(end, b);
  }
  return out + chunk.text.slice(at, end);
}
