import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { buildIndex, type BuildOptions, type BuildReport } from './build-index.js';
import { PARSER_VERSION, currentVersionDir, extractorSignature, hashFile, listCorpus, ManifestSchema } from './index-files.js';
import type { PassageStore } from '../retrieve/passage-store.js';
import { openStore, type StoreConfig } from '../store/open-store.js';
import { readFile } from 'node:fs/promises';

/** Whether the index is missing or out of date with the corpus folder (files, contents, parser or embedder). */
export async function isIndexStale(corpusDir: string, indexDir: string, embedderId: string, extractors = ''): Promise<boolean> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return true;
  try {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    if (manifest.parserVersion !== PARSER_VERSION || manifest.embedder.id !== embedderId || manifest.extractors !== extractors) return true;
    const names = await listCorpus(corpusDir);
    if (names.length !== manifest.files.length) return true;
    for (const name of names) {
      const entry = manifest.files.find((f) => f.name === name);
      if (!entry || entry.hash !== (await hashFile(join(corpusDir, name)))) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** Builds the index first when it is missing or stale, then opens the store for searching. */
export async function openIndex(
  options: Omit<BuildOptions, 'rebuild'> & { logger: Logger; store?: StoreConfig['store'] },
): Promise<{ store: PassageStore; build: BuildReport | null }> {
  const embedderId = options.embedder?.id ?? 'local-tfidf-hash-v1:768';
  let build: BuildReport | null = null;
  if (await isIndexStale(options.corpusDir, options.indexDir, embedderId, extractorSignature(options.extractors ?? []))) build = await buildIndex(options);
  return { store: await openStore({ store: options.store, indexDir: options.indexDir, embedder: options.embedder }), build };
}
