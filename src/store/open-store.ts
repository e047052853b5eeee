import type { Embedder } from '../index/embedder.js';
import { loadIndex } from '../index/load-index.js';
import type { PassageStore, StoreWriter } from '../retrieve/passage-store.js';
import { EmbeddedStore } from './embedded-store.js';
import { EmbeddedWriter } from './embedded-writer.js';
import { openPostgresStore, openPostgresWriter, type DatabaseConfig } from './postgres/open-postgres.js';

export type { DatabaseConfig } from './postgres/open-postgres.js';

/** Which store and where: from configuration (STORE, INDEX_DIR, DATABASE_URL) and the embedder in use. */
export interface StoreConfig {
  /** STORE: 'embedded' (default) or 'postgres'. */
  store?: 'embedded' | 'postgres';
  /** The embedded store's index folder. */
  indexDir: string;
  /** An external embedder; the store restores its local one from the index when absent. */
  embedder?: Embedder;
  /** STORE=postgres: DATABASE_URL and its pool settings. */
  database?: DatabaseConfig;
}

function databaseOf(config: StoreConfig): DatabaseConfig {
  if (!config.database) throw new Error('STORE=postgres needs DATABASE_URL');
  return config.database;
}

/** Opens the configured store for reading. Callers never construct a store directly. */
export async function openStore(config: StoreConfig): Promise<PassageStore> {
  switch (config.store ?? 'embedded') {
    case 'embedded':
      return new EmbeddedStore(await loadIndex(config.indexDir, config.embedder));
    case 'postgres':
      return openPostgresStore(databaseOf(config), config.embedder);
  }
}

/** Opens the configured store for writing (ingest). */
export async function openStoreWriter(config: StoreConfig): Promise<StoreWriter> {
  switch (config.store ?? 'embedded') {
    case 'embedded':
      // The local embedder's questions have few non-zero components, so exact search is cheap at any size;
      // an external embedder's dense vectors go into an HNSW graph.
      return new EmbeddedWriter(config.indexDir, config.embedder ? 'hnsw' : 'exact');
    case 'postgres':
      return openPostgresWriter(databaseOf(config));
  }
}
