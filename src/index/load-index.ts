import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { mergeGlossaries, type Glossary } from '../extract/mine-glossary.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Embedder } from './embedder.js';
import { terms } from './tokenize.js';
import { currentVersionDir, ManifestSchema, unpackVectors, type Manifest } from './index-files.js';
import { KeywordIndex } from './keyword-index.js';
import { LocalEmbedder, type LocalEmbedderState } from './local-embedder.js';
import { HnswVectorStore, type VectorStore } from './vector-store.js';

/** What the index keeps per corpus file besides its chunks. */
export interface FileData {
  glossary: Glossary;
  records: Record<string, unknown[]>;
}

/** The stored index as written by buildIndex, for incremental updates. */
export interface StoredIndex {
  dir: string;
  manifest: Manifest;
  chunks: Chunk[];
  vectors: Float32Array[];
  files: Record<string, FileData>;
  localState: LocalEmbedderState | null;
}

async function readJson(dir: string, file: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, file), 'utf8'));
}

/** Reads the live index version with its vectors, or null when there is none. */
export async function readStoredIndex(indexDir: string): Promise<StoredIndex | null> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return null;
  const manifest = ManifestSchema.parse(await readJson(dir, 'manifest.json'));
  const state = (await readJson(dir, 'embedder.json')) as Partial<LocalEmbedderState>;
  return {
    dir,
    manifest,
    chunks: (await readJson(dir, 'chunks.json')) as Chunk[],
    vectors: unpackVectors(await readFile(join(dir, 'vectors.bin')), manifest.embedder.dims),
    files: (await readJson(dir, 'files.json')) as Record<string, FileData>,
    localState: state.df ? (state as LocalEmbedderState) : null,
  };
}

function documentFrequencies(chunks: readonly Chunk[]): Record<string, number> {
  const df: Record<string, number> = {};
  for (const c of chunks) for (const t of new Set(terms(c.indexText))) df[t] = (df[t] ?? 0) + 1;
  return df;
}

/** A search-ready index. */
export interface LoadedIndex {
  manifest: Manifest;
  chunks: Chunk[];
  vectors: VectorStore;
  keyword: KeywordIndex;
  embedder: Embedder;
  glossary: Glossary;
  /** Records of each extractor, across all files. */
  records: Record<string, unknown[]>;
  /** Inverse document frequency of a search term over the chunks. */
  idf(term: string): number;
  /** Whether any chunk uses the term. */
  known(term: string): boolean;
}

/**
 * Loads the live index for searching. An external embedder must match the one that built it;
 * the local one is restored from the statistics saved with the index.
 */
export async function loadIndex(indexDir: string, external?: Embedder): Promise<LoadedIndex> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) throw new AppError('INDEX_MISSING', 'There is no index yet: run `npm run ingest` first.');
  const manifest = ManifestSchema.parse(await readJson(dir, 'manifest.json'));
  const state = (await readJson(dir, 'embedder.json')) as Partial<LocalEmbedderState>;
  const embedder = external ?? (state.df ? new LocalEmbedder(state as LocalEmbedderState) : null);
  if (!embedder || embedder.id !== manifest.embedder.id) {
    throw new AppError('INDEX_EMBEDDER_MISMATCH', 'The index was built with a different embedder: run `npm run ingest` again.', {
      detail: `index embedder ${manifest.embedder.id}, configured ${embedder?.id ?? 'none'}`,
    });
  }
  const chunks = (await readJson(dir, 'chunks.json')) as Chunk[];
  const files = (await readJson(dir, 'files.json')) as Record<string, FileData>;
  const records: Record<string, unknown[]> = {};
  for (const data of Object.values(files)) {
    for (const [name, list] of Object.entries(data.records)) (records[name] ??= []).push(...list);
  }
  const df = state.df ?? documentFrequencies(chunks);
  const n = state.docCount ?? chunks.length;
  return {
    idf: (term: string) => Math.log(1 + n / (df[term] ?? 0.5)),
    known: (term: string) => (df[term] ?? 0) > 0,
    manifest,
    chunks,
    vectors: await HnswVectorStore.load(join(dir, 'hnsw.bin'), manifest.embedder.dims, chunks.length),
    keyword: KeywordIndex.fromJSON(await readFile(join(dir, 'keyword.json'), 'utf8')),
    embedder,
    glossary: mergeGlossaries(Object.values(files).map((f) => f.glossary)),
    records,
  };
}
