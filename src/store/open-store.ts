import type { Embedder } from '../index/embedder.js';
import { loadIndex } from '../index/load-index.js';
import type { PassageStore, StoreWriter } from '../retrieve/passage-store.js';
import { EmbeddedStore } from './embedded-store.js';
import { EmbeddedWriter } from './embedded-writer.js';

/** Which store and where: from configuration (STORE, INDEX_DIR) and the embedder in use. */
export interface StoreConfig {
  /** STORE: 'embedded' (default). */
  store?: 'embedded';
  /** The embedded store's index folder. */
  indexDir: string;
  /** An external embedder; the embedded store restores its local one from the index when absent. */
  embedder?: Embedder;
}

/** Opens the configured store for reading. Callers never construct a store directly. */
export async function openStore(config: StoreConfig): Promise<PassageStore> {
  switch (config.store ?? 'embedded') {
    case 'embedded':
      return new EmbeddedStore(await loadIndex(config.indexDir, config.embedder));
  }
}

/** Opens the configured store for writing (ingest). */
export async function openStoreWriter(config: StoreConfig): Promise<StoreWriter> {
  switch (config.store ?? 'embedded') {
    case 'embedded':
      return new EmbeddedWriter(config.indexDir);
  }
}
