import type { Extractor } from '../index/build-index.js';
import type { ParsedDocument } from '../parse/parse-document.js';
import type { Part } from '../parse/find-parts.js';
import { segmentPart } from '../parse/segment-part.js';
import { findLongDates } from '../parse/find-dates.js';
import { createSpanner } from '../extract/cite-span.js';
import { AuditRecordSchema, type AuditRecord, type Meeting } from './audit-record.js';
import { readAuditNotes } from './read-audit-notes.js';
import { readAuditSummaries } from './read-audit-summaries.js';

export { AuditRecordSchema, type AuditRecord } from './audit-record.js';

function meetingOf(doc: ParsedDocument, part: Part): Meeting {
  if (part.kind === 'minutes') {
    // Minutes record their own meeting, not the one whose pack prints them.
    const date = findLongDates(part.title ?? '')[0]?.iso ?? findLongDates(doc.text.slice(part.start, part.start + 800))[0]?.iso ?? null;
    return { committee: doc.committee, date, item: part.itemTitle, itemNumber: part.itemNumber };
  }
  return { committee: doc.committee, date: doc.meetingDate, item: part.itemTitle ?? doc.title, itemNumber: part.itemNumber };
}

/** Internal audit summaries, progress updates, mentions and opinion overviews in one parsed document. */
export function extractAudits(doc: ParsedDocument): AuditRecord[] {
  const spanner = createSpanner(doc);
  const out: AuditRecord[] = [];
  for (const part of doc.parts) {
    if (part.kind === 'agenda') continue;
    const segments = segmentPart(doc.text, part.start, part.end, doc.markers);
    const meeting = meetingOf(doc, part);
    const { summaries, covered } = readAuditSummaries(doc, segments, spanner, meeting);
    out.push(...summaries, ...readAuditNotes(doc, part, segments, covered, spanner, meeting));
  }
  // Records cross into the index as JSON: check them against the schema on the way out.
  return out.map((r) => AuditRecordSchema.parse(r));
}

/** The ingest extractor for internal audit records (name `audit`). */
export const auditExtractor: Extractor = {
  name: 'audit',
  version: '2',
  extract: extractAudits,
  from: { module: import.meta.url, export: 'auditExtractor' },
};
