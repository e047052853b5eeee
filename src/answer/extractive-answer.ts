import { cleanText } from '../parse/clean-text.js';
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/search.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
import { answerType, countedThing, countsThing, hasAnswerType, isCompound, keyPairs, keyTerms, matchedTerms, type AnswerType } from './question-terms.js';
import { splitSentences, type Span } from './split-sentences.js';
import { clausesOf } from './question-terms.js';

export interface DraftAnswer {
  kind: 'answer' | 'not_found';
  answer: string;
  citations: Citation[];
  /** How much of the question the best passages cover (0..1), for the log and tuning. */
  evidence: number;
}

interface Candidate {
  hit: SearchHit;
  rank: number;
  span: Span;
  text: string;
  covered: Set<string>;
  typed: boolean;
  score: number;
}

/** Below this share of the question's (idf-weighted) key terms in the best passages, the papers do not answer it. */
export const MIN_EVIDENCE = 0.55;
const TOP_PASSAGES = 10;
const MAX_STATEMENTS = 3;
const MAX_WEIGHT = 6;

export const NOT_FOUND_TEXT =
  "I can't find this in the committee papers I have indexed. Democratic Services, or the officer named on the relevant report, may be able to help.";

function display(text: string, header: string | null, row: boolean): string {
  const clean = cleanText(text).replace(/\s+\n/g, '\n');
  if (!row) return clean.replace(/\s+/g, ' ').trim();
  const cells = clean.split('\t').map((c) => c.trim()).filter(Boolean);
  const heads = header?.split(' | ') ?? [];
  if (heads.length === cells.length) return cells.map((c, i) => `${heads[i]}: ${c}`).join('; ');
  return cells.join(' | ');
}

type Weigh = (t: string) => number;

/**
 * Key-term weights: rarer terms count more. A word the corpus never uses is the heart of a question the
 * papers cannot answer ("mayor's salary"), so it weighs more than the question's other words; an unknown acronym may just be
 * undefined in the papers ("GT"), so it weighs less.
 */
function weigher(idf: (t: string) => number, known: (t: string) => boolean, question: string): Weigh {
  const acronyms = new Set((question.match(/\b[A-Z][A-Z&]{1,5}s?\b/g) ?? []).map((a) => a.toLowerCase().replace(/s$/, '')));
  const knownWeights = keyTerms(question).filter(known).map((t) => Math.min(MAX_WEIGHT, idf(t)));
  const base = knownWeights.length ? knownWeights.reduce((a, b) => a + b, 0) / knownWeights.length : 3;
  return (t) => (known(t) ? Math.min(MAX_WEIGHT, idf(t)) : acronyms.has(t) ? 0.5 * base : 1.5 * base);
}

function weight(termsList: Iterable<string> | Map<string, number>, w: Weigh): number {
  let sum = 0;
  if (termsList instanceof Map) for (const [t, f] of termsList) sum += f * w(t);
  else for (const t of termsList) sum += w(t);
  return sum;
}

function phraseBonus(pairs: readonly string[], text: string): number {
  if (!pairs.length) return 0;
  const ts = terms(text);
  const have = new Set(ts.slice(1).map((t, i) => `${ts[i]} ${t}`));
  return Math.min(0.3, 0.15 * pairs.filter((p) => have.has(p)).length);
}

/** The share of the question's weighted key terms that the best passages contain. */
export function evidenceFor(key: readonly string[], hits: readonly SearchHit[], w: Weigh): number {
  if (!key.length) return hits.length ? 1 : 0;
  const total = weight(key, w);
  let best = 0;
  for (const hit of hits.slice(0, 3)) {
    best = Math.max(best, weight(matchedTerms(key, new Set(terms(hit.chunk.indexText))), w) / total);
  }
  return best;
}

function candidates(hits: readonly SearchHit[], key: readonly string[], pairs: readonly string[], type: AnswerType, w: Weigh, thing: readonly string[] = []): Candidate[] {
  const total = weight(key, w) || 1;
  const out: Candidate[] = [];
  hits.slice(0, TOP_PASSAGES).forEach((hit, rank) => {
    const chunk = hit.chunk;
    const placeTerms = terms(`${chunk.place.council ?? ''} ${chunk.place.committee ?? ''}`);
    const contextTerms = new Set([...terms(chunk.indexText), ...placeTerms]);
    const chunkCover = weight(matchedTerms(key, contextTerms), w) / total;
    const rowContext = terms(`${chunk.tableHeader ?? ''} ${chunk.place.section ?? ''} ${chunk.place.item ?? ''}`);
    const sectionTerms = new Set([...terms(chunk.place.section ?? ''), ...placeTerms]);
    let previous = new Set<string>();
    for (const span of splitSentences(chunk.text)) {
      const text = chunk.text.slice(span.start, span.end);
      if (span.row && chunk.tableHeader && cleanText(text).split('\t').map((c) => c.trim()).filter(Boolean).join(' | ') === chunk.tableHeader) continue;
      const own = new Set(terms(text));
      if (span.row) for (const t of rowContext) own.add(t);
      const matched = matchedTerms(key, own);
      // A sentence inherits half credit for what its section heading and the sentence before it say.
      const context = new Set([...sectionTerms, ...previous]);
      for (const [t, f] of matchedTerms(key, context)) if (!matched.has(t)) matched.set(t, f * 0.5);
      previous = new Set(terms(text));
      const covered = new Set([...matched].filter(([, f]) => f >= 0.6).map(([t]) => t));
      const typed =
        (type === 'any' || hasAnswerType(text, type)) &&
        (type !== 'number' || countsThing(text, thing, span.row ? `${chunk.tableHeader ?? ''}` : ''));
      let score = weight(matched, w) / total + 0.35 * chunkCover - 0.04 * rank + phraseBonus(pairs, text);
      if (type !== 'any') score += typed ? 0.2 : -0.2;
      if (text.length > 450) score -= 0.1;
      // A heading or caption states nothing.
      if (!span.row && text.length < 110 && !/[.:;!?]\s*$/.test(text)) score -= 0.2;
      out.push({ hit, rank, span, text, covered, typed, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * A sentence that ends with a colon introduces the list after it: take the list too. A list item
 * means little without the sentence that introduces it: take that sentence too.
 */
function withListContext(c: Candidate): Span {
  const spans = splitSentences(c.hit.chunk.text);
  const i = spans.findIndex((s) => s.start === c.span.start);
  const lead = spans[i - 1];
  const text = c.hit.chunk.text;
  if (lead && /:\s*$/.test(text.slice(lead.start, lead.end)) && c.span.start - lead.end < 40) {
    return { ...c.span, start: lead.start };
  }
  if (!/:\s*$/.test(c.text)) return c.span;
  let end = c.span.end;
  for (const s of spans.slice(i + 1, i + 5)) {
    if (s.start - end > 40 || s.end - c.span.start > 600) break;
    end = s.end;
  }
  return { ...c.span, end };
}

function placeLabel(c: Citation): string {
  const date = c.meetingDate
    ? new Date(`${c.meetingDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : null;
  return [c.council, c.committee, date].filter(Boolean).join(', ');
}

/** The best sentence of the kind the question wants, unless it trails the best sentence by far. */
function bestTyped(ranked: readonly Candidate[]): Candidate | null {
  const best = ranked.find((c) => c.typed || /:\s*$/.test(c.text));
  return best && best.score >= ranked[0]!.score - 0.6 ? best : null;
}

/**
 * Picks the statements: the best typed sentence for the question (and for each part of a compound
 * question), then up to MAX_STATEMENTS in all that add what the question asks.
 */
function choose(ranked: readonly Candidate[], compound: boolean, perClause: readonly Candidate[][]): Candidate[] {
  const best = bestTyped(ranked);
  if (!best) return [];
  const chosen: Candidate[] = [best];
  const repeats = (c: Candidate): boolean =>
    chosen.some((x) => (x.hit.chunk.dupKey === c.hit.chunk.dupKey && x.span.start === c.span.start) || cleanText(x.text) === cleanText(c.text));
  for (const clauseRanked of perClause) {
    // Each part of the question gets its own best sentence, not one already chosen for another part.
    const top = clauseRanked[0]?.score ?? 0;
    const pick = clauseRanked.find((c) => (c.typed || /:\s*$/.test(c.text)) && !repeats(c) && c.score >= top - 0.6);
    if (pick && chosen.length < MAX_STATEMENTS) chosen.push(pick);
  }
  const covered = new Set(best.covered);
  for (const c of ranked) {
    if (chosen.length >= MAX_STATEMENTS || c.score < best.score * 0.55) break;
    // In a two-part question the second part may want another kind of fact than the first.
    if (chosen.includes(c) || (!c.typed && !compound)) continue;
    const adds = [...c.covered].filter((t) => !covered.has(t));
    const overlaps = chosen.some((x) => x.hit.chunk.dupKey === c.hit.chunk.dupKey && x.span.start < c.span.end && c.span.start < x.span.end);
    const sameFact = chosen.some((x) => cleanText(x.text) === cleanText(c.text));
    // The sentence right after a chosen one often finishes the answer ("…£50 million… £17.8 million…").
    const follows = chosen.some((x) => x.hit.chunk.id === c.hit.chunk.id && c.span.start >= x.span.end && c.span.start - x.span.end < 4);
    if (overlaps || sameFact || (!adds.length && !follows && c.score < best.score * 0.9)) continue;
    chosen.push(c);
    adds.forEach((t) => covered.add(t));
  }
  return chosen;
}

/**
 * Composes a short answer from the sentences of the top passages that answer the question, each
 * followed by its citation number; "not found" when the passages do not cover the question.
 */
export function extractiveAnswer(
  question: string,
  hits: readonly SearchHit[],
  idf: (t: string) => number,
  known: (t: string) => boolean,
  latest = false,
): DraftAnswer {
  const key = keyTerms(question);
  const type = answerType(question);
  const w = weigher(idf, known, question);
  const evidence = evidenceFor(key, hits, w);
  const enough = evidence >= MIN_EVIDENCE || (key.length >= 6 && evidence >= MIN_EVIDENCE - 0.1);
  const perClause = clausesOf(question).map((clause) => candidates(hits, keyTerms(clause), keyPairs(clause), answerType(clause), w, countedThing(clause)));
  const chosen = enough ? choose(candidates(hits, key, keyPairs(question), type, w, countedThing(question)), isCompound(question), perClause) : [];
  if (!chosen.length) return { kind: 'not_found', answer: NOT_FOUND_TEXT, citations: [], evidence };
  const citations: Citation[] = [];
  const statements = chosen.map((c) => {
    const span = withListContext(c);
    const citation = citationFor(c.hit.chunk, span.start, span.end, citations.length + 1);
    citations.push(citation);
    return { text: display(c.hit.chunk.text.slice(span.start, span.end), c.hit.chunk.tableHeader, span.row), citation };
  });
  const sources = new Set(citations.map((c) => `${c.council}|${c.meetingDate?.slice(0, 4)}`));
  const lines = statements.map(({ text, citation }) =>
    sources.size > 1 && placeLabel(citation) ? `${placeLabel(citation)}: ${text} [${citation.n}]` : `${text} [${citation.n}]`,
  );
  let answer = lines.join('\n');
  if (latest && sources.size === 1 && placeLabel(citations[0]!)) answer = `Latest papers (${placeLabel(citations[0]!)}): ${answer}`;
  return { kind: 'answer', answer, citations, evidence };
}

/** The ranked candidate sentences for a question, for tuning scripts. */
export function debugCandidates(question: string, hits: readonly SearchHit[], idf: (t: string) => number, known: (t: string) => boolean) {
  const key = keyTerms(question);
  const w = weigher(idf, known, question);
  return { key, evidence: evidenceFor(key, hits, w), ranked: candidates(hits, key, keyPairs(question), answerType(question), w) };
}
