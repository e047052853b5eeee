import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Assistant } from '../assistant.js';
import { AppError, userMessageOf } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AskOptions } from '../route/answer-question.js';
import type { Answer } from '../types.js';
import type { PooledMethod, TaskMessage, WorkerInit, WorkerMessage } from './pool-protocol.js';

/** Sizes of the answering pool. */
export const POOL_DEFAULTS = {
  /**
   * One worker per core but one: answering is CPU work (search), and the core left over keeps the main
   * event loop free to acknowledge Slack (measured on 2 cores: 2 workers starved it, p99 delay 225 ms; 1 worker, 56 ms).
   */
  workers: Math.max(1, availableParallelism() - 1),
  /** Calls a worker runs at once; more than one lets a worker search while another call waits on the model. */
  perWorker: 2,
  /** Calls waiting for a worker before new ones are turned away politely; about a minute of work at peak. */
  maxQueue: 200,
} as const;

export const BUSY_TEXT = 'I am answering a lot of questions just now; please try again in a minute.';

export interface PoolOptions {
  init: Omit<WorkerInit, 'entry'>;
  logger: Logger;
  workers?: number;
  perWorker?: number;
  maxQueue?: number;
}

interface Task extends TaskMessage {
  resolve(answer: Answer): void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Task>;
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL(`./assistant-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

function errorAnswer(question: string, sentence: string, id?: string): Answer {
  return { ...(id === undefined ? {} : { id }), question, kind: 'error', answer: sentence, citations: [], retrieved: [], notes: [], timings: { totalMs: 0 } };
}

/**
 * The assistant with its searching calls (ask, kpi, audit) answered off the main event loop by a
 * pool of worker threads, each holding the same assistant built from the same index folder. Calls
 * wait in a bounded queue when every worker is busy; beyond it an officer is told, politely, to try
 * again in a minute. The quick calls (deadline, RIPA form, source) stay on the main thread's own
 * assistant. A worker that dies is replaced; its calls end in the usual friendly sentence, logged.
 */
export class PooledAssistant implements Assistant {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly local: Assistant,
    private readonly options: PoolOptions & { workers: number; perWorker: number; maxQueue: number },
  ) {}

  /** Starts the workers and resolves once each has loaded the index. */
  static async start(local: Assistant, options: PoolOptions): Promise<PooledAssistant> {
    const pool = new PooledAssistant(local, {
      ...options,
      workers: Math.max(1, options.workers ?? POOL_DEFAULTS.workers),
      perWorker: Math.max(1, options.perWorker ?? POOL_DEFAULTS.perWorker),
      maxQueue: Math.max(0, options.maxQueue ?? POOL_DEFAULTS.maxQueue),
    });
    try {
      await Promise.all(Array.from({ length: pool.options.workers }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Calls running in workers and calls waiting, for the log and tests. */
  get load(): { running: number; queued: number; workers: number } {
    return { running: this.slots.reduce((n, s) => n + s.busy.size, 0), queued: this.queue.length, workers: this.slots.length };
  }

  ask(question: string, options?: AskOptions): Promise<Answer> {
    return this.run('ask', question, options);
  }
  kpi(query: string): Promise<Answer> {
    return this.run('kpi', query);
  }
  audit(query: string): Promise<Answer> {
    return this.run('audit', query);
  }
  ripaCheck(values: Parameters<Assistant['ripaCheck']>[0]): Answer {
    return this.local.ripaCheck(values);
  }
  deadline(text: string): Answer {
    return this.local.deadline(text);
  }
  source(chunkId: string): ReturnType<Assistant['source']> {
    return this.local.source(chunkId);
  }

  /** Stops the workers once the calls they have (running and waiting) are answered; at most `maxWaitMs`. */
  async closeWhenIdle(maxWaitMs = 120_000): Promise<void> {
    const until = Date.now() + maxWaitMs;
    while ((this.load.running || this.load.queued) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await this.close();
  }

  /** Stops the workers; calls still waiting get the friendly failure sentence. */
  async close(): Promise<void> {
    this.closed = true;
    const waiting = this.queue.splice(0);
    if (waiting.length) this.options.logger.warn({ waiting: waiting.length }, 'answer pool closed with questions waiting');
    for (const task of waiting) task.resolve(errorAnswer(task.input, userMessageOf(null), task.options?.id));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private run(method: PooledMethod, input: string, options?: AskOptions): Promise<Answer> {
    if (this.closed) return Promise.resolve(errorAnswer(input, userMessageOf(null), options?.id));
    return new Promise<Answer>((resolve) => {
      const task: Task = { id: this.nextId++, method, input, ...(options ? { options } : {}), resolve };
      const slot = this.freeSlot();
      if (slot) return this.dispatch(slot, task);
      if (this.queue.length >= this.options.maxQueue) {
        this.options.logger.warn({ queued: this.queue.length, method }, 'answer pool full');
        return resolve(errorAnswer(input, BUSY_TEXT, options?.id));
      }
      this.queue.push(task);
    });
  }

  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.busy.size < this.options.perWorker && (!best || s.busy.size < best.busy.size)) best = s;
    return best;
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.busy.set(task.id, task);
    const message: TaskMessage = { id: task.id, method: task.method, input: task.input, ...(task.options ? { options: task.options } : {}) };
    slot.worker.postMessage(message);
  }

  private drain(slot: Slot): void {
    while (this.queue.length && slot.busy.size < this.options.perWorker) this.dispatch(slot, this.queue.shift()!);
  }

  private spawn(): Promise<void> {
    const worker = new Worker(BOOT, { workerData: { ...this.options.init, entry: ENTRY } satisfies WorkerInit });
    const slot: Slot = { worker, busy: new Map() };
    const { logger } = this.options;
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          ready = true;
          this.slots.push(slot);
          this.drain(slot);
          return resolve();
        }
        if (message.type === 'failed-to-start') {
          logger.error({ err: { message: message.message, stack: message.stack } }, 'answer worker failed to start');
          return reject(new AppError('POOL_START', 'The answering workers could not load the index; the details have been logged.', { detail: message.message }));
        }
        const task = slot.busy.get(message.id);
        if (!task) return;
        slot.busy.delete(message.id);
        if (message.type === 'done') task.resolve(message.answer);
        else {
          if (message.code === null) logger.error({ err: { message: message.message, stack: message.stack }, method: task.method }, 'answer worker call failed');
          task.resolve(errorAnswer(task.input, message.userMessage ?? userMessageOf(null), task.options?.id));
        }
        this.drain(slot);
      });
      worker.on('error', (error) => logger.error({ err: error }, 'answer worker crashed'));
      worker.on('exit', (code) => {
        const at = this.slots.indexOf(slot);
        if (at >= 0) this.slots.splice(at, 1);
        for (const task of slot.busy.values()) task.resolve(errorAnswer(task.input, userMessageOf(null), task.options?.id));
        slot.busy.clear();
        if (!ready) return reject(new AppError('POOL_START', 'The answering workers could not start; the details have been logged.', { detail: `worker exited with code ${code}` }));
        if (this.closed) return;
        logger.error({ code }, 'answer worker exited; starting another');
        this.spawn().catch((error: unknown) => logger.error({ err: error }, 'answer worker could not be replaced'));
      });
    });
  }
}
