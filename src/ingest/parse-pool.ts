import { Worker } from 'node:worker_threads';
import type { Extractor } from '../index/build-index.js';
import type { ParseOptions } from '../parse/parse-document.js';
import { readCorpusFile, skipReason, type ReadFile } from './read-corpus-file.js';

const BOOT = new URL('../pool/worker-boot.mjs', import.meta.url);
const ENTRY = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

/** A parse worker's start: where each extractor is exported from (functions cannot be sent to a thread). */
export interface ParseWorkerInit {
  entry: string;
  extractors: Array<NonNullable<Extractor['from']>>;
}
export interface ParseJob {
  id: number;
  path: string;
  name: string;
  options: ParseOptions;
}
export type ParseReply = { id: number; file: ReadFile } | { id: number; reason: string; detail?: string };

/** A file read, or why it was skipped (with the error's detail for the log). */
export type ParseOutcome = { file: ReadFile } | { reason: string; detail: unknown };

/** Below this many files the workers' start-up costs more than it saves. */
const MIN_FILES = 8;

/**
 * Reads the files, in `workers` threads when there are enough files and every extractor says where it
 * is exported from, else in this thread. Outcomes are in the order of `files`; `onDone` is called as each
 * file finishes (for progress).
 */
export async function readCorpusFiles(
  files: ReadonlyArray<{ path: string; name: string }>,
  options: ParseOptions,
  extractors: readonly Extractor[],
  workers: number,
  onDone?: () => void,
): Promise<ParseOutcome[]> {
  const from = extractors.map((e) => e.from);
  if (workers < 1 || files.length < MIN_FILES || from.some((f) => !f)) {
    const out: ParseOutcome[] = [];
    for (const f of files) {
      out.push(await readCorpusFile(f.path, f.name, options, extractors).then((file) => ({ file }), (error: unknown) => ({ reason: skipReason(f.name, error), detail: error })));
      onDone?.();
    }
    return out;
  }
  const out: ParseOutcome[] = new Array(files.length);
  let next = 0;
  const threads = Array.from({ length: Math.min(workers, files.length) }, () => new Worker(BOOT, { workerData: { entry: ENTRY, extractors: from as ParseWorkerInit['extractors'] } satisfies ParseWorkerInit }));
  try {
    await Promise.all(
      threads.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let finished = false;
            const send = (): void => {
              if (next >= files.length) {
                finished = true;
                return resolve();
              }
              const id = next++;
              worker.postMessage({ id, path: files[id]!.path, name: files[id]!.name, options } satisfies ParseJob);
            };
            worker.on('message', (m: ParseReply | { ready: true }) => {
              if ('ready' in m) return send();
              out[m.id] = 'file' in m ? { file: m.file } : { reason: m.reason, detail: m.detail };
              onDone?.();
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => finished || reject(new Error(`a parse worker stopped before its files were read (exit code ${code})`)));
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return out;
}
