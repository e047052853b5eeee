import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ParsedDocument } from '../parse/parse-document.js';
import type { Place } from '../types.js';

export const DOC_TYPES = ['agenda', 'minutes', 'report', 'appendix', 'decision', 'document'] as const;

/** What the ModernGov web service says about a synced paper, kept beside it as `<file>.meta.json`. */
export const PaperMetaSchema = z.object({
  council: z.string(),
  committee: z.string(),
  committeeId: z.string(),
  meetingId: z.string(),
  /** The meeting the paper belongs to; for minutes, the meeting they record. ISO date. */
  meetingDate: z.string().nullable(),
  /** For minutes published with a later meeting (for approval), that later meeting's date. */
  approvedAtMeetingDate: z.string().nullable().default(null),
  meetingStatus: z.string().nullable(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  title: z.string().nullable(),
  docType: z.enum(DOC_TYPES),
  publishedAt: z.string().nullable(),
  /** The document itself (a PDF), or for inline minutes the meeting's page. */
  url: z.string(),
  meetingUrl: z.string(),
  /** Whether `url` points at a PDF, so that `#page=N` opens the cited page. */
  pageLinks: z.boolean().default(false),
  attachmentId: z.string().nullable().default(null),
  /** For inline minutes: the agenda items they minute, each under its own heading "number. title". */
  minuteItems: z.array(z.object({ number: z.string().nullable(), title: z.string().nullable() })).default([]),
});
export type PaperMeta = z.infer<typeof PaperMetaSchema>;

export const META_SUFFIX = '.meta.json';

/** The sidecar's name for a paper. */
export function metaFileName(paper: string): string {
  return `${paper}${META_SUFFIX}`;
}

/** A paper's sidecar, or null when there is none (a paper copied in by hand) or it is unreadable. */
export async function readPaperMeta(paperPath: string): Promise<PaperMeta | null> {
  let raw: string;
  try {
    raw = await readFile(metaFileName(paperPath), 'utf8');
  } catch {
    return null;
  }
  try {
    return PaperMetaSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

/**
 * The service's metadata in place of what parsing guessed from the text: council, committee and
 * meeting date for the whole paper, and the title; pages and paragraphs still come from parsing.
 */
export function applyPaperMeta(doc: ParsedDocument, meta: PaperMeta | null): ParsedDocument {
  if (!meta) return doc;
  return { ...doc, council: meta.council, committee: meta.committee, meetingDate: meta.meetingDate ?? doc.meetingDate, title: meta.title ?? meta.itemTitle ?? doc.title };
}

/** The heading an inline minutes paper gives an agenda item: "3. Public Question Time". */
export function minuteItemHeading(item: { number: string | null; title: string | null }): string {
  return [item.number, item.title].filter(Boolean).join('. ');
}

/** The agenda item whose minutes a passage is in, from the heading it sits under. */
function minutedItem(meta: PaperMeta, section: string | null): PaperMeta['minuteItems'][number] | null {
  if (!section) return null;
  return meta.minuteItems.find((i) => {
    const heading = minuteItemHeading(i);
    return heading !== '' && (section === heading || (section.length >= 100 && heading.startsWith(section.replace(/…$/, ''))));
  }) ?? null;
}

/** The link for a place in a synced paper: the cited page of a PDF, else the paper's own url. */
export function linkFor(meta: PaperMeta, page: number | null): string {
  return meta.pageLinks && page !== null ? `${meta.url}#page=${page}` : meta.url;
}

/**
 * A passage's place with the service's metadata: its link, and the agenda item and type of a paper
 * that is one item's document (parsing cannot know which agenda item a lone report belongs to).
 */
export function placeWithMeta<T extends Place>(place: T, meta: PaperMeta | null): T {
  if (!meta) return place;
  const minuted = minutedItem(meta, place.section);
  if (minuted) return { ...place, url: linkFor(meta, place.page), item: minuted.title ?? place.item, itemNumber: minuted.number ?? place.itemNumber, docType: 'minutes' };
  const singleItem = meta.docType !== 'minutes' && meta.docType !== 'agenda';
  return {
    ...place,
    url: linkFor(meta, place.page),
    item: singleItem ? (meta.itemTitle ?? place.item) : place.item,
    itemNumber: singleItem ? (meta.itemNumber ?? place.itemNumber) : place.itemNumber,
    docType: !singleItem ? (meta.docType === 'minutes' ? 'minutes' : place.docType) : meta.docType === 'report' && place.docType === 'appendix' ? 'appendix' : meta.docType,
  };
}
