import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLiveVersion, readSegment, SEGMENTS, vectorBlockFile, type Segment } from '../index/load-index.js';
import { TextsWriter, type TextsSpan } from '../index/passage-texts.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Glossary } from '../extract/mine-glossary.js';
import { KeywordIndex } from '../index/keyword-index.js';
import { HnswVectorStore } from '../index/vector-store.js';
import { ExactVectorStore } from '../index/exact-vectors.js';
import { FORMAT_VERSION, currentVersionDir, writeVersion, type FileEntry, type Manifest } from '../index/index-files.js';
import type { FileWrite, StoreBatch, StoredFileEntry, StoreMeta, StoreWriter } from '../retrieve/passage-store.js';
import type { LocalEmbedderState } from '../index/local-embedder.js';

type Live = NonNullable<Awaited<ReturnType<typeof readLiveVersion>>>;

/** Names in the corpus listing's order (listCorpus sorts by code unit), so that a full build's labels follow file order. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const labelsOf = (entry: FileEntry): number[] => (entry.segment === undefined ? [] : Array.from({ length: entry.chunks }, (_, i) => entry.firstLabel! + i));

/**
 * How the vectors are searched: 'exact' (the local embedder, whose questions have few non-zero
 * components: one block file per corpus file, beside its segment) or 'hnsw' (an external embedder's
 * dense vectors: one HNSW graph for the corpus, hnsw.bin).
 */
export type VectorIndexKind = Manifest['vectors'];

/**
 * Changes on top of the live version. Each replaced or removed file's passages leave the keyword index
 * (and an HNSW graph, for an external embedder) at once and each new file's passages join them as it is
 * handed over; the old indexes are read once, on the first change, and updated in place. On commit, the
 * new version holds the unchanged files' segments and vector blocks as hard links to the old ones, new
 * ones for new and changed files, the texts file appended to, and the indexes. A fresh batch starts
 * empty, so that a full build labels passages in the order the files are handed over (corpus order).
 */
class EmbeddedBatch implements StoreBatch {
  private readonly written = new Map<string, FileEntry>();
  private readonly updates = new Map<string, { entry: StoredFileEntry; records?: Record<string, unknown[]> }>();
  private readonly removed = new Set<string>();
  /** New files' segments, by segment file name: their passages' texts are written with them. */
  private readonly freshSegments = new Map<string, { name: string; chunks: readonly Chunk[]; glossary: Glossary; records: Record<string, unknown[]> }>();
  /** Kept files' segments written again with new records (their texts stay where they are). */
  private readonly newSegments = new Map<string, Segment>();
  private next: number;
  /** New files' vector blocks (exact search), by first label. */
  private readonly newBlocks = new Map<number, Int16Array>();
  private indexes: { vectors: HnswVectorStore | null; keyword: KeywordIndex } | null = null;

  constructor(
    private readonly indexDir: string,
    private readonly prev: Live | null,
    private readonly kind: VectorIndexKind,
  ) {
    this.next = prev?.manifest.nextLabel ?? 0;
  }

  private prevEntry(name: string): FileEntry | undefined {
    return this.prev?.manifest.files.find((f) => f.name === name);
  }

  /** The indexes being changed: the live version's, read on first use, or new empty ones. */
  private async open(dims: number): Promise<{ vectors: HnswVectorStore | null; keyword: KeywordIndex }> {
    if (!this.indexes) {
      const prev = this.prev;
      // Exact search keeps no shared vector structure: a file's block is written or dropped on its own.
      const hnsw = this.kind === 'hnsw';
      this.indexes = prev
        ? {
            vectors: hnsw ? await HnswVectorStore.load(join(prev.dir, 'hnsw.bin'), prev.manifest.embedder.dims, prev.manifest.chunkCount) : null,
            keyword: KeywordIndex.fromBuffer(await readFile(join(prev.dir, 'keyword.bin'))),
          }
        : { vectors: hnsw ? HnswVectorStore.build([], [], dims) : null, keyword: KeywordIndex.build([]) };
    }
    return this.indexes;
  }

  /** Takes a file's previous passages out of both indexes (once). */
  private async drop(name: string): Promise<void> {
    const before = this.prevEntry(name);
    if (!before || this.removed.has(name) || this.written.has(name)) return;
    const labels = labelsOf(before);
    if (labels.length) {
      const { vectors, keyword } = await this.open(this.prev!.manifest.embedder.dims);
      vectors?.remove(labels);
      keyword.remove(labels);
    }
  }

  async replaceFile(file: FileWrite): Promise<void> {
    const name = file.entry.name;
    if (this.written.has(name)) throw new Error(`replaceFile: ${name} was already written in this batch`);
    await this.drop(name);
    this.updates.delete(name);
    this.removed.delete(name);
    const { segment: _s, firstLabel: _f, ...entry } = file.entry as FileEntry;
    if (!file.chunks.length) {
      this.written.set(name, entry);
      return;
    }
    const first = this.next;
    this.next += file.chunks.length;
    const segment = `p${first}.json`;
    this.written.set(name, { ...entry, segment, firstLabel: first });
    this.freshSegments.set(segment, { name, chunks: [...file.chunks], glossary: file.glossary, records: file.records });
    const labels = file.chunks.map((_, i) => first + i);
    const dims = file.vectors[0]!.length;
    const { vectors, keyword } = await this.open(dims);
    if (vectors) vectors.add(file.vectors, labels);
    else this.newBlocks.set(first, ExactVectorStore.encode(file.vectors, dims));
    keyword.add(file.chunks.map((c, i) => ({ id: first + i, text: c.indexText })));
  }

  async updateFile(name: string, change: { entry: StoredFileEntry; records?: Record<string, unknown[]> }): Promise<void> {
    if (!this.prevEntry(name)) throw new Error(`updateFile: ${name} is not in the index`);
    this.updates.set(name, change);
  }

  async removeFile(name: string): Promise<void> {
    await this.drop(name);
    this.removed.add(name);
  }

  async commit(meta: StoreMeta): Promise<string> {
    const prev = this.prev;
    const prevFiles = new Map((prev?.manifest.files ?? []).map((f) => [f.name, f]));
    const names = [...new Set([...prevFiles.keys(), ...this.written.keys()])].filter((n) => this.written.has(n) || !this.removed.has(n)).sort(byName);
    const entries: FileEntry[] = [];
    const linked: string[] = [];
    const keptBlocks: number[] = [];
    for (const name of names) {
      const written = this.written.get(name);
      if (written) {
        entries.push(written);
        continue;
      }
      const before = prevFiles.get(name)!;
      const update = this.updates.get(name);
      const keep = { segment: before.segment, firstLabel: before.firstLabel };
      if (before.segment !== undefined) keptBlocks.push(before.firstLabel!);
      if (update?.records && before.segment !== undefined) {
        // Same passages, new records: a new segment under the same labels.
        const segment = `p${before.firstLabel}-${randomBytes(4).toString('hex')}.json`;
        const old = await readSegment(prev!.dir, before);
        this.newSegments.set(segment, { ...old, records: update.records });
        entries.push({ ...(update.entry as FileEntry), ...keep, segment });
      } else {
        entries.push({ ...((update?.entry ?? before) as FileEntry), ...keep });
        if (before.segment !== undefined) linked.push(before.segment);
      }
    }
    const { vectors, keyword } = await this.open(meta.embedder.dims);
    const manifest = (files: FileEntry[]): Manifest => ({
      formatVersion: FORMAT_VERSION,
      parserVersion: meta.parserVersion,
      embedder: meta.embedder,
      vectors: this.kind,
      extractors: meta.extractors,
      createdAt: new Date().toISOString(),
      files,
      chunkCount: files.reduce((n, e) => n + (e.segment === undefined ? 0 : e.chunks), 0),
      nextLabel: this.next,
    });
    const kept = entries.filter((e) => e.segment !== undefined && !this.written.has(e.name)).map((e) => ({ name: e.name, span: e.texts as TextsSpan }));
    return writeVersion(
      this.indexDir,
      {
        'keyword.bin': keyword.toBuffer(),
        'embedder.json': JSON.stringify(meta.embedderState ?? {}),
      },
      async (dir) => {
        await mkdir(join(dir, SEGMENTS));
        const texts = new TextsWriter(dir, prev && kept.length ? { dir: prev.dir, kept } : null);
        const spans = new Map<string, TextsSpan>(texts.kept);
        try {
          for (const [name, segment] of this.freshSegments) {
            const { span, stored } = texts.append(segment.chunks);
            spans.set(segment.name, span);
            await writeFile(join(dir, SEGMENTS, name), JSON.stringify({ chunks: stored, glossary: segment.glossary, records: segment.records } satisfies Segment));
          }
        } finally {
          texts.close();
        }
        for (const [name, segment] of this.newSegments) await writeFile(join(dir, SEGMENTS, name), JSON.stringify(segment));
        // An unchanged file's segment is the old version's file, hard-linked: no copy, no rewrite.
        for (const name of linked) await link(join(prev!.dir, SEGMENTS, name), join(dir, SEGMENTS, name));
        if (vectors) await vectors.save(join(dir, 'hnsw.bin'));
        else {
          for (const [first, data] of this.newBlocks) await writeFile(join(dir, SEGMENTS, vectorBlockFile(first)), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          for (const first of keptBlocks) await link(join(prev!.dir, SEGMENTS, vectorBlockFile(first)), join(dir, SEGMENTS, vectorBlockFile(first)));
        }
        // The manifest last: it says where each file's texts now are.
        const files = entries.map((e) => (spans.has(e.name) ? { ...e, texts: spans.get(e.name)! } : e));
        await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest(files), null, 2));
      },
    );
  }

  async abort(): Promise<void> {
    this.written.clear();
    this.updates.clear();
    this.removed.clear();
    this.newSegments.clear();
    this.freshSegments.clear();
    this.newBlocks.clear();
    this.indexes = null;
  }
}

/** Writes the embedded store: each commit is a new index version beside the live one, swapped in atomically. */
export class EmbeddedWriter implements StoreWriter {
  readonly kind = 'embedded';
  private live: Promise<Live | null> | null = null;

  constructor(
    private readonly indexDir: string,
    private readonly vectors: VectorIndexKind,
  ) {}

  /** The live version's manifest, read once per writer; throws when it exists but cannot be read. */
  private read(): Promise<Live | null> {
    this.live ??= readLiveVersion(this.indexDir);
    return this.live;
  }

  async files(): Promise<StoredFileEntry[]> {
    return (await this.read())?.manifest.files ?? [];
  }

  async meta(): Promise<StoreMeta | null> {
    const live = await this.read();
    if (!live) return null;
    const { parserVersion, embedder, extractors } = live.manifest;
    return { parserVersion, embedder, extractors, embedderState: live.localState as LocalEmbedderState | null };
  }

  async location(): Promise<string | null> {
    return currentVersionDir(this.indexDir);
  }

  async begin(options: { fresh?: boolean } = {}): Promise<StoreBatch> {
    const prev = options.fresh ? null : await this.read().catch(() => null);
    // An index whose vectors are searched the other way is not built on: everything is written again.
    return new EmbeddedBatch(this.indexDir, prev?.manifest.vectors === this.vectors ? prev : null, this.vectors);
  }

  async close(): Promise<void> {
    this.live = null;
  }
}
