import { indexTermsOf } from '../answer/reader-sentences.js';
import { hasAnswerType, matchedTerms } from '../answer/question-terms.js';
import type { QuestionReading } from '../understand/read-question.js';
import type { SearchHit, TermStats } from './passage-store.js';

/**
 * The reranker's tunable numbers. Fusion ranks passages by where they stand in two rankings; the
 * reranker reads each of the best of them against the question: how much of the question's
 * (rarity-weighted) words it holds, and whether it holds the kind of fact asked for.
 */
export const RERANK_WEIGHTS = {
  /** Fused passages read again. */
  candidates: 40,
  /** Weight of the passage's share of the question's weighted key terms, against the fused score (1 at the top). */
  cover: 1.5,
  /** Holding the kind of fact asked for (an amount, a date, a person…). */
  typed: 0.15,
  /** Cap on one term's weight, so that one rare word does not decide alone. */
  maxTermWeight: 6,
} as const;

/** Passages reordered by fused rank, coverage of the question and the kind of fact they hold. */
export function rerank(hits: readonly SearchHit[], reading: QuestionReading, stats: TermStats): SearchHit[] {
  const W = RERANK_WEIGHTS;
  const top = hits[0]?.score ?? 0;
  if (!top || !reading.terms.length) return [...hits];
  const weightOf = (t: string): number => (stats.known(t) ? Math.min(W.maxTermWeight, stats.idf(t)) : 0);
  const total = reading.terms.reduce((a, t) => a + weightOf(t), 0);
  if (!total) return [...hits];
  const head = hits.slice(0, W.candidates).map((hit) => {
    let matched = 0;
    for (const [t, f] of matchedTerms(reading.terms, indexTermsOf(hit.chunk))) matched += f * weightOf(t);
    const typed = reading.type !== 'any' && reading.type !== 'yesno' && hasAnswerType(hit.chunk.text, reading.type);
    return { hit, value: hit.score / top + W.cover * (matched / total) + (typed ? W.typed : 0) };
  });
  head.sort((a, b) => b.value - a.value);
  return [...head.map((h) => h.hit), ...hits.slice(W.candidates)];
}
