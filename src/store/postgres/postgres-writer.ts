import type { FileWrite, StoreBatch, StoredFileEntry, StoreMeta, StoreWriter } from '../../retrieve/passage-store.js';
import type { Database, HeldLock } from './database.js';
import { dropSearchIndexes, ensureEmbeddingColumn, ensureSearchIndexes } from './embedding-column.js';
import { migrate } from './migrate.js';
import { readMeta } from './store-snapshot.js';
import { listFiles, removeFile, replaceFile, updateFile } from './write-file.js';

export interface PostgresWriterOptions {
  /** Store vectors (pgvector); false keeps keyword search only (a server without the extension, in tests). */
  vectors?: boolean;
  /** Shown in ingest reports as where the index lives (the database URL without its password). */
  location: string;
}

const INGEST_LOCK = 'committee-assistant:ingest';

/**
 * A batch on the PostgreSQL store. Each file is written in its own transaction as soon as it is given,
 * so a crash leaves every file either old or new and readers never see half of one; `commit` records
 * what the passages were built with, and for a full rebuild removes the files this batch did not write.
 * `abort` writes nothing more: the files already written are complete, and the next ingest finds them.
 */
export class PostgresBatch implements StoreBatch {
  private readonly touched = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly fresh: boolean,
    private readonly options: PostgresWriterOptions,
  ) {}

  async replaceFile(file: FileWrite): Promise<void> {
    const withVectors = this.options.vectors !== false && file.chunks.length > 0;
    if (withVectors) await ensureEmbeddingColumn(this.db, file.vectors[0]?.length ?? 0);
    await replaceFile(this.db, file, withVectors);
    this.touched.add(file.entry.name);
  }

  async updateFile(name: string, change: { entry: StoredFileEntry; records?: Record<string, unknown[]> }): Promise<void> {
    await updateFile(this.db, name, change.entry, change.records);
    this.touched.add(name);
  }

  async removeFile(name: string): Promise<void> {
    await removeFile(this.db, name);
  }

  async commit(meta: StoreMeta): Promise<string> {
    await ensureSearchIndexes(this.db);
    if (this.fresh) {
      for (const f of await listFiles(this.db)) if (!this.touched.has(f.name)) await removeFile(this.db, f.name);
    }
    await this.db.query(
      `UPDATE store_meta SET parser_version = $1, embedder_id = $2, dims = $3, extractors = $4, embedder_state = $5::jsonb,
         generation = generation + 1, updated_at = now() WHERE id = 1`,
      [meta.parserVersion, meta.embedder.id, meta.embedder.dims, meta.extractors, JSON.stringify(meta.embedderState ?? null)],
    );
    return this.options.location;
  }

  async abort(): Promise<void> {}
}

/**
 * The PostgreSQL store's write side. Opening it applies the migrations and takes the ingest lock (an
 * advisory lock, so across processes and machines): a second ingest waits for the first, then reads
 * what it wrote, as a second build of the embedded index does.
 */
export class PostgresWriter implements StoreWriter {
  readonly kind = 'postgres';

  private constructor(
    private readonly db: Database,
    private readonly lock: HeldLock,
    private readonly options: PostgresWriterOptions,
  ) {}

  static async open(db: Database, options: PostgresWriterOptions): Promise<PostgresWriter> {
    await migrate(db);
    return new PostgresWriter(db, await db.lock(INGEST_LOCK), options);
  }

  files(): Promise<StoredFileEntry[]> {
    return listFiles(this.db);
  }

  async meta(): Promise<StoreMeta | null> {
    const m = await readMeta(this.db);
    if (!m.embedder_id || !m.parser_version || m.dims === null) return null;
    return { parserVersion: m.parser_version, embedder: { id: m.embedder_id, dims: m.dims }, extractors: m.extractors ?? '', embedderState: m.embedder_state };
  }

  async location(): Promise<string | null> {
    return this.options.location;
  }

  async begin(options: { fresh?: boolean } = {}): Promise<PostgresBatch> {
    // Into an empty store the indexes are built once at commit; otherwise readers are served throughout.
    if (Number((await readMeta(this.db)).passages) === 0) await dropSearchIndexes(this.db);
    else await ensureSearchIndexes(this.db);
    return new PostgresBatch(this.db, options.fresh ?? false, this.options);
  }

  /** Releases the ingest lock and this writer's handle on the database. */
  async close(): Promise<void> {
    await this.lock.release();
    await this.db.close();
  }
}
