import { IngestError } from '../errors.js';
import { mineGlossary, type Glossary } from '../extract/mine-glossary.js';
import type { Extractor } from '../index/build-index.js';
import { documentFrequencies } from '../index/local-embedder.js';
import { chunkDocument, parseDocument, type Chunk, type ParseOptions } from '../parse/parse-document.js';
import { applyPaperMeta, placeWithMeta, readPaperMeta } from '../sync/paper-meta.js';
import { loadFile } from './load-file.js';

/** What ingest takes from one corpus file: its passages, the records its extractors found, its glossary. */
export interface ReadFile {
  chunks: Chunk[];
  records: Record<string, unknown[]>;
  glossary: Glossary;
  /** Characters of text read. */
  bytes: number;
  /** How many of the passages use each term (for fitting the local embedder; counted here, where files are read in parallel). */
  df: Record<string, number>;
}

/** Runs each extractor over a parsed document. */
export function extractRecords(extractors: readonly Extractor[], doc: Parameters<Extractor['extract']>[0]): Record<string, unknown[]> {
  const records: Record<string, unknown[]> = {};
  for (const ex of extractors) records[ex.name] = ex.extract(doc);
  return records;
}

/**
 * Reads, parses and chunks one corpus file and runs the extractors over it (the same in the ingest's
 * main thread and in its parse workers). A file with nothing to index is an IngestError.
 */
export async function readCorpusFile(path: string, name: string, options: ParseOptions, extractors: readonly Extractor[]): Promise<ReadFile> {
  const loaded = await loadFile(path, name);
  // A synced paper's metadata comes from the ModernGov service, not from its text.
  const meta = await readPaperMeta(path);
  const doc = applyPaperMeta(parseDocument(name, loaded.text, loaded.pageStarts, options), meta);
  const chunks = chunkDocument(doc).map((c) => ({ ...c, place: placeWithMeta(c.place, meta) }));
  if (!chunks.length) throw new IngestError(name, 'has no text to index');
  const df = documentFrequencies(chunks.map((c) => c.indexText));
  return { chunks, records: extractRecords(extractors, doc), glossary: mineGlossary(loaded.text), bytes: loaded.text.length, df };
}

/** Why a file is skipped, in the words the ingest report shows. */
export function skipReason(name: string, error: unknown): string {
  return error instanceof IngestError ? error.userMessage : `${name}: could not be read (${(error as Error).message})`;
}
