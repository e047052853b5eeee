import { cleanText } from '../parse/clean-text.js';
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/search.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
import { answerType, hasAnswerType, keyTerms, type AnswerType } from './question-terms.js';
import { splitSentences, type Span } from './split-sentences.js';

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
  score: number;
}

/** Below this share of the question's (idf-weighted) key terms in the best passages, the papers do not answer it. */
export const MIN_EVIDENCE = 0.55;
const TOP_PASSAGES = 6;
const MAX_STATEMENTS = 3;

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

function weight(termsList: Iterable<string>, idf: (t: string) => number): number {
  let w = 0;
  for (const t of termsList) w += idf(t);
  return w;
}

/** The share of the question's weighted key terms that the best passages contain. */
export function evidenceFor(key: readonly string[], hits: readonly SearchHit[], idf: (t: string) => number): number {
  if (!key.length) return hits.length ? 1 : 0;
  const total = weight(key, idf);
  let best = 0;
  for (const hit of hits.slice(0, 3)) {
    const present = new Set(terms(hit.chunk.indexText));
    best = Math.max(best, weight(key.filter((t) => present.has(t)), idf) / total);
  }
  return best;
}

function candidates(hits: readonly SearchHit[], key: readonly string[], type: AnswerType, idf: (t: string) => number): Candidate[] {
  const total = weight(key, idf) || 1;
  const out: Candidate[] = [];
  hits.slice(0, TOP_PASSAGES).forEach((hit, rank) => {
    const contextTerms = new Set(terms(hit.chunk.indexText));
    const chunkCover = weight(key.filter((t) => contextTerms.has(t)), idf) / total;
    for (const span of splitSentences(hit.chunk.text)) {
      const text = hit.chunk.text.slice(span.start, span.end);
      const own = new Set(terms(text));
      const covered = new Set(key.filter((t) => own.has(t)));
      let score = weight(covered, idf) / total + 0.35 * chunkCover - 0.05 * rank;
      if (type !== 'any') score += hasAnswerType(text, type) ? 0.2 : -0.2;
      if (text.length > 450) score -= 0.1;
      out.push({ hit, rank, span, text, covered, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/** A sentence that ends with a colon introduces the list after it: take the list too. */
function withFollowingList(c: Candidate): Span {
  if (!/:\s*$/.test(c.text)) return c.span;
  const spans = splitSentences(c.hit.chunk.text);
  const i = spans.findIndex((s) => s.start === c.span.start);
  let end = c.span.end;
  for (const s of spans.slice(i + 1, i + 5)) {
    if (s.start - end > 40 || s.end - c.span.start > 600) break;
    end = s.end;
  }
  return { ...c.span, end };
}

function placeLabel(c: Citation): string {
  const date = c.meetingDate ? new Date(`${c.meetingDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null;
  return [c.council, c.committee, date].filter(Boolean).join(', ');
}

/**
 * Composes a short answer from the sentences of the top passages that answer the question, each
 * followed by its citation number; "not found" when the passages do not cover the question.
 */
export function extractiveAnswer(question: string, hits: readonly SearchHit[], idf: (t: string) => number, latest = false): DraftAnswer {
  const key = keyTerms(question);
  const type = answerType(question);
  const evidence = evidenceFor(key, hits, idf);
  const ranked = candidates(hits, key, type, idf);
  const best = ranked[0];
  if (!best || evidence < MIN_EVIDENCE || (type !== 'any' && !hasAnswerType(best.text, type) && !/:\s*$/.test(best.text))) {
    return { kind: 'not_found', answer: NOT_FOUND_TEXT, citations: [], evidence };
  }
  const chosen: Candidate[] = [best];
  const covered = new Set(best.covered);
  for (const c of ranked.slice(1)) {
    if (chosen.length >= MAX_STATEMENTS || c.score < best.score * 0.6) break;
    const adds = [...c.covered].filter((t) => !covered.has(t));
    const duplicate = chosen.some((x) => x.hit.chunk.dupKey === c.hit.chunk.dupKey && Math.abs(x.span.start - c.span.start) < 5);
    const sameFact = chosen.some((x) => cleanText(x.text) === cleanText(c.text));
    if (duplicate || sameFact || (!adds.length && c.score < best.score * 0.85)) continue;
    chosen.push(c);
    adds.forEach((t) => covered.add(t));
  }
  const citations: Citation[] = [];
  const statements = chosen.map((c) => {
    const span = withFollowingList(c);
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
