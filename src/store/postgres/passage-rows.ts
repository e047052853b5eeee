import type { Chunk } from '../../parse/parse-document.js';
import { terms } from '../../index/tokenize.js';
import type { Place } from '../../types.js';

/** The columns of `passages` read back into a Chunk (`place` is kept whole as JSON). */
export const PASSAGE_COLUMNS = 'id, source, span_start, span_end, text, index_text, place, dup_key, table_header, reprint';

export interface PassageRow {
  id: string;
  source: string;
  span_start: number;
  span_end: number;
  text: string;
  index_text: string;
  place: Place;
  dup_key: string;
  table_header: string | null;
  reprint: boolean | null;
}

/** A stored passage as the rest of the code knows it. */
export function chunkOf(row: PassageRow): Chunk {
  return {
    id: row.id,
    source: row.source,
    start: row.span_start,
    end: row.span_end,
    text: row.text,
    indexText: row.index_text,
    place: row.place,
    dupKey: row.dup_key,
    tableHeader: row.table_header,
    ...(row.reprint === null ? {} : { reprint: row.reprint }),
  };
}

/** pgvector's text form of a vector. */
export function vectorLiteral(v: Float32Array): string {
  return `[${Array.from(v, (x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;
}

/** A text's terms as keyword search reads them: the project tokenizer's, those PostgreSQL's parser keeps whole. */
export function keywordTerms(text: string): string[] {
  return terms(text).filter((t) => KEYWORD_TERM.test(t));
}
const KEYWORD_TERM = /^[\p{L}\p{N}]+$/u;

/** The heading text of a passage (item, section, table header), weighted higher in keyword search. */
function headingOf(chunk: Chunk): string {
  return [chunk.place.item, chunk.place.section, chunk.tableHeader].filter(Boolean).join(' \n ');
}

/**
 * A file's passages as column arrays for one `INSERT ... SELECT FROM unnest(...)`: one statement per
 * file, whatever its size. Terms are distinct per passage (document frequencies count passages).
 */
export function passageColumns(chunks: readonly Chunk[]): unknown[] {
  const col = <T>(f: (c: Chunk, i: number) => T): T[] => chunks.map(f);
  // Each passage's index text is tokenized once, for its distinct terms and for keyword search's terms in order.
  const bodyTerms = chunks.map((c) => terms(c.indexText));
  return [
    col((c) => c.id),
    col((c, i) => i),
    col((c) => c.start),
    col((c) => c.end),
    col((c) => c.place.council),
    col((c) => c.place.committee),
    col((c) => c.place.meetingDate),
    col((c) => c.place.item),
    col((c) => c.place.itemNumber),
    col((c) => c.place.page),
    col((c) => c.place.paragraph),
    col((c) => c.place.section),
    col((c) => c.place.docType),
    col((c) => c.place.approvedAt ?? null),
    col((c) => c.place.url),
    col((c) => c.dupKey),
    col((c) => c.reprint ?? null),
    col((c) => c.tableHeader),
    col((c) => JSON.stringify(c.place)),
    col((c) => c.text),
    col((c) => c.indexText),
    col((c) => headingOf(c)),
    col((c, i) => [...new Set(bodyTerms[i])].join(' ')),
    // The keyword search's terms, in order (migrations/002_project_terms.sql).
    col((c) => keywordTerms(headingOf(c)).join(' ')),
    col((c, i) => bodyTerms[i]!.filter((t) => KEYWORD_TERM.test(t)).join(' ')),
  ];
}

/** The INSERT matching passageColumns; `$1` is the file name, the vectors (when stored) the last parameter. */
export function insertPassagesSql(withVectors: boolean): string {
  const vectorCol = withVectors ? ', embedding' : '';
  const vectorVal = withVectors ? ', e::vector' : '';
  const vectorArg = withVectors ? ', $27::text[]' : '';
  const vectorName = withVectors ? ', e' : '';
  return `INSERT INTO passages (id, source, ord, span_start, span_end, council, committee, meeting_date, item, item_number, page,
      paragraph, section, doc_type, approved_at, url, dup_key, reprint, table_header, place, text, index_text, heading, terms, heading_terms, body_terms${vectorCol})
    SELECT id, $1, ord, s, e_, council, committee, meeting_date, item, item_number, page, paragraph, section, doc_type, approved_at,
      url, dup_key, reprint, table_header, place::jsonb, text, index_text, heading, string_to_array(terms, ' '), heading_terms, body_terms${vectorVal}
    FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[],
      $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::bool[], $19::text[], $20::text[], $21::text[],
      $22::text[], $23::text[], $24::text[], $25::text[], $26::text[]${vectorArg})
      AS x(id, ord, s, e_, council, committee, meeting_date, item, item_number, page, paragraph, section, doc_type, approved_at, url,
        dup_key, reprint, table_header, place, text, index_text, heading, terms, heading_terms, body_terms${vectorName})`;
}
