import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { mergeGlossaries, type Glossary } from '../extract/mine-glossary.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Place } from '../types.js';
import type { Embedder } from './embedder.js';
import { currentVersionDir, FORMAT_VERSION, ManifestSchema, type FileEntry, type Manifest } from './index-files.js';
import { KeywordIndex } from './keyword-index.js';
import { documentFrequencies, LocalEmbedder, type LocalEmbedderState } from './local-embedder.js';
import { HnswVectorStore, type VectorStore } from './vector-store.js';
import { ExactVectorStore } from './exact-vectors.js';
import { TEXTS, TextsReader, type StoredChunk } from './passage-texts.js';

/** What the index keeps per corpus file: its passages (labels firstLabel, firstLabel + 1, ...; their texts in texts.bin) and what was extracted. */
export interface Segment {
  chunks: StoredChunk[];
  glossary: Glossary;
  records: Record<string, unknown[]>;
}

/** The folder of a version's segment files. */
export const SEGMENTS = 'segments';

async function readJson(dir: string, file: string): Promise<unknown> {
  // Read as bytes and decoded at once: reading with an encoding decodes in small pieces, several times slower.
  return JSON.parse((await readFile(join(dir, file))).toString('utf8'));
}

/** One file's segment. */
export async function readSegment(dir: string, entry: FileEntry): Promise<Segment> {
  return (await readJson(join(dir, SEGMENTS), entry.segment!)) as Segment;
}

/** The file of a corpus file's vector block (exact search): named by its first label, which no other passages ever get. */
export const vectorBlockFile = (firstLabel: number): string => `p${firstLabel}.vec`;

/** One file's vector block (exact search), as 16-bit components. */
export async function readVectorBlock(dir: string, entry: FileEntry): Promise<Int16Array> {
  const buf = await readFile(join(dir, SEGMENTS, vectorBlockFile(entry.firstLabel!)));
  // A view needs 2-byte alignment; a buffer that does not start on one is copied.
  const bytes = buf.byteOffset % 2 === 0 ? buf : Buffer.from(buf);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
}

/** The vectors of a version, searched as its manifest says. */
export async function readVectors(dir: string, manifest: Manifest, withPassages: readonly FileEntry[]): Promise<VectorStore> {
  if (manifest.vectors === 'hnsw') return HnswVectorStore.load(join(dir, 'hnsw.bin'), manifest.embedder.dims, manifest.chunkCount);
  const store = new ExactVectorStore(manifest.embedder.dims, withPassages.reduce((n, e) => n + e.chunks, 0));
  // A file at a time, copied into the store's matrix: only one block is held besides it.
  for (const entry of withPassages) store.addBlock(entry.firstLabel!, await readVectorBlock(dir, entry));
  return store;
}

/** The live version's manifest and embedder statistics (not its passages), or null when there is none. */
export async function readLiveVersion(indexDir: string): Promise<{ dir: string; manifest: Manifest; localState: LocalEmbedderState | null } | null> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return null;
  const raw = (await readJson(dir, 'manifest.json')) as { formatVersion?: unknown };
  if (raw.formatVersion !== FORMAT_VERSION) {
    throw new AppError('INDEX_FORMAT', 'The index was made by another version of the assistant: run `npm run ingest` to build it again.', {
      detail: `index format ${String(raw.formatVersion)}, this version reads ${FORMAT_VERSION}`,
    });
  }
  // A version of this format from before its texts moved to texts.bin, or a damaged one, is refused the same way.
  const parsed = ManifestSchema.safeParse(raw);
  const manifest = parsed.success ? parsed.data : null;
  const withPassages = manifest?.files.filter((f) => f.segment !== undefined) ?? [];
  const textsHeld = withPassages.every((f) => f.texts) && (!withPassages.length || existsSync(join(dir, TEXTS)));
  if (!manifest || !textsHeld) {
    throw new AppError('INDEX_FORMAT', 'The index was made by another version of the assistant: run `npm run ingest` to build it again.', {
      detail: parsed.success ? `manifest without passage texts (${TEXTS})` : `manifest unreadable: ${parsed.error.message}`,
    });
  }
  const state = (await readJson(dir, 'embedder.json')) as Partial<LocalEmbedderState>;
  return { dir, manifest, localState: state.df ? (state as LocalEmbedderState) : null };
}

/** The distinct scopes of the passages, first seen first, and each passage's. */
function scopesOf(chunks: readonly Chunk[], files: readonly FileSpan[], labels: number): LoadedIndex['scopes'] {
  const ids = new Int32Array(labels);
  const places: Place[] = [];
  const seen = new Map<string, number>();
  for (const file of files) {
    for (let label = file.first; label < file.first + file.count; label++) {
      const p = chunks[label]!.place;
      const key = `${p.source}\0${p.council}\0${p.committee}\0${p.meetingDate}\0${p.docType}`;
      let id = seen.get(key);
      if (id === undefined) {
        id = places.push(p) - 1;
        seen.set(key, id);
      }
      ids[label] = id;
    }
  }
  return { ids, places };
}

/** A file's passages: their labels are first, first + 1, ... first + count - 1. */
export interface FileSpan {
  name: string;
  first: number;
  count: number;
}

/** A search-ready index. */
export interface LoadedIndex {
  manifest: Manifest;
  /** Passages by label (a sparse array: labels of removed files are holes). */
  chunks: Chunk[];
  /** The files with passages, in corpus order. */
  files: FileSpan[];
  /** Each passage's scope (file, council, committee, meeting date, type), as an index into `places` (corpus order). */
  scopes: { ids: Int32Array; places: Place[] };
  vectors: VectorStore;
  keyword: KeywordIndex;
  /** The passages' texts, open for as long as the index is used (null when it holds no passages). */
  texts: TextsReader | null;
  embedder: Embedder;
  glossary: Glossary;
  /** Records of each extractor, across all files. */
  records: Record<string, unknown[]>;
  /** Inverse document frequency of a search term over the passages. */
  idf(term: string): number;
  /** Whether any passage uses the term. */
  known(term: string): boolean;
}

/**
 * Loads the live index for searching. An external embedder must match the one that built it;
 * the local one is restored from the statistics saved with the index.
 */
export async function loadIndex(indexDir: string, external?: Embedder): Promise<LoadedIndex> {
  const live = await readLiveVersion(indexDir);
  if (!live) throw new AppError('INDEX_MISSING', 'There is no index yet: run `npm run ingest` first.');
  const { dir, manifest, localState } = live;
  const embedder = external ?? (localState ? new LocalEmbedder(localState) : null);
  if (!embedder || embedder.id !== manifest.embedder.id) {
    throw new AppError('INDEX_EMBEDDER_MISMATCH', 'The index was built with a different embedder: run `npm run ingest` again.', {
      detail: `index embedder ${manifest.embedder.id}, configured ${embedder?.id ?? 'none'}`,
    });
  }
  const chunks: Chunk[] = [];
  const files: FileSpan[] = [];
  const records: Record<string, unknown[]> = {};
  const glossaries: Glossary[] = [];
  const withPassages = manifest.files.filter((f) => f.segment !== undefined);
  const segments = await Promise.all(withPassages.map((entry) => readSegment(dir, entry)));
  const texts = withPassages.length ? new TextsReader(join(dir, TEXTS)) : null;
  withPassages.forEach((entry, i) => {
    const segment = segments[i]!;
    const first = entry.firstLabel!;
    const base = entry.texts![0];
    segment.chunks.forEach((c, j) => (chunks[first + j] = texts!.chunk(c, base)));
    if (segment.chunks.length) files.push({ name: entry.name, first, count: segment.chunks.length });
    for (const [name, list] of Object.entries(segment.records)) (records[name] ??= []).push(...list);
    glossaries.push(segment.glossary);
  });
  const scopes = scopesOf(chunks, files, manifest.nextLabel);
  // The local embedder's fitted statistics; with an external embedder, counted once here at load.
  const df = localState?.df ?? documentFrequencies(chunks.flatMap((c) => [c.indexText]));
  const n = localState?.docCount ?? manifest.chunkCount;
  const [vectors, keyword] = await Promise.all([
    readVectors(dir, manifest, withPassages),
    readFile(join(dir, 'keyword.bin')).then((buf) => KeywordIndex.fromBuffer(buf)),
  ]);
  return {
    idf: (term: string) => Math.log(1 + n / (df[term] ?? 0.5)),
    known: (term: string) => (df[term] ?? 0) > 0,
    manifest,
    chunks,
    files,
    scopes,
    vectors,
    keyword,
    texts,
    embedder,
    glossary: mergeGlossaries(glossaries),
    records,
  };
}
