import type { Citation } from '../types.js';
import type { KpiRecord, Span } from './kpi-record.js';

/** A citation of a verbatim span of the record's source file, placed where the record sits. */
export function spanCitation(record: KpiRecord, span: Span, n: number): Citation {
  return { ...record.place, n, chunkId: null, quote: span.text, start: span.start, end: span.end };
}

/** Builds citations for several records without repeating a span, and says which numbers each record got. */
export class CitationList {
  readonly citations: Citation[] = [];
  private readonly bySpan = new Map<string, number>();

  /** Adds a span of a record (once) and returns its citation number. */
  add(record: KpiRecord, span: Span): number {
    const key = `${record.place.source}#${span.start}-${span.end}`;
    const known = this.bySpan.get(key);
    if (known) return known;
    const n = this.citations.length + 1;
    this.citations.push(spanCitation(record, span, n));
    this.bySpan.set(key, n);
    return n;
  }

  /** Adds a record's row and, for a value read from the commentary, its sentence; returns "[1][2]". */
  addRecord(record: KpiRecord): string {
    const marks = [this.add(record, record.row)];
    if (record.commentary && record.valueSource === 'commentary') marks.push(this.add(record, record.commentary));
    return marks.map((n) => `[${n}]`).join('');
  }
}
