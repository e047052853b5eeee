import type { Logger } from './logger.js';
import { AppError, userMessageOf } from './errors.js';
import type { LoadedIndex } from './index/load-index.js';
import type { DeadlineService } from './deadlines/index.js';
import { deadlineAnswer, deadlineHelp } from './route/deadline-answer.js';
import { answerQuestion, type AskOptions, type AssistantDeps } from './route/answer-question.js';
import type { Answer, Place } from './types.js';

/** A passage with the text around it, for "Show source". */
export interface SourcePassage {
  chunkId: string;
  place: Place;
  before: string;
  text: string;
  after: string;
}

/** The one domain entry point every front end (Slack, the local page, the CLI) calls. */
export interface Assistant {
  /** Any question: routed to a deadline, a KPI look-up or the documents. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** `/kpi QUERY`: a performance indicator by reference or words. */
  kpi(query: string): Promise<Answer>;
  /** `/deadline RULE DATE` or `/deadline help`. */
  deadline(text: string): Answer;
  /** The stored passage a citation points at, with its neighbours. */
  source(chunkId: string): SourcePassage | null;
}

export interface AssistantParts {
  index: LoadedIndex;
  logger: Logger;
  deadlines: DeadlineService;
  /** Today's date; injected so that answers are testable. */
  now: () => Date;
  llm?: AssistantDeps['llm'];
}

function errorAnswer(question: string, error: unknown): Answer {
  return { question, kind: 'error', answer: userMessageOf(error), citations: [], retrieved: [], notes: [], timings: { totalMs: 0 } };
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Builds the assistant from its parts (made once in main.ts or a script). */
export function createAssistant(parts: AssistantParts): Assistant {
  const { index, logger, deadlines } = parts;
  return {
    async ask(question, options = {}) {
      const started = performance.now();
      try {
        const today = isoDay(parts.now());
        const due = deadlines.answerQuestion(question, today);
        if (due) return deadlineAnswer(question, due, performance.now() - started, options.id);
        return await answerQuestion({ index, logger, llm: parts.llm }, question, options);
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'question failed');
        return { ...errorAnswer(question, error), ...(options.id === undefined ? {} : { id: options.id }) };
      }
    },
    async kpi(query) {
      // TODO(#4): structured KPI records; until then the documents answer.
      return this.ask(query);
    },
    deadline(text) {
      const started = performance.now();
      const words = text.trim().split(/\s+/).filter(Boolean);
      if (!words.length || /^(help|list|rules|\?)$/i.test(words[0]!)) return deadlineHelp(text, deadlines.listRules());
      try {
        const [rule, ...date] = words;
        const result = deadlines.compute(rule!.toLowerCase(), date.join(' ') || 'today', isoDay(parts.now()));
        return deadlineAnswer(text, result, performance.now() - started);
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'deadline failed');
        return errorAnswer(text, error);
      }
    },
    source(chunkId) {
      const i = index.chunks.findIndex((c) => c.id === chunkId);
      if (i < 0) return null;
      const chunk = index.chunks[i]!;
      const near = (j: number): string => (index.chunks[j]?.source === chunk.source ? index.chunks[j]!.text : '');
      return { chunkId, place: chunk.place, before: near(i - 1), text: chunk.text, after: near(i + 1) };
    },
  };
}
