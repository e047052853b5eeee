import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { IngestError } from '../errors.js';
import { loadFile } from '../ingest/load-file.js';
import { chunkDocument, parseDocument, type Chunk, type ParsedDocument } from '../parse/parse-document.js';
import { mineGlossary, type Glossary } from '../extract/mine-glossary.js';
import { applyPaperMeta, placeWithMeta, readPaperMeta } from '../sync/paper-meta.js';
import type { Embedder } from './embedder.js';
import { KeywordIndex } from './keyword-index.js';
import { LocalEmbedder } from './local-embedder.js';
import { HnswVectorStore } from './vector-store.js';
import {
  FORMAT_VERSION,
  PARSER_VERSION,
  extractorSignature,
  hashFile,
  listCorpus,
  listCorpusLinks,
  LINK_REASON,
  packVectors,
  writeVersion,
  type FileEntry,
  type Manifest,
} from './index-files.js';
import { lockIndex } from './index-lock.js';
import { readStoredIndex, type FileData, type StoredIndex } from './load-index.js';

/** Structured records pulled from a parsed document at ingest (KPI rows, audit summaries...). */
export interface Extractor {
  name: string;
  /** Bump when the extractor changes: records are then extracted again (no re-embedding). */
  version?: string;
  extract(doc: ParsedDocument): unknown[];
}

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  logger: Logger;
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

interface FileResult {
  entry: FileEntry;
  chunks: Chunk[];
  vectors: Array<Float32Array | null>;
  data: FileData;
}

const LOCAL_DIMS = 768;

function reusable(prev: StoredIndex | null, embedderId: string, rebuild: boolean): StoredIndex | null {
  if (!prev || rebuild) return null;
  if (prev.manifest.parserVersion !== PARSER_VERSION || prev.manifest.embedder.id !== embedderId) return null;
  return prev;
}

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
  try {
    return await buildLocked(options);
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { corpusDir, indexDir, logger } = options;
  const names = await listCorpus(corpusDir);
  const stored = await readStoredIndex(indexDir).catch((error: unknown) => {
    logger.warn({ err: error }, 'previous index unreadable; rebuilding');
    return null;
  });
  const embedderId = options.embedder?.id ?? `local-tfidf-hash-v1:${LOCAL_DIMS}`;
  const prev = reusable(stored, embedderId, options.rebuild ?? false);
  const extractors = options.extractors ?? [];
  const parseOptions = { defaultCouncil: options.defaultCouncil ?? null };
  const signature = extractorSignature(extractors);
  const reExtract = prev !== null && prev.manifest.extractors !== signature;
  const extract = (doc: ParsedDocument): Record<string, unknown[]> => {
    const records: Record<string, unknown[]> = {};
    for (const ex of extractors) records[ex.name] = ex.extract(doc);
    return records;
  };

  const results: FileResult[] = [];
  const skipped: BuildReport['skipped'] = [];
  for (const link of await listCorpusLinks(corpusDir)) {
    logger.warn({ file: link }, 'file skipped: symbolic link');
    skipped.push({ file: link, reason: `${link}: ${LINK_REASON}` });
  }
  let reused = 0;
  let reusedSkips = 0;
  for (const [i, name] of names.entries()) {
    options.onProgress?.(i, names.length, 'reading');
    const path = join(corpusDir, name);
    const hash = await hashFile(path);
    const skippedBefore = prev?.manifest.files.find((f) => f.name === name && f.status === 'skipped');
    if (skippedBefore && skippedBefore.hash === hash) {
      // The same bytes were unreadable last time: report them again without reading them again.
      const reason = skippedBefore.reason ?? `${name}: could not be read`;
      logger.warn({ file: name, reason }, 'file skipped');
      skipped.push({ file: name, reason });
      results.push({ entry: skippedBefore, chunks: [], vectors: [], data: { glossary: {}, records: {} } });
      reusedSkips++;
      continue;
    }
    const before = prev?.manifest.files.find((f) => f.name === name && f.status !== 'skipped');
    if (prev && before && before.hash === hash) {
      const result = previousResult(prev, name, before);
      if (reExtract) {
        // Same text, same chunks and vectors: only the records are made again.
        const loaded = await loadFile(path, name);
        result.data = { ...result.data, records: extract(applyPaperMeta(parseDocument(name, loaded.text, loaded.pageStarts, parseOptions), await readPaperMeta(path))) };
      }
      results.push(result);
      reused++;
      continue;
    }
    try {
      const loaded = await loadFile(path, name);
      // A synced paper's metadata comes from the ModernGov service, not from its text.
      const meta = await readPaperMeta(path);
      const doc = applyPaperMeta(parseDocument(name, loaded.text, loaded.pageStarts, parseOptions), meta);
      const chunks = chunkDocument(doc).map((c) => ({ ...c, place: placeWithMeta(c.place, meta) }));
      if (!chunks.length) throw new IngestError(name, 'has no text to index');
      const records = extract(doc);
      const glossary: Glossary = mineGlossary(loaded.text);
      const entry: FileEntry = { name, hash, bytes: loaded.text.length, status: 'indexed', reason: null, chunks: chunks.length };
      results.push({ entry, chunks, vectors: chunks.map(() => null), data: { glossary, records } });
    } catch (error) {
      const reason = error instanceof IngestError ? error.userMessage : `${name}: could not be read (${(error as Error).message})`;
      // One line per skipped file; the stack and cause only at debug level.
      logger.warn({ file: name, reason }, 'file skipped');
      logger.debug({ file: name, err: error }, 'file skipped: detail');
      if (prev && before) {
        results.push({ ...previousResult(prev, name, before), entry: { ...before, status: 'kept-previous', reason } });
        skipped.push({ file: name, reason: `${reason}; the previously indexed version is kept` });
      } else {
        skipped.push({ file: name, reason });
        results.push({ entry: { name, hash, bytes: 0, status: 'skipped', reason, chunks: 0 }, chunks: [], vectors: [], data: { glossary: {}, records: {} } });
      }
    }
  }

  const unchanged =
    prev !== null &&
    reused + reusedSkips === names.length &&
    prev.manifest.files.length === names.length &&
    prev.manifest.files.every((f) => f.status === 'indexed' || f.status === 'skipped') &&
    !reExtract;
  if (unchanged) {
    const report = { files: names.length, indexed: 0, reused, skipped, chunks: prev.chunks.length, embedded: 0, ms: Math.round(performance.now() - started), indexPath: prev.dir };
    logger.info({ ...report, skipped: skipped.length }, 'index up to date');
    return report;
  }

  const allChunks = results.flatMap((r) => r.chunks);
  const embedder: Embedder =
    options.embedder ?? (prev?.localState ? new LocalEmbedder(prev.localState) : LocalEmbedder.fit(allChunks.map((c) => c.indexText), LOCAL_DIMS));
  const todo = results.flatMap((r) => r.vectors.map((v, j) => ({ r, j, v }))).filter((x) => x.v === null);
  options.onProgress?.(names.length, names.length, 'embedding');
  const BATCH = 256;
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const vecs = await embedder.embedDocuments(batch.map((x) => x.r.chunks[x.j]!.indexText));
    batch.forEach((x, k) => (x.r.vectors[x.j] = vecs[k]!));
    options.onProgress?.(Math.min(i + BATCH, todo.length), todo.length, 'embedding');
  }
  const vectors = results.flatMap((r) => r.vectors as Float32Array[]);

  const store = HnswVectorStore.build(vectors, embedder.dims);
  const keyword = KeywordIndex.build(allChunks.map((c) => c.indexText));
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    parserVersion: PARSER_VERSION,
    embedder: { id: embedder.id, dims: embedder.dims },
    extractors: signature,
    createdAt: new Date().toISOString(),
    files: results.map((r) => r.entry),
    chunkCount: allChunks.length,
  };
  const files: Record<string, FileData> = {};
  for (const r of results) if (r.entry.status !== 'skipped') files[r.entry.name] = r.data;
  const indexPath = await writeVersion(indexDir, {
    'chunks.json': JSON.stringify(allChunks),
    'vectors.bin': packVectors(vectors, embedder.dims),
    'keyword.json': keyword.toJSON(),
    'files.json': JSON.stringify(files),
    'embedder.json': JSON.stringify(embedder instanceof LocalEmbedder ? embedder.toJSON() : {}),
    'manifest.json': JSON.stringify(manifest, null, 2),
  }, (dir) => store.save(join(dir, 'hnsw.bin')));
  const report: BuildReport = {
    files: names.length,
    indexed: results.filter((r) => r.entry.status === 'indexed').length - reused,
    reused,
    skipped,
    chunks: allChunks.length,
    embedded: todo.length,
    ms: Math.round(performance.now() - started),
    indexPath,
  };
  logger.info({ ...report, skipped: skipped.length }, 'index built');
  return report;
}

function previousResult(prev: StoredIndex, name: string, entry: FileEntry): FileResult {
  const positions = prev.chunks.flatMap((c, i) => (c.source === name ? [i] : []));
  return {
    entry,
    chunks: positions.map((i) => prev.chunks[i]!),
    vectors: positions.map((i) => prev.vectors[i]!),
    data: prev.files[name] ?? { glossary: {}, records: {} },
  };
}
