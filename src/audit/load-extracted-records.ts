import { join } from 'node:path';
import type { Extractor } from '../index/build-index.js';
import { listCorpus } from '../index/index-files.js';
import { loadFile } from '../ingest/load-file.js';
import { parseDocument } from '../parse/parse-document.js';
import type { Logger } from '../logger.js';

/** Records and where they came from. */
export interface ExtractedRecords {
  records: unknown[];
  from: 'index' | 'corpus';
}

/**
 * Runs an extractor over every readable file of a corpus folder (for scripts and tests while the
 * index holds no records of that extractor). Unreadable files are skipped with a warning.
 */
export async function extractCorpusRecords(corpusDir: string, extractor: Extractor, logger?: Logger): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const name of await listCorpus(corpusDir)) {
    try {
      const loaded = await loadFile(join(corpusDir, name), name);
      out.push(...extractor.extract(parseDocument(name, loaded.text, loaded.pageStarts)));
    } catch (error) {
      logger?.warn({ file: name, err: error }, 'file skipped');
    }
  }
  return out;
}

/**
 * An extractor's records: from the index when it holds them (the extractor is registered at ingest),
 * else by parsing the corpus folder directly.
 */
export async function loadExtractedRecords(
  extractor: Extractor,
  source: { indexRecords: () => Promise<Record<string, unknown[]>>; corpusDir: string; logger?: Logger },
): Promise<ExtractedRecords> {
  try {
    const records = (await source.indexRecords())[extractor.name];
    if (records) return { records, from: 'index' };
  } catch (error) {
    source.logger?.warn({ err: error }, 'index unavailable; reading the corpus');
  }
  return { records: await extractCorpusRecords(source.corpusDir, extractor, source.logger), from: 'corpus' };
}
