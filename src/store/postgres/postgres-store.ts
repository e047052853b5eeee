import { AppError } from '../../errors.js';
import { expandQuery, type Glossary } from '../../extract/mine-glossary.js';
import type { Embedder } from '../../index/embedder.js';
import { LocalEmbedder, type LocalEmbedderState } from '../../index/local-embedder.js';
import type { Chunk } from '../../parse/parse-document.js';
import type { PassageStore, SearchHit, SearchOptions } from '../../retrieve/passage-store.js';
import type { Place } from '../../types.js';
import { asksForLatest } from '../../understand/read-question.js';
import type { Database } from './database.js';
import { embeddingDims } from './embedding-column.js';
import { hybridSearch } from './hybrid-search.js';
import { chunkOf, keywordTerms, PASSAGE_COLUMNS, type PassageRow } from './passage-rows.js';
import { readGeneration, readSnapshot, type StoreSnapshot } from './store-snapshot.js';

/** How often a reader asks whether another process changed the store (one tiny query). */
const REFRESH = {
  /** A replica sees another's ingest within a second; a burst of questions costs one check. */
  checkEveryMs: 1_000,
};

export interface PostgresStoreOptions {
  /** An external embedder; the local one is restored from the statistics stored with the passages when absent. */
  embedder?: Embedder;
  /** The clock, for the refresh checks. */
  nowMs?: () => number;
}

/**
 * The PostgreSQL store's read side: search is one SQL statement (hybrid-search.ts); the glossary,
 * records, places and term statistics are read once per store generation and kept, so that answering
 * touches the database only for what the question needs. Every replica on the database reads the same
 * rows, so replicas answer alike; one that sees a new generation reloads what it keeps.
 */
export class PostgresStore implements PassageStore {
  readonly kind = 'postgres';
  private snap: StoreSnapshot;
  private embedderOf: Embedder;
  private withVectors: boolean;
  private checkedAtMs: number;
  private refreshing: Promise<void> | null = null;

  private constructor(
    private readonly db: Database,
    private readonly options: PostgresStoreOptions,
    snap: StoreSnapshot,
    embedder: Embedder,
    withVectors: boolean,
  ) {
    this.snap = snap;
    this.embedderOf = embedder;
    this.withVectors = withVectors;
    this.checkedAtMs = this.now();
  }

  /** Opens the store on a migrated database holding an index (an ingest has run). */
  static async open(db: Database, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const snap = await readSnapshot(db);
    return new PostgresStore(db, options, snap, PostgresStore.embedderFor(snap, options.embedder), (await embeddingDims(db)) !== null);
  }

  private static embedderFor(snap: StoreSnapshot, external?: Embedder): Embedder {
    const { meta } = snap;
    if (!meta.embedder_id) throw new AppError('INDEX_MISSING', 'The database holds no index yet: run `npm run ingest` first.');
    const state = meta.embedder_state as Partial<LocalEmbedderState> | null;
    const embedder = external ?? (state?.df ? new LocalEmbedder(state as LocalEmbedderState) : null);
    if (!embedder || embedder.id !== meta.embedder_id) {
      throw new AppError('INDEX_EMBEDDER_MISMATCH', 'The index was built with a different embedder: run `npm run ingest` again.', {
        detail: `index embedder ${meta.embedder_id}, configured ${embedder?.id ?? 'none'}`,
      });
    }
    return embedder;
  }

  private now(): number {
    return this.options.nowMs?.() ?? Date.now();
  }

  /** The embedder queries are embedded with. */
  get embedder(): Embedder {
    return this.embedderOf;
  }

  get embedderId(): string {
    return this.embedderOf.id;
  }

  get size(): number {
    return this.snap.size;
  }

  get glossary(): Glossary {
    return this.snap.glossary;
  }

  idf(term: string): number {
    return Math.log(1 + this.snap.size / (this.snap.df.get(term) ?? 0.5));
  }

  known(term: string): boolean {
    return (this.snap.df.get(term) ?? 0) > 0;
  }

  records(kind: string): readonly unknown[] {
    return this.snap.records.get(kind) ?? [];
  }

  places(): readonly Place[] {
    return this.snap.places;
  }

  /** Reloads what the reader keeps when another process (or this one) committed a change. */
  async refresh(force = false): Promise<void> {
    if (!force && this.now() - this.checkedAtMs < REFRESH.checkEveryMs) return;
    this.refreshing ??= (async () => {
      try {
        this.checkedAtMs = this.now();
        if ((await readGeneration(this.db)) === this.snap.generation) return;
        const snap = await readSnapshot(this.db);
        const embedder = snap.meta.embedder_id === this.snap.meta.embedder_id && !this.options.embedder && JSON.stringify(snap.meta.embedder_state) === JSON.stringify(this.snap.meta.embedder_state)
          ? this.embedderOf
          : PostgresStore.embedderFor(snap, this.options.embedder);
        this.withVectors = (await embeddingDims(this.db)) !== null;
        this.snap = snap;
        this.embedderOf = embedder;
      } finally {
        this.refreshing = null;
      }
    })();
    await this.refreshing;
  }

  async search(question: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    await this.refresh();
    const text = expandQuery(question, this.snap.glossary);
    const vector = this.withVectors ? await this.embedderOf.embedQuery(text) : null;
    return hybridSearch(this.db, {
      text,
      vector,
      k: options.k ?? 10,
      filters: options.filters,
      prefer: options.prefer,
      preferRecent: options.preferRecent ?? asksForLatest(question),
      stats: { passages: this.snap.size, averageLexemes: this.snap.averageLexemes },
    });
  }

  private async one(where: string, params: unknown[]): Promise<Chunk | null> {
    const rows = await this.db.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE ${where} LIMIT 1`, params);
    return rows[0] ? chunkOf(rows[0]) : null;
  }

  passage(id: string): Promise<Chunk | null> {
    return this.one('id = $1', [id]);
  }

  adjacent(id: string, step: number): Promise<Chunk | null> {
    return this.one('(source, ord) = (SELECT source, ord + $2 FROM passages WHERE id = $1)', [id, step]);
  }

  atOffset(source: string, offset: number): Promise<Chunk | null> {
    return this.one('source = $1 AND span_start <= $2 AND $2 < span_end ORDER BY ord', [source, offset]);
  }

  findOriginal(quote: string, exceptSource: string): Promise<Chunk | null> {
    // The GIN index narrows to passages holding every word of the quote; strpos checks it verbatim.
    // Papers published on their own first, then any passage not reprinted in a pack, in passage order.
    return this.one(
      `tsv @@ plainto_tsquery('simple', $3) AND strpos(text, $1) > 0 AND source <> $2
       AND (doc_type IS NOT DISTINCT FROM 'document' OR reprint = false)
       ORDER BY (doc_type IS NOT DISTINCT FROM 'document') DESC, source COLLATE "C", ord`,
      [quote, exceptSource, keywordTerms(quote).join(' ')],
    );
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
