import type { Glossary } from '../extract/mine-glossary.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Place } from '../types.js';

/**
 * The retriever seam. Every caller outside the store (router, reader, skills, Slack, eval, bench) reads
 * passages and records through this interface and never through array positions or the whole passage
 * list. The embedded store (HNSW and a BM25 keyword index in the index folder) is one implementation; the
 * PostgreSQL store (tsvector + pgvector, `STORE=postgres`) is another.
 */

/** Narrows a search to some councils, committees, dates or document types (all optional). */
export interface SearchFilters {
  /** Substring matches, case-insensitive (CLI `--council`, `--committee`, `--type`, `--source`). */
  council?: string;
  committee?: string;
  docType?: string;
  source?: string;
  /** ISO dates, inclusive; a passage without a meeting date fails a date filter. */
  from?: string;
  to?: string;
  /** Exact council names (any of them); passages of unknown council pass. */
  councils?: string[];
  /** Exact meeting dates, ISO (any of them). */
  meetingDates?: string[];
  /** Exact document types (any of them). */
  docTypes?: string[];
  /** Exact committee names (any of them); passages of unknown committee pass. */
  committees?: string[];
}

export interface SearchHit {
  chunk: Chunk;
  score: number;
  /** Rank in the vector and keyword rankings that were fused (null when absent from one). */
  vectorRank: number | null;
  keywordRank: number | null;
}

export interface SearchOptions {
  k?: number;
  filters?: SearchFilters;
  /** Prefer passages from the newest meetings ("latest", "current"). */
  preferRecent?: boolean;
  /** A scope to prefer without confining the search to it: the same search inside it is fused as two more rankings. */
  prefer?: SearchFilters;
}

/** Corpus statistics of one search term (over passages' index text, the project tokenizer's terms). */
export interface TermStats {
  /** Inverse document frequency of a term. */
  idf(term: string): number;
  /** Whether any passage uses the term. */
  known(term: string): boolean;
}

/** Read side of a store: what answering a question needs. */
export interface PassageStore extends TermStats {
  /** 'embedded' or 'postgres', for logs and the bench. */
  readonly kind: string;
  /** The embedder the passages were embedded with; a query must use the same one. */
  readonly embedderId: string;
  /** Number of passages held. */
  readonly size: number;
  /** Short forms and their expansions mined from all papers (loaded once). */
  readonly glossary: Glossary;
  /** Records of one extractor ('kpi', 'audit', 'ripa-policy'), across all files (loaded once, reused). */
  records(kind: string): readonly unknown[];
  /** Every distinct place (council, committee, meeting date, type...) the passages carry; for the scope registry. */
  places(): readonly Place[];
  /**
   * Hybrid search (vector and keyword rankings fused by reciprocal rank), filters applied inside each
   * ranking; a passage reprinted in several packs is returned once, as its original where held.
   */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** A passage by its id, or null. */
  passage(id: string): Promise<Chunk | null>;
  /** The passage `step` places after (negative: before) a passage in the same source file, or null. */
  adjacent(id: string, step: number): Promise<Chunk | null>;
  /** The passage of a source file holding a character offset, or null. */
  atOffset(source: string, offset: number): Promise<Chunk | null>;
  /** A passage published on its own (not reprinted in a pack), outside `exceptSource`, holding the quote verbatim. */
  findOriginal(quote: string, exceptSource: string): Promise<Chunk | null>;
  close(): Promise<void>;
}

/** One corpus file as the store knows it (the ingest manifest's entry). */
export interface StoredFileEntry {
  name: string;
  /** Content hash of the file and its metadata sidecar (hashFile). */
  hash: string;
  bytes: number;
  status: 'indexed' | 'skipped' | 'kept-previous';
  /** Why a file was skipped (the user's sentence), or null. */
  reason: string | null;
  chunks: number;
}

/** What a store was built with: a store built otherwise is rebuilt from scratch. */
export interface StoreMeta {
  parserVersion: string;
  embedder: { id: string; dims: number };
  /** Which record extractors (name@version) produced the records. */
  extractors: string;
  /** The local embedder's fitted statistics (LocalEmbedderState), null for an external embedder. */
  embedderState: unknown;
}

/** A file's passages, their vectors (same order) and what was extracted from it. */
export interface FileWrite {
  entry: StoredFileEntry;
  chunks: readonly Chunk[];
  vectors: readonly Float32Array[];
  records: Record<string, unknown[]>;
  glossary: Glossary;
}

/**
 * A set of changes that becomes visible all at once on commit (a new index version swapped in, or one
 * database transaction); nothing is visible before, and abort leaves the store as it was.
 */
export interface StoreBatch {
  /** Adds a file, or replaces every passage, vector and record of a file of that name. */
  replaceFile(file: FileWrite): Promise<void>;
  /** Keeps a file's passages and vectors, replacing its entry and, when given, its records. */
  updateFile(name: string, change: { entry: StoredFileEntry; records?: Record<string, unknown[]> }): Promise<void>;
  /** Removes a file and everything stored from it. */
  removeFile(name: string): Promise<void>;
  /** Makes the changes visible; returns where the new version lives (a folder, a database). */
  commit(meta: StoreMeta): Promise<string>;
  abort(): Promise<void>;
}

/**
 * Write side of a store: the ingest pipeline (parse, chunk, extract, embed) is shared, only the
 * writing differs per store. Callers hold the ingest lock while writing.
 */
export interface StoreWriter {
  readonly kind: string;
  /** The files held, with their hashes, or an empty list for a new store. */
  files(): Promise<StoredFileEntry[]>;
  /** What the held passages were built with, or null for a new or unreadable store. */
  meta(): Promise<StoreMeta | null>;
  /** Where the live version lives (for reports), or null. */
  location(): Promise<string | null>;
  /** Starts a batch on top of the live version; `fresh` drops everything held first (a full rebuild). */
  begin(options?: { fresh?: boolean }): Promise<StoreBatch>;
  close(): Promise<void>;
}
