import type { Part } from './find-parts.js';
import { pageAt } from './page-markers.js';
import type { ParsedDocument } from './parse-document.js';

/** The page an offset of a document lies on: true PDF pages when known, else from page footers; null when unknown. */
export function pageOf(doc: ParsedDocument, offset: number, part: Part | null = doc.parts.find((p) => p.start <= offset && offset < p.end) ?? null): number | null {
  if (doc.pageStarts) {
    let page: number | null = null;
    for (const p of doc.pageStarts) if (p.offset <= offset) page = p.page;
    return page;
  }
  return pageAt(doc.markers, offset, part?.start ?? 0);
}
