import type { Embedder } from '../../index/embedder.js';
import { migrate } from './migrate.js';
import { describeDatabaseUrl, shareDatabase, type PoolSettings } from './open-database.js';
import { PostgresStore } from './postgres-store.js';
import { PostgresWriter } from './postgres-writer.js';

/** STORE=postgres: where the database is and how to reach it. */
export interface DatabaseConfig {
  /** DATABASE_URL: postgres://… for a server, pglite:DIR or pglite:memory for PGlite in this process. */
  url: string;
  pool?: PoolSettings;
  /** PG_VECTORS: false keeps keyword search only (a server without pgvector). */
  vectors?: boolean;
}

/** Opens the PostgreSQL store for reading, applying any migration not yet applied. */
export async function openPostgresStore(config: DatabaseConfig, embedder?: Embedder): Promise<PostgresStore> {
  const db = await shareDatabase(config.url, config.pool);
  try {
    await migrate(db);
    return await PostgresStore.open(db, { embedder });
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Opens the PostgreSQL store for writing: migrations applied, the ingest lock taken. */
export async function openPostgresWriter(config: DatabaseConfig): Promise<PostgresWriter> {
  const db = await shareDatabase(config.url, config.pool);
  try {
    return await PostgresWriter.open(db, { location: describeDatabaseUrl(config.url), vectors: config.vectors });
  } catch (error) {
    await db.close();
    throw error;
  }
}
