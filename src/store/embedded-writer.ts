import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLiveVersion, readSegment, SEGMENTS, type Segment } from '../index/load-index.js';
import { KeywordIndex } from '../index/keyword-index.js';
import { HnswVectorStore } from '../index/vector-store.js';
import { FORMAT_VERSION, currentVersionDir, writeVersion, type FileEntry, type Manifest } from '../index/index-files.js';
import type { FileWrite, StoreBatch, StoredFileEntry, StoreMeta, StoreWriter } from '../retrieve/passage-store.js';
import type { LocalEmbedderState } from '../index/local-embedder.js';

type Live = NonNullable<Awaited<ReturnType<typeof readLiveVersion>>>;

/** Names in the corpus listing's order (listCorpus sorts by code unit), so that a full build's labels follow file order. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const labelsOf = (entry: FileEntry): number[] => (entry.segment === undefined ? [] : Array.from({ length: entry.chunks }, (_, i) => entry.firstLabel! + i));

/**
 * Changes on top of the live version. On commit, the new version holds the unchanged files' segments as
 * hard links to the old ones, new segments for new and changed files, and the old HNSW and keyword
 * indexes updated in place (removed passages deleted, new ones added under new labels); a fresh batch
 * builds both indexes from nothing, labelling passages in file order.
 */
class EmbeddedBatch implements StoreBatch {
  private readonly writes = new Map<string, FileWrite>();
  private readonly updates = new Map<string, { entry: StoredFileEntry; records?: Record<string, unknown[]> }>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly indexDir: string,
    private readonly prev: Live | null,
  ) {}

  private prevEntry(name: string): FileEntry | undefined {
    return this.prev?.manifest.files.find((f) => f.name === name);
  }

  async replaceFile(file: FileWrite): Promise<void> {
    this.updates.delete(file.entry.name);
    this.writes.set(file.entry.name, file);
  }

  async updateFile(name: string, change: { entry: StoredFileEntry; records?: Record<string, unknown[]> }): Promise<void> {
    if (!this.prevEntry(name)) throw new Error(`updateFile: ${name} is not in the index`);
    this.updates.set(name, change);
  }

  async removeFile(name: string): Promise<void> {
    this.removed.add(name);
  }

  async commit(meta: StoreMeta): Promise<string> {
    const prev = this.prev;
    const prevFiles = new Map((prev?.manifest.files ?? []).map((f) => [f.name, f]));
    const names = [...new Set([...prevFiles.keys(), ...this.writes.keys()])].filter((n) => this.writes.has(n) || !this.removed.has(n)).sort(byName);
    const gone = [...prevFiles.values()].filter((f) => this.removed.has(f.name) || this.writes.has(f.name)).flatMap(labelsOf);
    let next = prev?.manifest.nextLabel ?? 0;
    const entries: FileEntry[] = [];
    const newSegments = new Map<string, Segment>();
    const linked: string[] = [];
    const added: { labels: number[]; vectors: Float32Array[]; docs: Array<{ id: number; text: string }> } = { labels: [], vectors: [], docs: [] };
    for (const name of names) {
      const write = this.writes.get(name);
      const before = prevFiles.get(name);
      if (write) {
        const { segment: _s, firstLabel: _f, ...entry } = write.entry as FileEntry;
        if (!write.chunks.length) {
          entries.push(entry);
          continue;
        }
        const first = next;
        next += write.chunks.length;
        const segment = `p${first}.json`;
        entries.push({ ...entry, segment, firstLabel: first });
        newSegments.set(segment, { chunks: [...write.chunks], glossary: write.glossary, records: write.records });
        write.chunks.forEach((c, i) => {
          added.labels.push(first + i);
          added.vectors.push(write.vectors[i]!);
          added.docs.push({ id: first + i, text: c.indexText });
        });
        continue;
      }
      const update = this.updates.get(name);
      const keep = { segment: before!.segment, firstLabel: before!.firstLabel };
      if (update?.records && before!.segment !== undefined) {
        // Same passages, new records: a new segment under the same labels.
        const segment = `p${before!.firstLabel}-${randomBytes(4).toString('hex')}.json`;
        const old = await readSegment(prev!.dir, before!);
        newSegments.set(segment, { ...old, records: update.records });
        entries.push({ ...(update.entry as FileEntry), ...keep, segment });
      } else {
        entries.push({ ...((update?.entry ?? before!) as FileEntry), ...keep });
        if (before!.segment !== undefined) linked.push(before!.segment);
      }
    }
    const chunkCount = entries.reduce((n, e) => n + (e.segment === undefined ? 0 : e.chunks), 0);
    let vectors: HnswVectorStore;
    let keyword: KeywordIndex;
    if (prev) {
      // In place: the old indexes lose the passages of removed and changed files and gain the new ones.
      vectors = await HnswVectorStore.load(join(prev.dir, 'hnsw.bin'), meta.embedder.dims, prev.manifest.chunkCount);
      keyword = KeywordIndex.fromBuffer(await readFile(join(prev.dir, 'keyword.bin')));
      vectors.remove(gone);
      keyword.remove(gone);
      vectors.add(added.vectors, added.labels);
      keyword.add(added.docs);
    } else {
      vectors = HnswVectorStore.build(added.vectors, added.labels, meta.embedder.dims);
      keyword = KeywordIndex.build(added.docs);
    }
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      parserVersion: meta.parserVersion,
      embedder: meta.embedder,
      extractors: meta.extractors,
      createdAt: new Date().toISOString(),
      files: entries,
      chunkCount,
      nextLabel: next,
    };
    return writeVersion(
      this.indexDir,
      {
        'keyword.bin': keyword.toBuffer(),
        'embedder.json': JSON.stringify(meta.embedderState ?? {}),
        'manifest.json': JSON.stringify(manifest, null, 2),
      },
      async (dir) => {
        await mkdir(join(dir, SEGMENTS));
        for (const [name, segment] of newSegments) await writeFile(join(dir, SEGMENTS, name), JSON.stringify(segment));
        // An unchanged file's segment is the old version's file, hard-linked: no copy, no rewrite.
        for (const name of linked) await link(join(prev!.dir, SEGMENTS, name), join(dir, SEGMENTS, name));
        await vectors.save(join(dir, 'hnsw.bin'));
      },
    );
  }

  async abort(): Promise<void> {
    this.writes.clear();
    this.updates.clear();
    this.removed.clear();
  }
}

/** Writes the embedded store: each commit is a new index version beside the live one, swapped in atomically. */
export class EmbeddedWriter implements StoreWriter {
  readonly kind = 'embedded';
  private live: Promise<Live | null> | null = null;

  constructor(private readonly indexDir: string) {}

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
    return new EmbeddedBatch(this.indexDir, prev);
  }

  async close(): Promise<void> {
    this.live = null;
  }
}
