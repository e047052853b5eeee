/**
 * An answering worker: builds the same assistant as the main thread from the same index folder
 * (loaded, never built here) and answers the searching calls it is sent, so that search never runs
 * on the main event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { createRuntime } from '../runtime.js';
import type { TaskMessage, WorkerInit, WorkerMessage } from './pool-protocol.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (message: WorkerMessage): void => port.postMessage(message);

try {
  const rt = await createRuntime({ corpusDir: init.corpusDir, indexDir: init.indexDir, env: init.env });
  const assistant = await rt.loadAssistant();
  port.on('message', (task: TaskMessage) => {
    const run = task.method === 'ask' ? assistant.ask(task.input, task.options) : assistant[task.method](task.input);
    run.then(
      (answer) => send({ type: 'done', id: task.id, answer }),
      (error: unknown) =>
        send({
          type: 'error',
          id: task.id,
          code: error instanceof AppError ? error.code : null,
          userMessage: error instanceof AppError ? error.userMessage : null,
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        }),
    );
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed-to-start', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
}
