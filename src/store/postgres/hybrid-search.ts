import type { SearchFilters, SearchHit } from '../../retrieve/passage-store.js';
import type { Sql } from './database.js';
import { filterSql, hasAnyFilter, Params } from './filter-sql.js';
import { chunkOf, keywordTerms, PASSAGE_COLUMNS, vectorLiteral, type PassageRow } from './passage-rows.js';

/** The fusion's numbers: the same as the embedded store's search, so that both rank alike. */
export const HYBRID = {
  /** Reciprocal rank fusion's constant: a passage at rank r adds 1 / (k + r). */
  rrfK: 60,
  /** Passages taken from each ranking before fusion. */
  candidates: 80,
  /** Weight of each in-scope ranking of `prefer`; the open rankings weigh 1. */
  preferWeight: 1,
  /** The newest meeting's passages gain 30 % for "latest" questions, the next newest 15 %, and so on. */
  recentBoost: 0.3,
  /** Lexemes this long match as prefixes too (as the embedded keyword index does for long terms). */
  prefixMinLength: 6,
  /** BM25+ as the embedded keyword index has it: k, b, d. */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

export interface HybridQuery {
  /** The query text after glossary expansion. */
  text: string;
  /** Its vector, or null when the store holds no vectors (keyword ranking only). */
  vector: Float32Array | null;
  k: number;
  filters?: SearchFilters;
  prefer?: SearchFilters;
  preferRecent: boolean;
  /** The keyword statistics BM25 needs, read once per store generation: passages, and their mean distinct lexemes. */
  stats: { passages: number; averageLexemes: number };
}

type HitRow = PassageRow & { score: number; vrank: string | number | null; krank: string | number | null };

/** A ranked list of passage ids from a keyword or vector CTE, best first, ranks from 0. */
const ranked = (inner: string, order: string): string =>
  `SELECT id, row_number() OVER (ORDER BY ${order}, id) - 1 AS rank FROM (${inner}) x`;

/**
 * The whole hybrid search as ONE statement: keyword ranking (BM25+ over the tsvector's lexemes and their
 * positions, times the number of query lexemes matched, lexemes OR-combined so that the GIN index finds the
 * candidates) and vector ranking (pgvector's `<=>` cosine distance on the HNSW index), each filtered in
 * its WHERE clause and cut at HYBRID.candidates; the `prefer` scope's two rankings added; reciprocal
 * rank fusion; the "latest" boost; one passage per reprinted text (shown as its original where held);
 * LIMIT k.
 */
export function hybridSearchSql(q: HybridQuery): { text: string; values: unknown[] } {
  const params = new Params();
  // The project tokenizer's terms of the query, as the passages' tsvector holds them (002_project_terms).
  const query = params.add([...new Set(keywordTerms(q.text))]);
  const n = params.add(Math.max(q.stats.passages, 1));
  const avg = params.add(Math.max(q.stats.averageLexemes, 1));
  const where = filterSql(q.filters, params);
  const prefer = hasAnyFilter(q.prefer) ? filterSql(q.prefer, params, true) : null;
  const c = params.add(HYBRID.candidates);
  const pw = prefer ? params.add(HYBRID.preferWeight) : '';
  const ctes: string[] = [
    // Each query lexeme with its tsquery (long ones match as prefixes too, for the GIN index) and its BM25 idf.
    `q AS MATERIALIZED (SELECT lex, to_tsquery('simple', quote_literal(lex) || CASE WHEN length(lex) >= ${params.add(HYBRID.prefixMinLength)} THEN ':*' ELSE '' END) AS tq,
         ln(1 + (${n}::float8 - coalesce(s.df, 1) + 0.5) / (coalesce(s.df, 1) + 0.5)) AS idf
       FROM unnest(${query}::text[]) AS lex LEFT JOIN lexeme_stats s ON s.lexeme = lex)`,
    `anyq AS (SELECT string_agg(tq::text, ' | ')::tsquery AS tq, array_agg(lex) AS lexemes FROM q)`,
    // BM25+ as the embedded keyword index scores it (its k, b and d), with a passage's distinct lexemes for its
    // length; summed per passage and multiplied by the number of the query's lexemes it holds. One row per
    // (matching passage, query lexeme it holds). A long lexeme also finds its completions through the GIN
    // index (as the embedded index does), but only the lexeme itself scores.
    `kw AS (SELECT id, sum(part) * count(DISTINCT lex) AS score${prefer ? ', bool_and(in_prefer) AS in_prefer' : ''}
       FROM (SELECT p.id, q.lex${prefer ? `, (${prefer}) AS in_prefer` : ''},
           q.idf * (${HYBRID.bm25.d} + cardinality(u.positions) * ${HYBRID.bm25.k + 1} / (cardinality(u.positions) + ${HYBRID.bm25.k} * (1 - ${HYBRID.bm25.b} + ${HYBRID.bm25.b} * length(p.tsv) / ${avg}::float8))) AS part
         FROM anyq JOIN passages p ON p.tsv @@ anyq.tq
         -- Only the passage's lexemes that the query holds (marked B, kept by ts_filter), not all of them.
         CROSS JOIN LATERAL unnest(ts_filter(setweight(p.tsv, 'B', anyq.lexemes), '{b}')) AS u
         JOIN q ON u.lexeme = q.lex
         WHERE ${where}) x
       GROUP BY id)`,
    `kw_open AS (${ranked(`SELECT id, score FROM kw ORDER BY score DESC, id LIMIT ${c}`, 'score DESC')})`,
  ];
  const lists = [`SELECT id, rank, 1.0::float8 AS w, NULL::bigint AS vrank, rank AS krank FROM kw_open`];
  if (prefer) {
    ctes.push(`kw_prefer AS (${ranked(`SELECT id, score FROM kw WHERE in_prefer ORDER BY score DESC, id LIMIT ${c}`, 'score DESC')})`);
    lists.push(`SELECT id, rank, ${pw}::float8, NULL, NULL FROM kw_prefer`);
  }
  if (q.vector) {
    const v = params.add(vectorLiteral(q.vector));
    const nearest = (cond: string): string =>
      `SELECT p.id, p.embedding <=> ${v}::vector AS d FROM passages p WHERE p.embedding IS NOT NULL AND ${cond} ORDER BY d LIMIT ${c}`;
    ctes.push(`vec_open AS (${ranked(nearest(where), 'd')})`);
    lists.unshift(`SELECT id, rank, 1.0::float8 AS w, rank AS vrank, NULL::bigint AS krank FROM vec_open`);
    if (prefer) {
      ctes.push(`vec_prefer AS (${ranked(nearest(`${where} AND ${prefer}`), 'd')})`);
      lists.push(`SELECT id, rank, ${pw}::float8, NULL, NULL FROM vec_prefer`);
    }
  }
  const rrfK = params.add(HYBRID.rrfK);
  const recent = params.add(q.preferRecent);
  const boost = params.add(HYBRID.recentBoost);
  ctes.push(
    `fused AS (SELECT id, sum(w / (${rrfK}::float8 + rank)) AS score, min(vrank) AS vrank, min(krank) AS krank FROM (${lists.join(' UNION ALL ')}) r GROUP BY id)`,
    `boosted AS (SELECT f.id, f.vrank, f.krank, p.dup_key,
       (CASE WHEN p.reprint IS NULL THEN p.doc_type IS NOT DISTINCT FROM 'document' ELSE NOT p.reprint END) AS original,
       f.score * (CASE WHEN ${recent}::boolean AND p.meeting_date IS NOT NULL
         THEN 1 + ${boost}::float8 / dense_rank() OVER (ORDER BY p.meeting_date DESC NULLS LAST) ELSE 1 END) AS score
       FROM fused f JOIN passages p USING (id))`,
    `grouped AS (SELECT dup_key, max(score) AS score,
       (array_agg(id ORDER BY score DESC, vrank NULLS LAST, krank NULLS LAST, id))[1] AS best_id,
       (array_agg(id ORDER BY score DESC, vrank NULLS LAST, krank NULLS LAST, id) FILTER (WHERE original))[1] AS original_id
       FROM boosted GROUP BY dup_key)`,
  );
  const cols = PASSAGE_COLUMNS.split(', ').map((col) => `p.${col}`).join(', ');
  const text = `WITH ${ctes.join(',\n')}
    SELECT ${cols}, g.score, b.vrank, b.krank
    FROM grouped g JOIN boosted b ON b.id = g.best_id JOIN passages p ON p.id = coalesce(g.original_id, g.best_id)
    ORDER BY g.score DESC, b.vrank NULLS LAST, b.krank NULLS LAST, p.id
    LIMIT ${params.add(q.k)}`;
  return { text, values: params.values };
}

/** Runs the hybrid search statement. */
export async function hybridSearch(db: Sql, q: HybridQuery): Promise<SearchHit[]> {
  const { text, values } = hybridSearchSql(q);
  const rows = await db.query<HitRow>(text, values);
  const rank = (r: string | number | null): number | null => (r === null ? null : Number(r));
  return rows.map((r) => ({ chunk: chunkOf(r), score: Number(r.score), vectorRank: rank(r.vrank), keywordRank: rank(r.krank) }));
}
