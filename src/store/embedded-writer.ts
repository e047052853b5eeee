import { join } from 'node:path';
import type { FileData, StoredIndex } from '../index/load-index.js';
import { readStoredIndex } from '../index/load-index.js';
import { KeywordIndex } from '../index/keyword-index.js';
import { HnswVectorStore } from '../index/vector-store.js';
import { FORMAT_VERSION, currentVersionDir, packVectors, writeVersion, type Manifest } from '../index/index-files.js';
import type { Chunk } from '../parse/parse-document.js';
import type { FileWrite, StoreBatch, StoredFileEntry, StoreMeta, StoreWriter } from '../retrieve/passage-store.js';

/** One file as a batch holds it before writing. */
interface HeldFile {
  entry: StoredFileEntry;
  chunks: readonly Chunk[];
  vectors: readonly Float32Array[];
  data: FileData | null;
}

/** The files of a stored index, each with its passages and vectors (passages of one file are consecutive). */
function heldFiles(prev: StoredIndex): Map<string, HeldFile> {
  const spans = new Map<string, { first: number; end: number }>();
  prev.chunks.forEach((c, i) => {
    const span = spans.get(c.source);
    if (span) span.end = i + 1;
    else spans.set(c.source, { first: i, end: i + 1 });
  });
  const out = new Map<string, HeldFile>();
  for (const entry of prev.manifest.files) {
    const span = spans.get(entry.name) ?? { first: 0, end: 0 };
    out.set(entry.name, {
      entry,
      chunks: prev.chunks.slice(span.first, span.end),
      vectors: prev.vectors.slice(span.first, span.end),
      data: entry.status === 'skipped' ? null : (prev.files[entry.name] ?? { glossary: {}, records: {} }),
    });
  }
  return out;
}

/** Names in the corpus listing's order (listCorpus sorts by code unit), so that labels follow file order. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class EmbeddedBatch implements StoreBatch {
  constructor(
    private readonly indexDir: string,
    private readonly held: Map<string, HeldFile>,
  ) {}

  async replaceFile(file: FileWrite): Promise<void> {
    const skipped = file.entry.status === 'skipped';
    this.held.set(file.entry.name, {
      entry: file.entry,
      chunks: file.chunks,
      vectors: file.vectors,
      data: skipped ? null : { glossary: file.glossary, records: file.records },
    });
  }

  async updateFile(name: string, change: { entry: StoredFileEntry; records?: Record<string, unknown[]> }): Promise<void> {
    const file = this.held.get(name);
    if (!file) throw new Error(`updateFile: ${name} is not in the index`);
    file.entry = change.entry;
    if (change.records) file.data = { glossary: file.data?.glossary ?? {}, records: change.records };
  }

  async removeFile(name: string): Promise<void> {
    this.held.delete(name);
  }

  async commit(meta: StoreMeta): Promise<string> {
    const files = [...this.held.values()].sort((a, b) => byName(a.entry.name, b.entry.name));
    const chunks = files.flatMap((f) => f.chunks);
    const vectors = files.flatMap((f) => f.vectors);
    const store = HnswVectorStore.build(vectors, meta.embedder.dims);
    const keyword = KeywordIndex.build(chunks.map((c) => c.indexText));
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      parserVersion: meta.parserVersion,
      embedder: meta.embedder,
      extractors: meta.extractors,
      createdAt: new Date().toISOString(),
      files: files.map((f) => f.entry),
      chunkCount: chunks.length,
    };
    const data: Record<string, FileData> = {};
    for (const f of files) if (f.data) data[f.entry.name] = f.data;
    return writeVersion(
      this.indexDir,
      {
        'chunks.json': JSON.stringify(chunks),
        'vectors.bin': packVectors(vectors, meta.embedder.dims),
        'keyword.json': keyword.toJSON(),
        'files.json': JSON.stringify(data),
        'embedder.json': JSON.stringify(meta.embedderState ?? {}),
        'manifest.json': JSON.stringify(manifest, null, 2),
      },
      (dir) => store.save(join(dir, 'hnsw.bin')),
    );
  }

  async abort(): Promise<void> {
    this.held.clear();
  }
}

/** Writes the embedded store: each commit is a new index version beside the live one, swapped in atomically. */
export class EmbeddedWriter implements StoreWriter {
  readonly kind = 'embedded';
  private stored: Promise<StoredIndex | null> | null = null;

  constructor(private readonly indexDir: string) {}

  /** The live version, read once per writer; throws when it exists but cannot be read. */
  private read(): Promise<StoredIndex | null> {
    this.stored ??= readStoredIndex(this.indexDir);
    return this.stored;
  }

  async files(): Promise<StoredFileEntry[]> {
    return (await this.read())?.manifest.files ?? [];
  }

  async meta(): Promise<StoreMeta | null> {
    const prev = await this.read();
    if (!prev) return null;
    const { parserVersion, embedder, extractors } = prev.manifest;
    return { parserVersion, embedder, extractors, embedderState: prev.localState };
  }

  async location(): Promise<string | null> {
    return currentVersionDir(this.indexDir);
  }

  async begin(options: { fresh?: boolean } = {}): Promise<StoreBatch> {
    const prev = options.fresh ? null : await this.read().catch(() => null);
    return new EmbeddedBatch(this.indexDir, prev ? heldFiles(prev) : new Map());
  }

  async close(): Promise<void> {
    this.stored = null;
  }
}
