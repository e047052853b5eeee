import type { AskOptions } from '../route/answer-question.js';
import type { Answer } from '../types.js';

/** What a worker needs to build the same assistant as the main thread: the same folders and settings. */
export interface WorkerInit {
  /** The worker module to run (set by the pool). */
  entry: string;
  corpusDir: string;
  indexDir: string;
  /** The environment the runtime is configured from (the main thread's, or a test's). */
  env: Record<string, string | undefined>;
}

/** The Assistant methods that run in workers: the ones that search. */
export type PooledMethod = 'ask' | 'kpi' | 'audit';

export interface TaskMessage {
  id: number;
  method: PooledMethod;
  input: string;
  options?: AskOptions;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed-to-start'; message: string; stack?: string }
  | { type: 'done'; id: number; answer: Answer }
  | { type: 'error'; id: number; code: string | null; userMessage: string | null; message: string; stack?: string };
