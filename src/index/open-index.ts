import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { buildIndex, type BuildOptions, type BuildReport } from './build-index.js';
import { PARSER_VERSION, extractorSignature, hashFile, listCorpus } from './index-files.js';
import type { PassageStore } from '../retrieve/passage-store.js';
import { openStore, openStoreWriter, type StoreConfig } from '../store/open-store.js';

/** Whether the store is missing or out of date with the corpus folder (files, contents, parser or embedder). */
export async function isIndexStale(
  corpusDir: string,
  indexDir: string,
  embedderId: string,
  extractors = '',
  store?: StoreConfig['store'],
  database?: StoreConfig['database'],
): Promise<boolean> {
  const writer = await openStoreWriter({ store, indexDir, database });
  try {
    const meta = await writer.meta();
    if (!meta || meta.parserVersion !== PARSER_VERSION || meta.embedder.id !== embedderId || meta.extractors !== extractors) return true;
    const held = new Map((await writer.files()).map((f) => [f.name, f.hash]));
    const names = await listCorpus(corpusDir);
    if (names.length !== held.size) return true;
    for (const name of names) if (held.get(name) !== (await hashFile(join(corpusDir, name)))) return true;
    return false;
  } catch {
    return true;
  } finally {
    await writer.close();
  }
}

/** Builds the index first when it is missing or stale, then opens the store for searching. */
export async function openIndex(
  options: Omit<BuildOptions, 'rebuild'> & { logger: Logger },
): Promise<{ store: PassageStore; build: BuildReport | null }> {
  const embedderId = options.embedder?.id ?? 'local-tfidf-hash-v1:768';
  let build: BuildReport | null = null;
  if (await isIndexStale(options.corpusDir, options.indexDir, embedderId, extractorSignature(options.extractors ?? []), options.store, options.database)) build = await buildIndex(options);
  return { store: await openStore({ store: options.store, indexDir: options.indexDir, embedder: options.embedder, database: options.database }), build };
}
