import type { Logger } from '../logger.js';
import type { LoadedIndex } from '../index/load-index.js';
import { extractiveAnswer } from '../answer/extractive-answer.js';
import { toRetrieved } from '../answer/citations.js';
import { asksForLatest, search, type SearchFilters } from '../retrieve/search.js';
import type { Answer } from '../types.js';

/** Everything a question may need; built once in main.ts or a script and passed in. */
export interface AssistantDeps {
  index: LoadedIndex;
  logger: Logger;
}

export interface AskOptions {
  id?: string;
  filters?: SearchFilters;
  /** Earlier questions in the same conversation, oldest first, for follow-ups. */
  history?: string[];
}

const RETRIEVED = 12;

/** Answers a question from the committee papers: retrieval, then an extractive answer with citations. */
export async function answerQuestion(deps: AssistantDeps, question: string, options: AskOptions = {}): Promise<Answer> {
  const started = performance.now();
  const latest = asksForLatest(question);
  const hits = await search(deps.index, question, { k: RETRIEVED, filters: options.filters, preferRecent: latest });
  const searchMs = performance.now() - started;
  const draft = extractiveAnswer(question, hits, deps.index.idf, latest);
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
    citations: draft.citations,
    retrieved: toRetrieved(hits),
    notes: [],
    timings: { totalMs: Number(totalMs.toFixed(2)), searchMs: Number(searchMs.toFixed(2)) },
  };
}
