import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { buildIndex, type BuildOptions, type BuildReport } from './build-index.js';
import { PARSER_VERSION, currentVersionDir, extractorSignature, hashFile, listCorpus, ManifestSchema } from './index-files.js';
import type { PassageStore, StoredFileEntry, StoreMeta } from '../retrieve/passage-store.js';
import { openStore, openStoreWriter, type StoreConfig } from '../store/open-store.js';
import { readFile } from 'node:fs/promises';

/** Whether stored files and build settings differ from the corpus folder (files, contents, parser, embedder, extractors). */
async function differsFromCorpus(corpusDir: string, meta: StoreMeta | null, files: readonly StoredFileEntry[], embedderId: string, extractors: string): Promise<boolean> {
  if (!meta || meta.parserVersion !== PARSER_VERSION || meta.embedder.id !== embedderId || meta.extractors !== extractors) return true;
  const names = await listCorpus(corpusDir);
  if (names.length !== files.length) return true;
  for (const name of names) {
    const entry = files.find((f) => f.name === name);
    if (!entry || entry.hash !== (await hashFile(join(corpusDir, name)))) return true;
  }
  return false;
}

/** Whether the index is missing or out of date with the corpus folder (files, contents, parser or embedder). */
export async function isIndexStale(corpusDir: string, indexDir: string, embedderId: string, extractors = ''): Promise<boolean> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return true;
  try {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    return await differsFromCorpus(corpusDir, { ...manifest, embedderState: null }, manifest.files, embedderId, extractors);
  } catch {
    return true;
  }
}

/** The same question for any store, asked through its writer (for PostgreSQL: the database's files table). */
async function isStoreStale(options: StoreConfig & { corpusDir: string }, embedderId: string, extractors: string): Promise<boolean> {
  if ((options.store ?? 'embedded') === 'embedded') return isIndexStale(options.corpusDir, options.indexDir, embedderId, extractors);
  const writer = await openStoreWriter(options);
  try {
    return await differsFromCorpus(options.corpusDir, await writer.meta(), await writer.files(), embedderId, extractors);
  } finally {
    await writer.close();
  }
}

/** Builds the index first when it is missing or stale, then opens the store for searching. */
export async function openIndex(
  options: Omit<BuildOptions, 'rebuild'> & { logger: Logger; store?: StoreConfig['store'] },
): Promise<{ store: PassageStore; build: BuildReport | null }> {
  const embedderId = options.embedder?.id ?? 'local-tfidf-hash-v1:768';
  let build: BuildReport | null = null;
  if (await isStoreStale(options, embedderId, extractorSignature(options.extractors ?? []))) build = await buildIndex(options);
  return { store: await openStore({ store: options.store, indexDir: options.indexDir, embedder: options.embedder, database: options.database }), build };
}
