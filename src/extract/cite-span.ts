import { z } from 'zod';
import { chunkDocument, pageOf, type ParsedDocument } from '../parse/parse-document.js';
import type { Part } from '../parse/find-parts.js';
import { CitationNumbering } from '../answer/citations.js';
import { PlaceSchema, type Citation } from '../types.js';

/** A verbatim span of a corpus file: `quote` is always `text.slice(start, end)` of the file's text. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string().min(1),
  page: z.number().int().nullable(),
  paragraph: z.string().nullable(),
  section: z.string().nullable(),
  /** The indexed passage the span starts in, for "Show source". */
  chunkId: z.string().nullable(),
});
export type Span = z.infer<typeof SpanSchema>;

/** The document a record comes from: the fields every citation of it shares. */
export const DocPlaceSchema = PlaceSchema.pick({
  source: true,
  council: true,
  committee: true,
  meetingDate: true,
  item: true,
  itemNumber: true,
  docType: true,
});
export type DocPlace = z.infer<typeof DocPlaceSchema>;

/** A numbered citation of a span, in the answer shape. */
export function citeSpan(place: DocPlace, span: Span, n: number): Citation {
  return {
    n,
    chunkId: span.chunkId,
    ...place,
    // Filled from the passage holding the span when the answer is assembled.
    url: null,
    page: span.page,
    paragraph: span.paragraph,
    section: span.section,
    quote: span.quote,
    start: span.start,
    end: span.end,
  };
}

/** Makes spans and places for one parsed document. */
export interface Spanner {
  /** The span [start, end) with surrounding white space and a leading list marker trimmed; null if empty. */
  span(start: number, end: number, where?: { paragraph?: string | null; section?: string | null }): Span | null;
  /** The place of the part holding an offset. */
  place(offset: number, docType?: string): DocPlace;
  /** The part holding an offset. */
  partAt(offset: number): Part | null;
}

/** Builds the span maker for a document; chunk ids are those the index gives the same document. */
export function createSpanner(doc: ParsedDocument): Spanner {
  let chunks: Array<{ id: string; start: number; end: number }> | null = null;
  const chunkAt = (offset: number): string | null => {
    chunks ??= chunkDocument(doc).map((c) => ({ id: c.id, start: c.start, end: c.end }));
    return chunks.find((c) => c.start <= offset && offset < c.end)?.id ?? null;
  };
  const partAt = (offset: number): Part | null => doc.parts.find((p) => p.start <= offset && offset < p.end) ?? null;
  const pageAt = (offset: number): number | null => pageOf(doc, offset, partAt(offset));
  return {
    span(start, end, where = {}) {
      let s = start;
      let e = end;
      const text = doc.text;
      while (s < e && /\s/.test(text[s]!)) s++;
      const marker = /^[-*•]\s+/.exec(text.slice(s, Math.min(e, s + 8)));
      if (marker) s += marker[0].length;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e <= s) return null;
      return {
        start: s,
        end: e,
        quote: text.slice(s, e),
        page: pageAt(s),
        paragraph: where.paragraph ?? null,
        section: where.section ?? null,
        chunkId: chunkAt(s),
      };
    },
    place(offset, docType) {
      const part = partAt(offset);
      return {
        source: doc.source,
        council: doc.council,
        committee: doc.committee,
        meetingDate: doc.meetingDate,
        item: part?.itemTitle ?? doc.title,
        itemNumber: part?.itemNumber ?? null,
        docType: docType ?? part?.kind ?? null,
      };
    },
    partAt,
  };
}

/** The part [from, to) of a span (offsets within its quote), trimmed; still a verbatim slice of the file. */
export function subSpan(span: Span, from: number, to: number): Span {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(span.quote[a]!)) a++;
  while (b > a && /\s/.test(span.quote[b - 1]!)) b--;
  return { ...span, start: span.start + a, end: span.start + b, quote: span.quote.slice(a, b) };
}

/** Numbers citations as an answer uses them; the same span cited twice keeps its first number. */
export interface CitationList {
  /** The marker for a span, e.g. "[2]". */
  cite(place: DocPlace, span: Span): string;
  readonly citations: Citation[];
}

/** A fresh, empty citation list. */
export function createCitationList(): CitationList {
  const numbering = new CitationNumbering();
  return {
    cite: (place, span) => `[${numbering.cite(citeSpan(place, span, 0))}]`,
    citations: numbering.citations,
  };
}

/** "25 Oct 2023" for an ISO date. */
export function shortDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][(m ?? 1) - 1];
  return `${d} ${month} ${y}`;
}
