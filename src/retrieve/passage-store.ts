import type { Glossary } from '../extract/mine-glossary.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Place } from '../types.js';

/**
 * The retriever seam. Every caller outside the store (router, reader, skills, Slack, eval, bench) reads
 * passages and records through this interface and never through array positions or the whole passage
 * list. The embedded store (HNSW + MiniSearch files in the index folder) is one implementation; the
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
