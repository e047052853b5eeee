import type { LoadedIndex } from '../index/load-index.js';
import type { Chunk } from '../parse/parse-document.js';
import { asksForDecision, committeesNamed, datesNamed, onNamedDate, sameCommittee, type NamedDate } from './question-scope.js';

/** How a question's scope weighs in the fused ranking. */
export const SCOPE_WEIGHTS = {
  /** Weight of each in-scope ranking (vector and keyword) in the reciprocal-rank fusion; the open rankings weigh 1. */
  lane: 1,
  /** "Latest" questions: the newest meeting's passages gain this, the next newest half as much, and so on. */
  newest: 0.3,
} as const;

/** Document types that record what a meeting decided. */
const DECISION_TYPES = new Set(['minutes', 'decision']);

/** What a question says of where its answer lies. Empty fields say nothing. */
export interface Scope {
  councils: Set<string>;
  committees: Set<string>;
  dates: NamedDate[];
  /** It asks what was decided, or who attended: minutes and decision notices. */
  decision: boolean;
}

/** Reads a question's scope against the councils and committees the index holds. */
export function readScope(index: LoadedIndex, question: string, councils: Set<string>): Scope {
  return { councils, committees: committeesNamed(index, question), dates: datesNamed(question), decision: asksForDecision(question) };
}

/**
 * Whether a passage lies in a scope. A passage whose council or committee is unknown (a constitution,
 * a policy) may be the named one's; a named meeting date needs a passage of that meeting.
 */
function inScope(chunk: Chunk, scope: Scope): boolean {
  const p = chunk.place;
  if (scope.councils.size && p.council && !scope.councils.has(p.council)) return false;
  if (scope.committees.size && p.committee && !sameCommittee(p.committee, scope.committees)) return false;
  if (scope.dates.length && !(p.meetingDate && onNamedDate(p.meetingDate, scope.dates))) return false;
  if (scope.decision && !(p.docType && DECISION_TYPES.has(p.docType))) return false;
  return true;
}

/**
 * The test for the in-scope ranking, or null when the question names no council, committee or
 * meeting date. "What was decided" narrows a named scope to its minutes; it is no scope on its own.
 */
export function scopeLane(scope: Scope): ((chunk: Chunk) => boolean) | null {
  const named = scope.councils.size || scope.committees.size || scope.dates.length;
  return named ? (chunk) => inScope(chunk, scope) : null;
}
