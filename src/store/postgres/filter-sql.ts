import type { SearchFilters } from '../../retrieve/passage-store.js';

/** Collects query parameters and hands out their `$n` placeholders. */
export class Params {
  readonly values: unknown[] = [];

  /** The placeholder of a new parameter. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Whether a filter narrows anything (an empty list or string does not). */
export const hasAnyFilter = (f: SearchFilters | undefined): f is SearchFilters =>
  f !== undefined && Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

/**
 * A search filter as a SQL condition on the passages alias `p` (the same rules as the embedded store's
 * matchesFilters): substring matches are case-insensitive, a passage of unknown council or committee
 * passes a council or committee list (unless `strict`, as a preferred scope is), and a passage without a
 * meeting date fails any date filter.
 */
export function filterSql(f: SearchFilters | undefined, params: Params, strict = false): string {
  if (!hasAnyFilter(f)) return 'TRUE';
  const out: string[] = [];
  const contains = (column: string, wanted: string | undefined): void => {
    if (wanted) out.push(`strpos(lower(coalesce(p.${column}, '')), lower(${params.add(wanted)})) > 0`);
  };
  contains('council', f.council);
  contains('committee', f.committee);
  contains('doc_type', f.docType);
  contains('source', f.source);
  if (f.councils?.length) out.push(`(${strict ? '' : 'p.council IS NULL OR '}p.council = ANY(${params.add(f.councils)}::text[]))`);
  if (f.meetingDates?.length) out.push(`p.meeting_date = ANY(${params.add(f.meetingDates)}::text[])`);
  if (f.docTypes?.length) out.push(`p.doc_type = ANY(${params.add(f.docTypes)}::text[])`);
  if (f.committees?.length) out.push(`(${strict ? '' : 'p.committee IS NULL OR '}p.committee = ANY(${params.add(f.committees)}::text[]))`);
  if (f.from) out.push(`p.meeting_date >= ${params.add(f.from)}`);
  if (f.to) out.push(`p.meeting_date <= ${params.add(f.to)}`);
  return out.length ? out.join(' AND ') : 'TRUE';
}
