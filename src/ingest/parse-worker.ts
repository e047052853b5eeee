/**
 * A parse worker of the ingest: reads, parses, chunks and extracts the corpus files it is sent, so that
 * files are parsed on every core while the main thread embeds and indexes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Extractor } from '../index/build-index.js';
import type { ParseJob, ParseReply, ParseWorkerInit } from './parse-pool.js';
import { readCorpusFile, skipReason } from './read-corpus-file.js';

const port = parentPort!;
const init = workerData as ParseWorkerInit;
const extractors: Extractor[] = await Promise.all(init.extractors.map(async (from) => (await import(from.module))[from.export] as Extractor));

port.on('message', (job: ParseJob) => {
  readCorpusFile(job.path, job.name, job.options, extractors).then(
    (file) => port.postMessage({ id: job.id, file } satisfies ParseReply),
    (error: unknown) => port.postMessage({ id: job.id, reason: skipReason(job.name, error), detail: error instanceof Error ? error.stack : String(error) } satisfies ParseReply),
  );
});
port.postMessage({ ready: true });
