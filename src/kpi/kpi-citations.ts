import { CitationNumbering } from '../answer/citations.js';
import type { KpiRecord, Span } from './kpi-record.js';

/** Citations for several records without repeating a span, saying which numbers each record got. */
export class CitationList extends CitationNumbering {
  /** Adds a span of a record (once) and returns its citation number. */
  add(record: KpiRecord, span: Span): number {
    return this.cite({ ...record.place, chunkId: null, quote: span.text, start: span.start, end: span.end });
  }

  /** Adds a record's row and, for a value read from the commentary, its sentence; returns "[1][2]". */
  addRecord(record: KpiRecord): string {
    const marks = [this.add(record, record.row)];
    if (record.commentary && record.valueSource === 'commentary') marks.push(this.add(record, record.commentary));
    return marks.map((n) => `[${n}]`).join('');
  }
}
