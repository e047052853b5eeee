import { cleanText } from '../parse/clean-text.js';
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import type { QuestionReading } from '../understand/read-question.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
import { matchedTerms, statedFigures, statedValues } from './question-terms.js';
import type { Glossary } from '../extract/mine-glossary.js';
import { DECISION_SENTENCE, indexTermsOf, readSentences, withoutFurniture } from './reader-sentences.js';
import { periodTermsOf, shortFormsOf, spells, termsWithShortForms, withPeriodTerms, type PeriodWords, type ShortForm } from './reader-words.js';
import { READER_WEIGHTS } from './reader-weights.js';
import { weigher, weight, candidates, clauseCandidates, headingLike, headingsOf, type Candidate, type Weigh, type Want } from './reader-candidates.js';
import { display, withListContext, withParagraph, listRunOn, mergeOverlaps, introduces } from './reader-spans.js';
import { subjectVotes } from './reader-votes.js';

export interface DraftAnswer {
  kind: 'answer' | 'not_found';
  answer: string;
  citations: Citation[];
  /** How much of the question the best passages cover (0..1), for the log and tuning. */
  evidence: number;
  /** Why the reader declined, for the log and tuning. */
  declined?: 'little evidence' | 'no statement' | 'key entity absent' | 'figures absent' | 'short question not covered' | 'statements cover little of the question';
}

export const NOT_FOUND_TEXT =
  "I can't find this in the committee papers I have indexed. Democratic Services, or the officer named on the relevant report, may be able to help.";

/** The share of the question's weighted key terms that the best passages contain. */
function evidenceFor(key: readonly string[], hits: readonly SearchHit[], w: Weigh, forms: readonly ShortForm[], period: PeriodWords): number {
  if (!key.length) return hits.length ? 1 : 0;
  const total = weight(key, w);
  let best = 0;
  const top = hits.slice(0, READER_WEIGHTS.evidencePassages);
  const termsOf = (hit: SearchHit): Set<string> => withPeriodTerms(termsWithShortForms(hit.chunk.indexText, forms, READER_WEIGHTS.minInitials, indexTermsOf(hit.chunk)), hit.chunk.indexText, period);
  for (const hit of top) best = Math.max(best, weight(matchedTerms(key, termsOf(hit)), w) / total);
  // A question about one paper may be answered across its passages (a decision in one, its vote in the next).
  const bySource = new Map<string, Set<string>>();
  for (const hit of top) {
    const set = bySource.get(hit.chunk.source) ?? new Set<string>();
    for (const t of termsOf(hit)) set.add(t);
    bySource.set(hit.chunk.source, set);
  }
  for (const set of bySource.values()) best = Math.max(best, READER_WEIGHTS.acrossPassages * (weight(matchedTerms(key, set), w) / total));
  return best;
}

function placeLabel(c: Citation): string {
  const date = c.meetingDate
    ? new Date(`${c.meetingDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : null;
  return [c.council, c.committee, date].filter(Boolean).join(', ');
}

const usable = (c: Candidate): boolean => c.typed || introduces(c.text);

/** A heading or caption names a topic without stating anything. */
const isHeading = (c: Candidate): boolean => headingLike(c.hit.chunk.text, c.span, c.text);

/** Whether one statement states no figure the other does not ("by 11 March" and "no later than 11th March"): one fact said twice. */
function restates(a: Candidate, b: Candidate): boolean {
  const x = statedValues(a.text);
  const y = statedValues(b.text);
  if (!x.size || !y.size) return false;
  const within = (p: Set<string>, q: Set<string>): boolean => [...p].every((v) => q.has(v));
  return within(x, y) || within(y, x);
}

/**
 * One statement per part of a compound question, so that the parts together are best answered: each
 * part's few best sentences are tried, and a sentence given for two parts counts only partly for the
 * second ("how many members, and how many make it quorate?" wants two sentences, not one twice).
 */
function clausePicks(perClause: readonly Candidate[][], same: (a: Candidate, b: Candidate) => boolean): Candidate[] {
  const W = READER_WEIGHTS;
  const options = perClause.map((ranked) => {
    const top = ranked[0]?.score ?? 0;
    const out: Candidate[] = [];
    for (const c of ranked) {
      if (out.length >= W.clauseOptions) break;
      if (usable(c) && c.score >= top - W.typedTrail && !out.some((o) => same(o, c))) out.push(c);
    }
    return out;
  });
  let best: { picks: Candidate[]; value: number } = { picks: [], value: -Infinity };
  const walk = (i: number, picks: Candidate[], value: number): void => {
    if (i === options.length) {
      if (value > best.value) best = { picks: [...picks], value };
      return;
    }
    if (!options[i]!.length) return walk(i + 1, picks, value);
    for (const c of options[i]!) {
      const shared = picks.some((p) => same(p, c) || restates(p, c));
      picks.push(c);
      walk(i + 1, picks, value + (shared ? W.sharedPick * c.score : c.score));
      picks.pop();
    }
  };
  walk(0, [], 0);
  return best.picks;
}

/**
 * Picks the statements so that the question is covered: the best sentence of the kind wanted, the best
 * for each part of a compound question, then sentences that add key terms not yet covered (or continue
 * a chosen sentence), and the reason when the question asks why.
 */
function choose(ranked: readonly Candidate[], perClause: readonly Candidate[][], want: Want, w: Weigh): Candidate[] {
  const W = READER_WEIGHTS;
  const top = ranked[0];
  if (!top) return [];
  const typedBest = ranked.find((c) => usable(c) && !isHeading(c)) ?? ranked.find(usable);
  // No statement of the kind asked for near the best: only a question in parts, whose parts choose their own, goes on.
  const chosen: Candidate[] = typedBest && typedBest.score >= top.score - W.typedTrail ? [typedBest] : [];
  if (!chosen.length && !perClause.length) return [];
  const same = (a: Candidate, b: Candidate): boolean => (a.hit.chunk.id === b.hit.chunk.id && a.span.start < b.span.end && b.span.start < a.span.end) || a.clean === b.clean;
  const taken = (c: Candidate): boolean => chosen.some((x) => same(x, c));
  for (const pick of clausePicks(perClause, same)) if (!taken(pick) && chosen.length < W.maxStatements) chosen.push(pick);
  const best = chosen[0];
  if (!best) return [];
  const total = weight(want.terms, w) || 1;
  const covered = new Map<string, number>();
  const cover = (c: Candidate): void => {
    for (const [t, f] of c.covered) covered.set(t, Math.max(covered.get(t) ?? 0, f));
  };
  chosen.forEach(cover);
  const gainOf = (c: Candidate): number => {
    let g = 0;
    for (const [t, f] of c.covered) g += Math.max(0, f - (covered.get(t) ?? 0)) * w(t);
    return g / total;
  };
  const continues = (c: Candidate): boolean => chosen.some((x) => x.hit.chunk.id === c.hit.chunk.id && c.span.start >= x.span.end && c.span.start - x.span.end < 4);
  while (chosen.length < W.maxStatements) {
    let pick: Candidate | null = null;
    let pickValue = 0;
    for (const c of ranked) {
      if (taken(c) || isHeading(c)) continue;
      const follows = continues(c) && (c.typed || want.type === 'any');
      if (c.score < best.score * (follows ? W.continueShare : W.keepShare)) continue;
      const gain = gainOf(c);
      if (!c.typed && !follows && !perClause.length) continue;
      if (gain < W.minGain && !follows) continue;
      const value = gain + (follows ? W.minGain : 0) + 0.1 * c.score;
      if (value > pickValue) {
        pick = c;
        pickValue = value;
      }
    }
    if (!pick) break;
    chosen.push(pick);
    cover(pick);
  }
  if (want.vote) {
    // The vote that answers is the one on the question's subject: the vote lines of the passage that
    // best covers the subject replace any vote taken on another item.
    const own = subjectVotes(ranked, chosen, want, w);
    if (own.length) {
      const kept = chosen.filter((c) => !c.vote || own.includes(c));
      chosen.length = 0;
      chosen.push(...kept.slice(0, W.maxStatements - own.filter((c) => !kept.includes(c)).length), ...own.filter((c) => !kept.includes(c)));
    }
  }
  if (want.vote && !chosen.some((c) => c.vote)) {
    // The vote on a decision is recorded under it: in the same passage, else the same item, else the same paper.
    const near = (c: Candidate, x: Candidate): number =>
      x.hit.chunk.id === c.hit.chunk.id ? 3 : x.hit.chunk.source === c.hit.chunk.source && x.hit.chunk.place.item === c.hit.chunk.place.item ? 2 : x.hit.chunk.source === c.hit.chunk.source ? 1 : 0;
    const closeness = (c: Candidate): number => Math.max(...chosen.map((x) => near(c, x)));
    const votes = ranked.filter((c) => c.vote && !taken(c) && closeness(c) > 0);
    const vote = votes.sort((a, b) => closeness(b) - closeness(a))[0];
    if (vote) chosen.length >= W.maxStatements ? (chosen[chosen.length - 1] = vote) : chosen.push(vote);
  }
  if (want.decision && !want.vote && !chosen.some((c) => c.vote)) {
    // A decision is reported with the vote that carried it, when the minutes record it beside the decision.
    // (Beside it in the paper: the vote line may close the passage before the resolution's.)
    const decided = chosen.filter((c) => DECISION_SENTENCE.test(c.text));
    const at = (c: Candidate): number => c.hit.chunk.start + c.span.start;
    const apart = (c: Candidate): number => Math.min(...decided.map((d) => (d.hit.chunk.source === c.hit.chunk.source ? Math.abs(at(d) - at(c)) : Infinity)));
    const vote = ranked.filter((c) => c.vote && !taken(c) && apart(c) <= W.voteNearChars).sort((a, b) => apart(a) - apart(b))[0];
    if (vote) chosen.length >= W.maxStatements ? (chosen[chosen.length - 1] = vote) : chosen.push(vote);
  }
  if (want.reason && !chosen.some((c) => c.reason)) {
    const reason = ranked.find((c) => c.reason && !taken(c) && chosen.some((x) => x.hit.chunk.source === c.hit.chunk.source) && c.score >= best.score * W.keepShare);
    if (reason) chosen.length >= W.maxStatements ? (chosen[chosen.length - 1] = reason) : chosen.push(reason);
  }
  return chosen;
}

/**
 * The thing a question names by its short form ("SIRO", "REACT", "LCTS"): a typed acronym the papers
 * use. Passages that mention neither it nor its spelled-out form are about something else.
 */
function keyEntity(forms: readonly ShortForm[], w: Weigh, known: (t: string) => boolean): ShortForm | null {
  let best: ShortForm | null = null;
  for (const f of forms) {
    if (!known(f.term) || w(f.term) < READER_WEIGHTS.keyEntityWeight) continue;
    if (!best || w(f.term) > w(best.term)) best = f;
  }
  return best;
}

function mentions(hit: SearchHit, entity: ShortForm): boolean {
  const ts = indexTermsOf(hit.chunk);
  // Whether a passage is about the thing at all: two initials in a row ("Grant Thornton" for GT) will do.
  return matchedTerms([entity.term], ts).size > 0 || spells(hit.chunk.indexText, ts, entity, 2);
}

/** The share of the question's weighted key terms that the chosen statements (with their headings) cover. */
function statementCover(chosen: readonly Candidate[], key: readonly string[], w: Weigh): { cover: number; missing: number } {
  const total = weight(key, w) || 1;
  const covered = new Map<string, number>();
  for (const c of chosen) {
    for (const [t, f] of c.covered) covered.set(t, Math.max(covered.get(t) ?? 0, f));
    // A statement stands under its headings: what they name, it is about.
    for (const t of matchedTerms(key, new Set(terms(headingsOf(c.hit.chunk))))) covered.set(t[0], Math.max(covered.get(t[0]) ?? 0, t[1]));
    // A sentence that introduces a list is given with the list: what its items name, it covers.
    if (introduces(c.text)) {
      const span = withListContext(c);
      const items = readSentences(c.hit.chunk).filter((s) => s.span.start >= span.start && s.span.end <= span.end).flatMap((s) => s.list);
      for (const [t, f] of matchedTerms(key, new Set(items))) covered.set(t, Math.max(covered.get(t) ?? 0, f));
    }
  }
  return { cover: weight(covered, w) / total, missing: key.filter((t) => (covered.get(t) ?? 0) < 0.5).length };
}

export interface ReaderInput {
  reading: QuestionReading;
  hits: readonly SearchHit[];
  idf: (t: string) => number;
  known: (t: string) => boolean;
  /** The corpus glossary, so that a short form in the question is found spelled out in the papers. */
  glossary?: Glossary;
  /** The council a passage's paper is of (its label, else its file name's), or null when unknown. */
  councilOf?: (chunk: SearchHit['chunk']) => string | null;
}

/**
 * Composes a short answer from the sentences of the top passages that answer the question, each
 * followed by its citation number; "not found" when the passages do not cover the question.
 */
export function extractiveAnswer({ reading, hits, idf, known, glossary = {}, councilOf = (c) => c.place.council }: ReaderInput): DraftAnswer {
  const W = READER_WEIGHTS;
  const key = reading.terms;
  const w = weigher(idf, known, reading);
  const forms = shortFormsOf(reading, glossary);
  const period = periodTermsOf(reading.scope.periods);
  const evidence = evidenceFor(key, hits, w, forms, period);
  const enough = evidence >= W.minEvidence || (key.length >= 6 && evidence >= W.minEvidence - W.longQuestionSlack);
  const want: Want = { periods: reading.scope.periods, terms: key, pairs: reading.pairs, type: reading.type, counted: reading.counted, reason: reading.wantsReason, vote: reading.wantsVote, decision: reading.wantsDecision, response: reading.wantsResponse, latest: reading.scope.latest, forms, period, committees: reading.scope.committees };
  const perClause = clauseCandidates(reading, hits, w, { forms, period });
  const decline = (declined: DraftAnswer['declined']): DraftAnswer => ({ kind: 'not_found', answer: NOT_FOUND_TEXT, citations: [], evidence, declined });
  if (!enough) return decline('little evidence');
  let chosen = choose(candidates(hits, want, w), perClause, want, w);
  // One council's papers answer a question that names at most one: statements from another council's
  // papers answer something else ("how many members sit on it?" is about the first part's committee).
  // The council is that of the best-ranked passage among the statements: the one search found closest to the question.
  const anchor = [...chosen].sort((a, b) => a.rank - b.rank)[0];
  const council = anchor && councilOf(anchor.hit.chunk);
  if (council && reading.scope.councils.length < 2) chosen = chosen.filter((c) => (councilOf(c.hit.chunk) ?? council) === council);
  // Headings and a table's header row name what follows; alone, they state nothing.
  if (!chosen.length || chosen.every(isHeading)) return decline('no statement');
  // The question's most specific word names what it is about: passages without it answer something else.
  // A proper name the question uses ("the Values and Ethics Sub-Committee") names its subject as a short form does.
  const names: ShortForm[] = reading.names.flatMap((n) => terms(n).filter((t) => key.includes(t)).map((t) => ({ term: t, letters: '', spelled: [] })));
  const entity = keyEntity([...forms, ...names], w, known);
  // A passage inside a paper about the thing need not repeat its short form: a passage close by in the same
  // paper may name it. A name the question spells out must be in the passage (its text or headings).
  const about = (c: Candidate): boolean => entity!.letters !== '' && hits.some((h) => h.chunk.source === c.hit.chunk.source && Math.abs(h.chunk.start - c.hit.chunk.start) <= READER_WEIGHTS.entityNearChars && mentions(h, entity!));
  if (entity && !chosen.some((c) => mentions(c.hit, entity) || about(c))) return decline('key entity absent');
  // Two or more amounts or percentages the question states ("from £40 to £95") are the facts it is about: a
  // paper with none of them speaks of something else. (One may be an example: "a decision worth about £300k".)
  const figures = statedFigures(reading.text);
  if (figures.size > 1 && !chosen.some((c) => [...statedValues(c.hit.chunk.text)].some((v) => figures.has(v)))) return decline('figures absent');
  const { cover, missing } = statementCover(chosen, key, w);
  // A short question is about all of its words, and about one thing: the statements of one part of one paper
  // must cover it (the Downs Committee's creation and another committee's quorum answer neither "the Downs
  // Committee's quorum"). (A question in parts asks a little of each: its parts' own statements are checked by
  // the cover of any question.)
  if (key.length <= W.shortQuestion && reading.clauses.length < 2) {
    const partOf = (c: Candidate): string => `${c.hit.chunk.source}|${c.hit.chunk.place.section ?? c.hit.chunk.place.item ?? ''}`;
    const parts = [...new Set(chosen.map(partOf))].map((p) => statementCover(chosen.filter((c) => partOf(c) === p), key, w));
    if (!parts.some((p) => p.cover >= W.minStatementCover && p.missing <= W.maxMissingTerms)) return decline('short question not covered');
  }
  // Any question: statements that speak of little of it answer something else.
  if (cover < W.minAnyCover) return decline('statements cover little of the question');
  // Statements read in the papers' order within a passage, passages in rank order.
  chosen.sort((a, b) => a.rank - b.rank || a.span.start - b.span.start);
  const kept = mergeOverlaps(chosen.map((c) => ({ c, span: withParagraph(c, withListContext(c), key) })));
  // A list that a statement announces and that runs on past the end of its passage goes on in the next one.
  for (const k of [...kept]) {
    // (Read up to the last statement given from the same passage: the list goes on after that.)
    const end = Math.max(...kept.filter((o) => o.c.hit.chunk.id === k.c.hit.chunk.id).map((o) => o.span.end));
    const more = listRunOn(k.c, { ...k.span, end }, hits, key);
    if (more && !kept.some((o) => o.c.hit.chunk.id === more.c.hit.chunk.id)) kept.splice(kept.indexOf(k) + 1, 0, more);
  }
  const citations: Citation[] = [];
  const statements = kept.map(({ c, span }) => {
    const citation = citationFor(c.hit.chunk, span.start, span.end, citations.length + 1);
    citations.push(citation);
    const text = display(withoutFurniture(c.hit.chunk, span.start, span.end), c.hit.chunk.tableHeader, span.row);
    return { text: c.actor ? `${cleanText(c.actor)}: ${text}` : text, citation };
  });
  const sources = new Set(citations.map((c) => `${c.council}|${c.meetingDate?.slice(0, 4)}`));
  const lines = statements.map(({ text, citation }) => (sources.size > 1 && placeLabel(citation) ? `${placeLabel(citation)}: ${text} [${citation.n}]` : `${text} [${citation.n}]`));
  let answer = lines.join('\n');
  const label = sources.size === 1 ? placeLabel(citations[0]!) : '';
  if (reading.scope.latest && label) answer = `Latest papers (${label}): ${answer}`;
  // What a meeting decided or voted is said with the meeting it was: "Cabinet, 1 December 2022: RESOLVED…".
  else if ((reading.wantsDecision || reading.wantsVote) && citations[0]!.meetingDate && label) answer = `${label}: ${answer}`;
  return { kind: 'answer', answer, citations, evidence };
}
