import type { Logger } from '../logger.js';
import type { LoadedIndex } from '../index/load-index.js';
import type OpenAI from 'openai';
import { clausesOf, keyTerms } from '../answer/question-terms.js';
import { extractiveAnswer, NOT_FOUND_TEXT, type DraftAnswer } from '../answer/extractive-answer.js';
import { llmAnswer, type LlmSettings } from '../answer/llm-answer.js';
import { preferOriginal } from '../answer/prefer-original.js';
import { toRetrieved } from '../answer/citations.js';
import { asksForLatest, search, type SearchFilters, type SearchHit } from '../retrieve/search.js';
import type { Answer } from '../types.js';

/** Everything a question may need; built once in main.ts or a script and passed in. */
export interface AssistantDeps {
  index: LoadedIndex;
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

const RETRIEVED = 12;
const EXPANDED = 3;

/**
 * The hits, each of the best few followed by the next passage of the same part: a paragraph that
 * answers the question often sits just after the one that matched it best.
 */
export function withNeighbours(index: LoadedIndex, hits: readonly SearchHit[]): SearchHit[] {
  const placed = new Set<number>();
  const out: SearchHit[] = [];
  hits.forEach((hit, i) => {
    if (placed.has(hit.label)) return;
    placed.add(hit.label);
    out.push(hit);
    const next = index.chunks[hit.label + 1];
    if (i < EXPANDED && next && next.source === hit.chunk.source && next.place.item === hit.chunk.place.item && !placed.has(hit.label + 1)) {
      placed.add(hit.label + 1);
      // A neighbour already among the hits moves up; otherwise it joins with a slightly lower score.
      const found = hits.find((h) => h.label === hit.label + 1);
      out.push(found ?? { ...hit, chunk: next, label: hit.label + 1, score: hit.score * 0.9 });
    }
  });
  return out;
}

/** Whether a question leans on the one before it. */
export function isFollowUp(question: string): boolean {
  const words = question.trim().split(/\s+/);
  return words.length <= 6 || /^(and|what about|how about|also|same for|what if|or)\b/i.test(question.trim()) || /\b(it|that|this|they|those|them)\b/i.test(question) && words.length <= 10;
}

/** The first few main hits, then the clause hits taken in turn (best of each clause first), then the rest. */
function interleave(main: readonly SearchHit[], perClause: readonly SearchHit[][]): SearchHit[] {
  const turns: SearchHit[] = [];
  for (let i = 0; i < Math.max(0, ...perClause.map((c) => c.length)); i++) for (const c of perClause) if (c[i]) turns.push(c[i]!);
  const out: SearchHit[] = [];
  const seen = new Set<number>();
  for (const h of [...main.slice(0, 3), ...turns, ...main.slice(3)]) {
    if (seen.has(h.label)) continue;
    seen.add(h.label);
    out.push(h);
  }
  return out;
}

/**
 * The passages for a question: the ranked hits shown as `retrieved`, and the wider pool the answer is
 * drawn from (each best hit's next passage, and the best hits of each part of a compound question).
 */
export async function retrievePool(index: LoadedIndex, question: string, options: AskOptions, latest: boolean) {
  const previous = options.history?.at(-1);
  // A short follow-up ("and for CHIS?") is searched together with the question before it.
  const query = previous && isFollowUp(question) ? `${previous} ${question}` : question;
  const hits = await search(index, query, { k: RETRIEVED, filters: options.filters, preferRecent: latest });
  const extra: SearchHit[][] = [];
  for (const clause of clausesOf(query)) {
    // The clause's content words only: its question words would only add noise to the search.
    extra.push(await search(index, keyTerms(clause).length >= 2 ? keyTerms(clause).join(' ') : clause, { k: 3, filters: options.filters, preferRecent: latest || asksForLatest(clause) }));
  }
  return { query, hits, pool: interleave(withNeighbours(index, hits), extra) };
}

/** Answers a question from the committee papers: retrieval, then an extractive answer with citations. */
export async function answerQuestion(deps: AssistantDeps, question: string, options: AskOptions = {}): Promise<Answer> {
  const started = performance.now();
  const latest = asksForLatest(question);
  const { query, hits, pool } = await retrievePool(deps.index, question, options, latest);
  const searchMs = performance.now() - started;
  let draft: Pick<DraftAnswer, 'kind' | 'answer' | 'citations'> & { evidence?: number } | null = null;
  const notes: string[] = [];
  if (deps.llm) {
    const result = await llmAnswer(deps.llm.client, deps.llm.settings, question, pool, options.history ?? [], deps.logger);
    if (result.ok) {
      draft = result.notFound
        ? { kind: 'not_found', answer: NOT_FOUND_TEXT, citations: [] }
        : { kind: 'answer', answer: result.answer, citations: result.citations };
      if (result.dropped) notes.push(`${result.dropped} citation(s) from the model did not match the papers and were removed.`);
    } else notes.push(FALLBACK_NOTES[result.reason]);
  }
  draft ??= extractiveAnswer(query, pool, deps.index.idf, deps.index.known, latest);
  const totalMs = performance.now() - started;
  deps.logger.debug(
    { evidence: draft.evidence, kind: draft.kind, cited: draft.citations.map((c) => c.chunkId), searchMs, totalMs },
    'question answered',
  );
  return {
    ...(options.id === undefined ? {} : { id: options.id }),
    question,
    kind: draft.kind,
    answer: draft.answer,
    citations: preferOriginal(deps.index, draft.citations),
    retrieved: toRetrieved(hits),
    notes,
    timings: { totalMs: Number(totalMs.toFixed(2)), searchMs: Number(searchMs.toFixed(2)) },
  };
}
