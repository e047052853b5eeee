import type { Glossary } from '../../extract/mine-glossary.js';
import type { Chunk } from '../../parse/parse-document.js';
import type { Database, HeldLock } from './database.js';
import { ensureEmbeddingColumn } from './embedding-column.js';
import { migrate } from './migrate.js';
import { readMeta } from './store-snapshot.js';
import { listFiles, removeFile, replaceFile, updateFile, type FileRow } from './write-file.js';

/** What the held passages were built with (the seam's StoreMeta). */
export interface PgStoreMeta {
  parserVersion: string;
  embedder: { id: string; dims: number };
  extractors: string;
  embedderState: unknown;
}

/** One file to write (the seam's FileWrite). */
export interface PgFileWrite {
  entry: FileRow;
  chunks: readonly Chunk[];
  vectors: readonly Float32Array[];
  records: Record<string, unknown[]>;
  glossary: Glossary;
}

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
export class PostgresBatch {
  private readonly touched = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly fresh: boolean,
    private readonly options: PostgresWriterOptions,
  ) {}

  async replaceFile(file: PgFileWrite): Promise<void> {
    const withVectors = this.options.vectors !== false && file.chunks.length > 0;
    if (withVectors) await ensureEmbeddingColumn(this.db, file.vectors[0]?.length ?? 0);
    await replaceFile(this.db, file, withVectors);
    this.touched.add(file.entry.name);
  }

  async updateFile(name: string, change: { entry: FileRow; records?: Record<string, unknown[]> }): Promise<void> {
    await updateFile(this.db, name, change.entry, change.records);
    this.touched.add(name);
  }

  async removeFile(name: string): Promise<void> {
    await removeFile(this.db, name);
  }

  async commit(meta: PgStoreMeta): Promise<string> {
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
export class PostgresWriter {
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

  files(): Promise<FileRow[]> {
    return listFiles(this.db);
  }

  async meta(): Promise<PgStoreMeta | null> {
    const m = await readMeta(this.db);
    if (!m.embedder_id || !m.parser_version || m.dims === null) return null;
    return { parserVersion: m.parser_version, embedder: { id: m.embedder_id, dims: m.dims }, extractors: m.extractors ?? '', embedderState: m.embedder_state };
  }

  async location(): Promise<string | null> {
    return this.options.location;
  }

  async begin(options: { fresh?: boolean } = {}): Promise<PostgresBatch> {
    return new PostgresBatch(this.db, options.fresh ?? false, this.options);
  }

  /** Releases the ingest lock (the database itself belongs to whoever opened it). */
  async close(): Promise<void> {
    await this.lock.release();
  }
}
