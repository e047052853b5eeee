import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { loadFile } from '../ingest/load-file.js';
import { parseDocument, type ParsedDocument } from '../parse/parse-document.js';
import { applyPaperMeta, readPaperMeta } from '../sync/paper-meta.js';
import { readCorpusFiles } from '../ingest/parse-pool.js';
import { extractRecords } from '../ingest/read-corpus-file.js';
import type { Embedder } from './embedder.js';
import { LocalEmbedder, type LocalEmbedderState } from './local-embedder.js';
import { PARSER_VERSION, extractorSignature, hashFile, listCorpus, listCorpusLinks, LINK_REASON, type FileEntry } from './index-files.js';
import { lockIndex } from './index-lock.js';
import type { FileWrite, StoreMeta, StoreWriter } from '../retrieve/passage-store.js';
import { openStoreWriter, type DatabaseConfig, type StoreConfig } from '../store/open-store.js';

/** Structured records pulled from a parsed document at ingest (KPI rows, audit summaries...). */
export interface Extractor {
  name: string;
  /** Bump when the extractor changes: records are then extracted again (no re-embedding). */
  version?: string;
  extract(doc: ParsedDocument): unknown[];
  /** Where it is exported from (a module URL and the export's name), so that parse workers can load it; without it files are parsed in one thread. */
  from?: { module: string; export: string };
}

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  logger: Logger;
  /** STORE: which store the passages are written to (embedded by default). */
  store?: StoreConfig['store'];
  /** An external embedder (OpenAI-compatible); the local one is fitted on the corpus when absent. */
  embedder?: Embedder;
  extractors?: readonly Extractor[];
  /** The council to label a document with when it does not clearly name its own (COUNCIL_NAME, one-council deployments). */
  defaultCouncil?: string | null;
  /** Ignore the previous index and rebuild everything (refits the local embedder). */
  rebuild?: boolean;
  onProgress?: (done: number, total: number, stage: string) => void;
  /** How long to wait for another build of the same index folder before saying it is running (default 10 minutes). */
  lockWaitMs?: number;
  /** STORE=postgres: the database. */
  database?: DatabaseConfig;
  /** Threads that parse files while the main one embeds and indexes (default: one per core). */
  parseWorkers?: number;
}

export interface BuildReport {
  files: number;
  indexed: number;
  reused: number;
  skipped: Array<{ file: string; reason: string }>;
  chunks: number;
  embedded: number;
  ms: number;
  indexPath: string;
}

/** One corpus file's outcome in this build: new passages to write, or what to keep of the stored ones. */
type FileResult =
  | { kind: 'write'; write: FileWrite }
  | { kind: 'keep'; entry: FileEntry; records?: Record<string, unknown[]> };

const LOCAL_DIMS = 768;

/**
 * When the local embedder is fitted again. Its document frequencies are fitted on a full build and kept,
 * so that an incremental build embeds new passages exactly as the old ones were; once the corpus holds
 * this many times the passages it was fitted on, those statistics no longer describe it, and the next
 * build refits and re-embeds everything (a full rebuild).
 */
const REFIT = { growth: 2 } as const;

function reusable(meta: StoreMeta | null, embedderId: string, rebuild: boolean): StoreMeta | null {
  if (!meta || rebuild) return null;
  if (meta.parserVersion !== PARSER_VERSION || meta.embedder.id !== embedderId) return null;
  return meta;
}

const noData = { glossary: {}, records: {} };

/**
 * Builds or updates the index from the corpus folder. Unchanged files are reused with their vectors
 * (no parsing, no embedding); changed files are replaced; removed files disappear; unreadable files
 * are reported by name and skipped. The result is written beside the old index and swapped in atomically.
 * The build holds the index folder's lock throughout: a second build waits for it, then reads what the
 * first one wrote.
 */
export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const lock = await lockIndex(options.indexDir, {
    waitMs: options.lockWaitMs,
    onWait: (holder) => options.logger.info({ holder }, 'waiting for another build of this index'),
  });
  const writer = await openStoreWriter({ store: options.store, indexDir: options.indexDir, embedder: options.embedder, database: options.database });
  try {
    return await buildLocked(options, writer);
  } finally {
    await writer.close();
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, writer: StoreWriter): Promise<BuildReport> {
  const started = performance.now();
  const { corpusDir, logger } = options;
  const names = await listCorpus(corpusDir);
  const stored = await Promise.all([writer.meta(), writer.files()]).catch((error: unknown) => {
    logger.warn({ err: error }, 'previous index unreadable; rebuilding');
    return [null, []] as const;
  });
  const embedderId = options.embedder?.id ?? `local-tfidf-hash-v1:${LOCAL_DIMS}`;
  const prev = reusable(stored[0], embedderId, options.rebuild ?? false);
  const prevFiles = new Map((prev ? stored[1] : []).map((f) => [f.name, f]));
  const extractors = options.extractors ?? [];
  const parseOptions = { defaultCouncil: options.defaultCouncil ?? null };
  const signature = extractorSignature(extractors);
  const reExtract = prev !== null && prev.extractors !== signature;
  const extract = (doc: ParsedDocument): Record<string, unknown[]> => extractRecords(extractors, doc);

  const results: FileResult[] = [];
  const skipped: BuildReport['skipped'] = [];
  for (const link of await listCorpusLinks(corpusDir)) {
    logger.warn({ file: link }, 'file skipped: symbolic link');
    skipped.push({ file: link, reason: `${link}: ${LINK_REASON}` });
  }
  let reused = 0;
  let reusedSkips = 0;
  // First what each file needs (by its hash), then the new and changed files read, several at once.
  const toRead: Array<{ at: number; path: string; name: string; hash: string; before: FileEntry | undefined }> = [];
  for (const [i, name] of names.entries()) {
    options.onProgress?.(i, names.length, 'reading');
    const path = join(corpusDir, name);
    const hash = await hashFile(path);
    const known = prevFiles.get(name);
    const skippedBefore = known?.status === 'skipped' ? known : undefined;
    if (skippedBefore && skippedBefore.hash === hash) {
      // The same bytes were unreadable last time: report them again without reading them again.
      const reason = skippedBefore.reason ?? `${name}: could not be read`;
      logger.warn({ file: name, reason }, 'file skipped');
      skipped.push({ file: name, reason });
      results.push({ kind: 'keep', entry: skippedBefore });
      reusedSkips++;
      continue;
    }
    const before = known && known.status !== 'skipped' ? known : undefined;
    if (prev && before && before.hash === hash) {
      const result: FileResult = { kind: 'keep', entry: before };
      if (reExtract) {
        // Same text, same chunks and vectors: only the records are made again.
        const loaded = await loadFile(path, name);
        result.records = extract(applyPaperMeta(parseDocument(name, loaded.text, loaded.pageStarts, parseOptions), await readPaperMeta(path)));
      }
      results.push(result);
      reused++;
      continue;
    }
    toRead.push({ at: results.length, path, name, hash, before });
    results.push(null as unknown as FileResult);
  }
  let read = 0;
  const outcomes = await readCorpusFiles(toRead, parseOptions, extractors, options.parseWorkers ?? availableParallelism(), () => options.onProgress?.(++read, toRead.length, 'parsing'));
  // Document frequencies of the new passages, added up file by file (the local embedder's fit on a full build).
  const df: Record<string, number> = {};
  toRead.forEach(({ at, name, hash, before }, i) => {
    const outcome = outcomes[i]!;
    if ('file' in outcome) {
      const { chunks, records, glossary, bytes } = outcome.file;
      for (const t in outcome.file.df) df[t] = (df[t] ?? 0) + outcome.file.df[t]!;
      const entry: FileEntry = { name, hash, bytes, status: 'indexed', reason: null, chunks: chunks.length };
      results[at] = { kind: 'write', write: { entry, chunks, vectors: [], glossary, records } };
      return;
    }
    const reason = outcome.reason;
    // One line per skipped file; the stack and cause only at debug level.
    logger.warn({ file: name, reason }, 'file skipped');
    logger.debug({ file: name, err: outcome.detail }, 'file skipped: detail');
    if (prev && before) {
      results[at] = { kind: 'keep', entry: { ...before, status: 'kept-previous', reason } };
      skipped.push({ file: name, reason: `${reason}; the previously indexed version is kept` });
    } else {
      skipped.push({ file: name, reason });
      const entry: FileEntry = { name, hash, bytes: 0, status: 'skipped', reason, chunks: 0 };
      results[at] = { kind: 'write', write: { entry, chunks: [], vectors: [], ...noData } };
    }
  });

  const unchanged =
    prev !== null &&
    reused + reusedSkips === names.length &&
    prevFiles.size === names.length &&
    [...prevFiles.values()].every((f) => f.status === 'indexed' || f.status === 'skipped') &&
    !reExtract;
  const entryOf = (r: FileResult): FileEntry => (r.kind === 'keep' ? r.entry : r.write.entry);
  const chunkCount = results.reduce((n, r) => n + entryOf(r).chunks, 0);
  if (unchanged) {
    const report = { files: names.length, indexed: 0, reused, skipped, chunks: chunkCount, embedded: 0, ms: Math.round(performance.now() - started), indexPath: (await writer.location()) ?? '' };
    logger.info({ ...report, skipped: skipped.length }, 'index up to date');
    return report;
  }

  const fitted = !options.embedder && prev?.embedderState ? (prev.embedderState as LocalEmbedderState).docCount : null;
  if (fitted !== null && chunkCount > REFIT.growth * fitted) {
    logger.info({ fittedOn: fitted, passages: chunkCount }, 'corpus has outgrown the local embedder: refitting and rebuilding');
    return buildLocked({ ...options, rebuild: true }, writer);
  }
  const writes = results.flatMap((r) => (r.kind === 'write' ? [r] : []));
  const toEmbed = writes.reduce((n, r) => n + r.write.chunks.length, 0);
  // The local embedder is fitted once, on a full build, and kept with the index: later builds reuse its statistics.
  const embedder: Embedder =
    options.embedder ??
    (prev?.embedderState ? new LocalEmbedder(prev.embedderState as LocalEmbedderState) : LocalEmbedder.fromFrequencies(df, toEmbed, LOCAL_DIMS));
  options.onProgress?.(names.length, names.length, 'embedding');
  const BATCH = 256;
  const store = await writer.begin({ fresh: prev === null });
  let indexPath: string;
  try {
    const seen = new Set(names);
    for (const name of prevFiles.keys()) if (!seen.has(name)) await store.removeFile(name);
    let embedded = 0;
    for (const r of results) {
      if (r.kind === 'write') {
        // Embedded file by file and handed to the store at once, so that no vector is kept once it is in the index.
        const vectors: Float32Array[] = [];
        for (let i = 0; i < r.write.chunks.length; i += BATCH) vectors.push(...(await embedder.embedDocuments(r.write.chunks.slice(i, i + BATCH).map((c) => c.indexText))));
        await store.replaceFile({ ...r.write, vectors });
        embedded += vectors.length;
        options.onProgress?.(embedded, toEmbed, 'embedding');
      } else if (r.entry !== prevFiles.get(r.entry.name) || r.records) await store.updateFile(r.entry.name, { entry: r.entry, records: r.records });
    }
    indexPath = await store.commit({
      parserVersion: PARSER_VERSION,
      embedder: { id: embedder.id, dims: embedder.dims },
      extractors: signature,
      embedderState: embedder instanceof LocalEmbedder ? embedder.toJSON() : null,
    });
  } catch (error) {
    await store.abort();
    throw error;
  }
  const report: BuildReport = {
    files: names.length,
    indexed: results.filter((r) => entryOf(r).status === 'indexed').length - reused,
    reused,
    skipped,
    chunks: chunkCount,
    embedded: toEmbed,
    ms: Math.round(performance.now() - started),
    indexPath,
  };
  logger.info({ ...report, skipped: skipped.length }, 'index built');
  return report;
}
