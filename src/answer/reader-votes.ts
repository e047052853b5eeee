/** Which vote lines answer a question about a decision: those on the question's subject. */
import type { SearchHit } from '../retrieve/passage-store.js';
import { READER_WEIGHTS } from './reader-weights.js';
import { ASPECT_WORDS, weight, passageCover, type Candidate, type Weigh, type Want } from './reader-candidates.js';

/**
 * The vote lines on the question's subject: in the passage with vote lines that best covers the subject
 * (its words other than the vote), the first ones after the statement chosen from it (or its best
 * sentence): minutes record the vote below the discussion.
 */
export function subjectVotes(ranked: readonly Candidate[], chosen: readonly Candidate[], want: Want, w: Weigh): Candidate[] {
  const subject: Want = { ...want, terms: want.terms.filter((t) => !ASPECT_WORDS.vote.has(t)) };
  let best: { hit: SearchHit; value: number } | null = null;
  const seen = new Set<string>();
  for (const c of ranked) {
    if (!c.vote || seen.has(c.hit.chunk.id)) continue;
    seen.add(c.hit.chunk.id);
    const value = passageCover(c.hit, subject, w) - READER_WEIGHTS.rankPenalty * c.rank;
    if (!best || value > best.value) best = { hit: c.hit, value };
  }
  if (!best) return [];
  const id = best.hit.chunk.id;
  const anchor = chosen.find((c) => c.hit.chunk.id === id && !c.vote) ?? ranked.find((c) => c.hit.chunk.id === id && !c.vote);
  const votes = ranked.filter((c) => c.vote && c.hit.chunk.id === id);
  const at = anchor?.span.start ?? 0;
  const after = votes.filter((c) => c.span.start > at).sort((a, b) => a.span.start - b.span.start);
  const before = votes.filter((c) => c.span.start <= at).sort((a, b) => b.span.start - a.span.start);
  const inOrder = [...after, ...before];
  // Minutes may name the recommendation a vote was on only by its number ("recommendation 3 FELL"): the vote
  // on the subject is the one whose numbered recommendation in the same paper speaks of it best.
  const subjectTerms = new Set(subject.terms);
  const coverOf = new Map<string, number>();
  for (const c of ranked) {
    const n = c.vote || c.hit.chunk.source !== best.hit.chunk.source ? null : recommendationNumber(c);
    if (!n) continue;
    const value = weight([...c.covered.keys()].filter((t) => subjectTerms.has(t)), w);
    coverOf.set(n, Math.max(coverOf.get(n) ?? 0, value));
  }
  const onSubject = (c: Candidate): number => coverOf.get(/\brecommendations?\s+(\d+[a-z]?)\b/i.exec(c.text)?.[1]?.toLowerCase() ?? '') ?? -1;
  const top = Math.max(-1, ...inOrder.map(onSubject));
  // The votes on that recommendation (and on an amendment to it), not those on the other numbered ones.
  const own = top > 0 ? inOrder.filter((c) => onSubject(c) === top || (onSubject(c) < 0 && /\bamendment\b/i.test(c.text))) : inOrder;
  return own.slice(0, READER_WEIGHTS.subjectVotes);
}

/** The number of the recommendation a sentence is ("3. Authorise the Executive Director…", "Recommendation 5 - …"), or null. */
function recommendationNumber(c: Candidate): string | null {
  const text = c.hit.chunk.text;
  const lineStart = text.lastIndexOf('\n', c.span.start - 1) + 1;
  const marker = /^[ \t]*\(?(\d{1,2}[a-z]?)[.)][ \t]*$/i.exec(text.slice(lineStart, c.span.start)) ?? /^\s*(\d{1,2}[a-z]?)[.)]\s/i.exec(c.text);
  const named = /^\s*recommendations?\s+(\d{1,2}[a-z]?)\b/i.exec(c.text);
  return (marker?.[1] ?? named?.[1])?.toLowerCase() ?? null;
}
