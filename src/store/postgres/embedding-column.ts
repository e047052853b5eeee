import { AppError } from '../../errors.js';
import type { Database, Sql } from './database.js';

/** HNSW build settings for the vector index (pgvector's defaults, which hold recall at this corpus size). */
const HNSW = {
  /** Links per node: pgvector's default; more costs index size and build time. */
  m: 16,
  /** Candidates while building: pgvector's default. */
  efConstruction: 64,
};

/** Whether the server can load pgvector (PGlite always can; a server needs the extension installed). */
export async function vectorsAvailable(db: Database): Promise<boolean> {
  // PGlite loads the extension it was opened with; it does not list it among the available ones.
  if (db.engine === 'pglite') return true;
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'vector'");
  return (rows[0]?.n ?? 0) > 0;
}

/** The dimensions of the passages' vector column, or null when it has none yet. */
export async function embeddingDims(db: Sql): Promise<number | null> {
  const rows = await db.query<{ dims: number }>(
    "SELECT atttypmod AS dims FROM pg_attribute WHERE attrelid = 'passages'::regclass AND attname = 'embedding' AND NOT attisdropped",
  );
  return rows[0]?.dims ?? null;
}

/**
 * Gives `passages` a `vector(dims)` column (its HNSW index: ensureSearchIndexes). The column's size is
 * the embedder's, known only at the first ingest, so it is made here rather than in a migration; a
 * different embedder (only on a full rebuild, when the passages are gone) gets a new column.
 */
export async function ensureEmbeddingColumn(db: Database, dims: number): Promise<void> {
  if (!Number.isInteger(dims) || dims < 1 || dims > 16_000) throw new Error(`ensureEmbeddingColumn: ${dims} is not a vector size`);
  if ((await embeddingDims(db)) === dims) return;
  if (!(await vectorsAvailable(db))) {
    throw new AppError(
      'PG_NO_VECTOR',
      'This PostgreSQL server has no pgvector extension: install it (managed services list it as "vector"), then run the ingest again.',
    );
  }
  const lock = await db.lock('committee-assistant:schema');
  try {
    const current = await embeddingDims(db);
    if (current === dims) return;
    await db.transaction(async (tx) => {
      await tx.exec('CREATE EXTENSION IF NOT EXISTS vector');
      if (current !== null) await tx.exec('DROP INDEX IF EXISTS passages_embedding; ALTER TABLE passages DROP COLUMN embedding');
      await tx.exec(`ALTER TABLE passages ADD COLUMN embedding vector(${Number(dims)})`);
    });
  } finally {
    await lock.release();
  }
}

/**
 * Drops the keyword and vector indexes so that a first load into an empty store inserts rows only
 * (building an index once at the end is several times faster than growing it row by row).
 */
export async function dropSearchIndexes(db: Sql): Promise<void> {
  await db.exec('DROP INDEX IF EXISTS passages_tsv; DROP INDEX IF EXISTS passages_embedding');
}

/** Makes the GIN index on the tsvector and, when passages have vectors, the HNSW index (cosine distance). */
export async function ensureSearchIndexes(db: Database): Promise<void> {
  await db.exec('CREATE INDEX IF NOT EXISTS passages_tsv ON passages USING gin (tsv)');
  if ((await embeddingDims(db)) === null) return;
  await db.exec(
    `CREATE INDEX IF NOT EXISTS passages_embedding ON passages USING hnsw (embedding vector_cosine_ops) WITH (m = ${HNSW.m}, ef_construction = ${HNSW.efConstruction})`,
  );
}
