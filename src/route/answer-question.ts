import type { Logger } from '../logger.js';
import type OpenAI from 'openai';
import { extractiveAnswer, NOT_FOUND_TEXT, type DraftAnswer } from '../answer/extractive-answer.js';
import { llmAnswer, type LlmSettings } from '../answer/llm-answer.js';
import { preferOriginal } from '../answer/prefer-original.js';
import { toRetrieved } from '../answer/citations.js';
import type { PassageStore, SearchFilters, SearchHit, TermStats } from '../retrieve/passage-store.js';
import { readQuestion, type QuestionReading } from '../understand/read-question.js';
import { scopeRegistryOf } from '../understand/index-scope.js';
import { councilOfPassage, heldInstead, outOfScope, unheldName } from '../understand/scope-check.js';
import { dateMatches } from '../understand/question-dates.js';
import type { ScopeRegistry } from '../understand/scope-registry.js';
import type { Glossary } from '../extract/mine-glossary.js';
import type { Answer } from '../types.js';
import type { Chunk } from '../parse/parse-document.js';
import { terms } from '../index/tokenize.js';
import { rerank, RERANK_WEIGHTS } from '../retrieve/rerank.js';
import { expandQuery } from '../extract/mine-glossary.js';
import { COMMON_EXPANSIONS } from '../understand/common-acronyms.js';

/** Everything a question may need; built once in main.ts or a script and passed in. */
export interface AssistantDeps {
  store: PassageStore;
  logger: Logger;
  /** An OpenAI-compatible chat model; extractive answers when absent. */
  llm?: { client: OpenAI; settings: LlmSettings };
}

const FALLBACK_NOTES = {
  unavailable: 'The language model was unavailable, so this answer was taken directly from the papers.',
  'invalid-output': "The language model's answer could not be read, so this answer was taken directly from the papers.",
  'no-verified-citation': "The language model's answer could not be checked against the papers, so this answer was taken directly from them.",
} as const;

export interface AskOptions {
  id?: string;
  filters?: SearchFilters;
  /** Earlier questions in the same conversation, oldest first, for follow-ups. */
  history?: string[];
}

/** Retrieval's tunable numbers. */
const RETRIEVAL = {
  /** Passages returned as `retrieved`. */
  retrieved: 12,
  /** The best few hits bring the next passage of the same part. */
  expanded: 3,
  /** A neighbour joins just below the hit that brought it. */
  neighbourShare: 0.9,
  /** Passages searched per part of a compound question… */
  perClause: 3,
  /** …chosen by the reranker from this many times as many. */
  perClauseRead: 4,
  /** A part of a question is searched on its own unless these best passages already hold all its words. */
  clauseCovered: 1,
} as const;

/** A passage whose first lines are a table's title and rows: a short line, then a line of tab-separated cells or figures. */
const OPENS_ON_TABLE = /^[^\n.!?]{3,80}\n(?:[^\n]*\n){0,2}?[^\n]*(?:\t|\d{1,3},\d{3})/;

/** A passage that opens inside a list or a sentence: an item marker past the first ("(iii)", "b.", "2.", "•") or a lower-case word. */
const OPENS_MID_LIST = /^\s*(?:\(?(?:[ivx]{2,4}|v|[b-z]|[2-9]|\d{2})\)|[b-z]\.\s|(?:[2-9]|\d{2})\.\s|[-•▪◦*]\s|\p{Ll})/u;

/**
 * The hits, each of the best few followed by the next passage of the same part: a paragraph that
 * answers the question often sits just after the one that matched it best. A best hit that opens inside
 * a list brings the passage before it too, which holds the sentence that introduces the list; so does one
 * that opens on a table after a passage ending in prose, which says what the table is of.
 */
async function withNeighbours(store: PassageStore, hits: readonly SearchHit[]): Promise<SearchHit[]> {
  const placed = new Set<string>();
  const out: SearchHit[] = [];
  const join = (hit: SearchHit, near: Chunk | null): void => {
    if (!near || near.place.item !== hit.chunk.place.item || placed.has(near.id)) return;
    placed.add(near.id);
    // A neighbour already among the hits moves up; otherwise it joins with a slightly lower score.
    const found = hits.find((h) => h.chunk.id === near.id);
    out.push(found ?? { ...hit, chunk: near, score: hit.score * RETRIEVAL.neighbourShare });
  };
  for (const [i, hit] of hits.entries()) {
    if (placed.has(hit.chunk.id)) continue;
    placed.add(hit.chunk.id);
    out.push(hit);
    if (i >= RETRIEVAL.expanded) continue;
    if (OPENS_MID_LIST.test(hit.chunk.text)) join(hit, await store.adjacent(hit.chunk.id, -1));
    else if (OPENS_ON_TABLE.test(hit.chunk.text)) {
      const before = await store.adjacent(hit.chunk.id, -1);
      if (before && /[.!?]["'”’)]?\s*$/.test(before.text) && !before.text.trimEnd().split('\n').at(-1)!.includes('\t')) join(hit, before);
    }
    join(hit, await store.adjacent(hit.chunk.id, 1));
  }
  return out;
}

/** The first few main hits, then the clause hits taken in turn (best of each clause first), then the rest. */
function interleave(main: readonly SearchHit[], perClause: readonly SearchHit[][]): SearchHit[] {
  const turns: SearchHit[] = [];
  for (let i = 0; i < Math.max(0, ...perClause.map((c) => c.length)); i++) for (const c of perClause) if (c[i]) turns.push(c[i]!);
  const out: SearchHit[] = [];
  const seen = new Set<string>();
  for (const h of [...main.slice(0, 3), ...turns, ...main.slice(3)]) {
    if (seen.has(h.chunk.id)) continue;
    seen.add(h.chunk.id);
    out.push(h);
  }
  return out;
}

/**
 * The search filters a question's scope sets, on top of the front end's: the councils it names, and the
 * meetings on a day or in a month it names. `missing` says what the scope asks for that the papers lack.
 */
function scopeFilters(reading: QuestionReading, registry: ScopeRegistry, known: (term: string) => boolean, base: SearchFilters = {}): { filters: SearchFilters; missing: string | null } {
  const filters: SearchFilters = { ...base };
  if (reading.scope.councils.length) filters.councils = reading.scope.councils.flatMap((c) => registry.labelsOf(c));
  let missing: string | null = null;
  // A place, person or body the question names that no paper mentions (another council, say) is not
  // something the papers can answer about.
  const unheld = unheldName(reading, known);
  if (unheld) missing = `The papers I hold never mention “${unheld}”.`;
  else if (reading.unheldCouncils.length) missing = `The papers I hold include none from ${reading.unheldCouncils[0]}.`;
  // A date names a meeting when the words around it say so ("on 19 March", "the May 2025 meeting"), or
  // when the question asks what a committee did ("Sept 24 TCPC - did it go through?"). Otherwise it may
  // be the date of a figure ("spending in March 23"), which papers of any date report.
  const proceedings = PROCEEDINGS.test(reading.text);
  const ofMeeting = reading.scope.committees.length > 0 || proceedings;
  for (const date of reading.scope.dates) {
    if (!date.meeting && !ofMeeting) continue;
    const held = registry.meetingDates.filter((d) => dateMatches(d, date));
    const label = date.label;
    if (held.length) filters.meetingDates = [...(filters.meetingDates ?? []), ...held];
    else if (date.meeting || (reading.scope.committees.length > 0 && proceedings)) missing ??= `The papers I hold include no meeting ${date.kind === 'month' ? 'in' : 'on'} ${label}.`;
    // What happened at a meeting is in its minutes (or decision notice), not in the reports put to it.
    // (A question in parts may also ask what the reports put to it say: then minutes are preferred, not required.)
    if (held.length && date.meeting && proceedings && reading.clauses.length < 2) filters.docTypes = [...RECORD_TYPES];
  }
  return { filters, missing };
}

/** Words asking what happened at a meeting: who chaired, attended or apologised, what was decided or declared. */
const PROCEEDINGS = /\b(?:chair(?:ed|ing)|apolog\w*|attend\w*|present|substitut\w*|subs?|decid\w*|decisions?|agreed|resolv\w*|vot\w*|approv\w*|declar\w*|interests?|dois?|proposed|seconded|(?:get|got|go|goes|went) through)\b/i;
/** The document types that record a meeting's proceedings. */
const RECORD_TYPES = ['minutes', 'decision'] as const;

/**
 * The passages for a question: the ranked hits shown as `retrieved`, and the wider pool the answer is
 * drawn from (each best hit's next passage, and the best hits of each part of a compound question).
 */
export async function retrievePool(store: PassageStore, reading: QuestionReading, filters: SearchFilters) {
  const preferRecent = reading.scope.latest;
  // A committee the question names is preferred, not required: its business is also spoken of elsewhere.
  // What was decided or voted is recorded in minutes and decision notices: those are preferred too.
  const prefer: SearchFilters = {
    ...(reading.scope.committees.length ? { committees: reading.scope.committees } : {}),
    ...(reading.wantsDecision || reading.wantsVote ? { docTypes: [...RECORD_TYPES] } : {}),
  };
  const fused = await store.search(expandQuery(reading.query, COMMON_EXPANSIONS), { k: RERANK_WEIGHTS.candidates, filters, preferRecent, prefer });
  const hits = rerank(fused, reading, store).slice(0, RETRIEVAL.retrieved);
  const extra: SearchHit[][] = [];
  const found = new Set(hits.slice(0, RETRIEVAL.clauseCovered).flatMap((h) => terms(h.chunk.indexText)));
  for (const clause of reading.clauses) {
    // A part whose words the best passage already holds needs no search of its own, unless it asks for a
    // figure, a date or a person, which that passage may not state.
    if (clause.type === 'any' && clause.terms.length && clause.terms.every((t) => found.has(t))) continue;
    // The clause's content words only: its question words would only add noise to the search.
    const q = clause.terms.length >= 2 ? clause.terms.join(' ') : clause.text;
    // Read by the reranker as the part asks, as the main hits are read as the question asks.
    const clauseHits = await store.search(q, { k: RETRIEVAL.perClause * RETRIEVAL.perClauseRead, filters, preferRecent });
    extra.push(rerank(clauseHits, { ...reading, terms: clause.terms, type: clause.type }, store).slice(0, RETRIEVAL.perClause));
  }
  return { hits, pool: interleave(await withNeighbours(store, hits), extra) };
}

/** The reading of a question in its thread: each earlier question read in turn, so a follow-up inherits their scope. */
export function readInThread(question: string, history: readonly string[], registry: ScopeRegistry, ourCouncil: string | null = null, glossary: Glossary = {}, vocabulary?: TermStats): QuestionReading {
  let previous: QuestionReading | null = null;
  for (const q of history) previous = readQuestion(q, { registry, ourCouncil, previous, glossary, vocabulary });
  return readQuestion(question, { registry, ourCouncil, previous, glossary, vocabulary });
}

function notFound(reading: QuestionReading, note: string | null): Pick<DraftAnswer, 'kind' | 'answer' | 'citations'> {
  return { kind: 'not_found', answer: note ? `${NOT_FOUND_TEXT} ${note}` : NOT_FOUND_TEXT, citations: [] };
}

/** Answers a question from the committee papers: retrieval in scope, then an extractive (or model) answer with citations. */
export async function answerQuestion(deps: AssistantDeps, question: string | QuestionReading, options: AskOptions = {}): Promise<Answer> {
  const started = performance.now();
  const registry = scopeRegistryOf(deps.store);
  const reading = typeof question === 'string' ? readInThread(question, options.history ?? [], registry, null, deps.store.glossary, deps.store) : question;
  const { filters, missing } = scopeFilters(reading, registry, (t) => deps.store.known(t), options.filters);
  const { hits, pool } = await retrievePool(deps.store, reading, filters);
  const searchMs = performance.now() - started;
  // Only passages inside the question's scope may answer it; the others are what the papers hold instead.
  const inScope = pool.filter((h) => outOfScope(h.chunk, reading, registry) === null);
  let draft: (Pick<DraftAnswer, 'kind' | 'answer' | 'citations'> & { evidence?: number; declined?: DraftAnswer['declined'] }) | null = null;
  const notes: string[] = [];
  if (missing) draft = notFound(reading, missing);
  else if (!inScope.length) draft = notFound(reading, heldInstead(reading, pool.map((h) => h.chunk)));
  if (!draft && deps.llm) {
    const result = await llmAnswer(deps.llm.client, deps.llm.settings, reading.text, inScope, options.history ?? [], deps.logger);
    if (result.ok) {
      draft = result.notFound ? { kind: 'not_found', answer: NOT_FOUND_TEXT, citations: [] } : { kind: 'answer', answer: result.answer, citations: result.citations };
      if (result.dropped) notes.push(`${result.dropped} citation(s) from the model did not match the papers and were removed.`);
    } else notes.push(FALLBACK_NOTES[result.reason]);
  }
  draft ??= extractiveAnswer({ reading, hits: inScope, idf: (t) => deps.store.idf(t), known: (t) => deps.store.known(t), glossary: deps.store.glossary, councilOf: (c) => councilOfPassage(c, registry) });
  if (draft.kind === 'not_found' && draft.answer === NOT_FOUND_TEXT) {
    const instead = heldInstead(reading, pool.map((h) => h.chunk));
    if (instead) draft = { ...draft, ...notFound(reading, instead) };
  }
  const totalMs = performance.now() - started;
  deps.logger.debug({ evidence: draft.evidence, declined: draft.declined, kind: draft.kind, cited: draft.citations.map((c) => c.chunkId), searchMs, totalMs }, 'question answered');
  return {
    ...(options.id === undefined ? {} : { id: options.id }),
    question: reading.text,
    kind: draft.kind,
    answer: draft.answer,
    // A council held under two names (its Welsh and English ones) is cited under the one it is held under.
    citations: (await preferOriginal(deps.store, draft.citations)).map((c) => (c.council ? { ...c, council: registry.canonicalCouncil(c.council) } : c)),
    retrieved: toRetrieved(hits),
    notes,
    timings: { totalMs: Number(totalMs.toFixed(2)), searchMs: Number(searchMs.toFixed(2)) },
  };
}
