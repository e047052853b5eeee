import { CitationNumbering } from '../answer/citations.js';
import type { KpiRecord, Span } from './kpi-record.js';

/** Trailing cells of ASCII marks only ("<>>", "\\$"): what a PDF conversion leaves of a lost arrow glyph. */
const DEBRIS_CELLS = /(?:\t[<>^~*#=_|\\$ ]*)+$/;

/** A row's span ending at its last real cell, still a verbatim slice of the source. */
export function withoutDebris(span: Span): Span {
  const text = span.text.replace(DEBRIS_CELLS, '');
  return text ? { ...span, text, end: span.start + text.length } : span;
}

/** Citations for several records without repeating a span, saying which numbers each record got. */
export class CitationList extends CitationNumbering {
  /** Adds a span of a record (once) and returns its citation number. */
  add(record: KpiRecord, span: Span): number {
    return this.cite({ ...record.place, chunkId: null, quote: span.text, start: span.start, end: span.end });
  }

  /** Adds a record's row and, for a value read from the commentary, its sentence; returns "[1][2]". */
  addRecord(record: KpiRecord): string {
    // The row as quoted: without the debris of a lost arrow after its last cell.
    const marks = [this.add(record, withoutDebris(record.row))];
    if (record.commentary && record.valueSource === 'commentary') marks.push(this.add(record, record.commentary));
    return marks.map((n) => `[${n}]`).join('');
  }
}
