import { mergeGlossaries, type Glossary } from '../../extract/mine-glossary.js';
import type { Place } from '../../types.js';
import type { Sql } from './database.js';

/** What store_meta says the passages were built with. */
export interface MetaRow {
  parser_version: string | null;
  embedder_id: string | null;
  dims: number | null;
  extractors: string | null;
  embedder_state: unknown;
  passages: string | number;
  generation: string | number;
}

/** What a reader keeps in memory, read once per store generation (every committed change bumps it). */
export interface StoreSnapshot {
  generation: number;
  meta: MetaRow;
  size: number;
  glossary: Glossary;
  records: Map<string, unknown[]>;
  places: Place[];
  df: Map<string, number>;
  /** The mean number of distinct lexemes a passage's tsvector holds: BM25's mean length in the keyword search. */
  averageLexemes: number;
}

export async function readMeta(db: Sql): Promise<MetaRow> {
  const rows = await db.query<MetaRow>('SELECT parser_version, embedder_id, dims, extractors, embedder_state, passages, generation FROM store_meta WHERE id = 1');
  if (!rows[0]) throw new Error('store_meta has no row: the migrations were not applied');
  return rows[0];
}

/** The store's current generation (one small row). */
export async function readGeneration(db: Sql): Promise<number> {
  const rows = await db.query<{ generation: string | number }>('SELECT generation FROM store_meta WHERE id = 1');
  return Number(rows[0]?.generation ?? 0);
}

/**
 * Reads everything derived from the whole store in one transaction (one consistent view): the glossary
 * (first definition wins, in file order, as in the embedded store), every record by kind in file
 * order, the distinct places in passage order, and the terms' document frequencies.
 */
export async function readSnapshot(db: { transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> }): Promise<StoreSnapshot> {
  return db.transaction(async (tx) => {
    const meta = await readMeta(tx);
    const glossaries = await tx.query<{ data: Glossary }>('SELECT data FROM glossary ORDER BY source COLLATE "C"');
    const records = new Map<string, unknown[]>();
    for (const r of await tx.query<{ kind: string; data: unknown }>('SELECT kind, data FROM records ORDER BY source COLLATE "C", kind, ord')) {
      let list = records.get(r.kind);
      if (!list) records.set(r.kind, (list = []));
      list.push(r.data);
    }
    const places = await tx.query<{ place: Place }>(
      `SELECT place FROM (
         SELECT DISTINCT ON (source, council, committee, meeting_date, doc_type) source, ord, place FROM passages
         ORDER BY source, council, committee, meeting_date, doc_type, ord) d
       ORDER BY source COLLATE "C", ord`,
    );
    const df = new Map<string, number>();
    for (const r of await tx.query<{ term: string; df: number }>('SELECT term, df FROM term_stats WHERE df > 0')) df.set(r.term, r.df);
    const [lexemes] = await tx.query<{ total: string | number | null }>('SELECT sum(df) AS total FROM lexeme_stats');
    return {
      averageLexemes: Number(lexemes?.total ?? 0) / Math.max(Number(meta.passages), 1),
      generation: Number(meta.generation),
      meta,
      size: Number(meta.passages),
      glossary: mergeGlossaries(glossaries.map((g) => g.data)),
      records,
      places: places.map((p) => p.place),
      df,
    };
  });
}
