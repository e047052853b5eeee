import { createHash } from 'node:crypto';
import type { Place } from '../types.js';
import { cleanText, normalizeForMatch } from './clean-text.js';
import { classifyDocument, isMeetingPaper } from './classify-document.js';
import { findParts, type AgendaItem, type Part } from './find-parts.js';
import { findCommittee, findCouncil, findMeetingDate, findTitle } from './pack-metadata.js';
import { findPageMarkers, pageAt, type PageMarker } from './page-markers.js';
import { segmentPart, type Segment } from './segment-part.js';

/** A passage to index: a span of the source text with its place and the text used for search. */
export interface Chunk {
  id: string;
  source: string;
  start: number;
  end: number;
  /** The original text of the span, verbatim. */
  text: string;
  /** Cleaned text with its context (item, section, table header) for embedding and keyword search. */
  indexText: string;
  place: Place;
  /** Same key for the same passage reprinted elsewhere (normalised text hash). */
  dupKey: string;
  /** For table rows: the header row of their table. */
  tableHeader: string | null;
  /**
   * True when the passage is printed inside a meeting pack with other papers (a report or earlier
   * minutes reprinted in the pack); false in a document published on its own. Absent in old indexes.
   */
  reprint?: boolean;
}

export interface ParsedDocument {
  source: string;
  text: string;
  council: string | null;
  committee: string | null;
  meetingDate: string | null;
  title: string | null;
  agenda: AgendaItem[];
  parts: Part[];
  markers: PageMarker[];
  /** Page of each offset, when the loader knows true page starts (PDF). */
  pageStarts: Array<{ offset: number; page: number }> | null;
}

export interface ParseOptions {
  /** The council to assume when a document does not clearly name its own (a one-council deployment). */
  defaultCouncil?: string | null;
}

/** Parses the text of one corpus file into its parts and metadata. Unknown metadata stays null. */
export function parseDocument(source: string, text: string, pageStarts: ParsedDocument['pageStarts'] = null, options: ParseOptions = {}): ParsedDocument {
  const markers = findPageMarkers(text);
  const { parts, agenda } = findParts(text, markers);
  const isPack = agenda.length >= 2 || parts.some((p) => p.kind === 'minutes');
  const council = findCouncil(text) ?? options.defaultCouncil ?? null;
  const meetingPaper = isPack || parts.some((p) => isMeetingPaper(p.kind)) || isMeetingPaper(classifyDocument(text));
  return {
    source,
    text,
    council,
    committee: meetingPaper ? findCommittee(text) : null,
    meetingDate: meetingPaper ? findMeetingDate(text) : null,
    title: agenda.length >= 2 ? null : singleTitle(parts) ?? findTitle(text, council),
    agenda,
    parts,
    markers,
    pageStarts,
  };
}

/** A standalone report's title is the one its header block gives. */
function singleTitle(parts: readonly Part[]): string | null {
  const titled = parts.filter((p) => p.title && p.kind !== 'document');
  return titled.length === 1 ? titled[0]!.title : null;
}

/** The page an offset of a document lies on: true PDF pages when known, else from page footers; null when unknown. */
export function pageOf(doc: ParsedDocument, offset: number, part: Part | null = doc.parts.find((p) => p.start <= offset && offset < p.end) ?? null): number | null {
  if (doc.pageStarts) {
    let page: number | null = null;
    for (const p of doc.pageStarts) if (p.offset <= offset) page = p.page;
    return page;
  }
  return pageAt(doc.markers, offset, part?.start ?? 0);
}

const TARGET_CHARS = 700;
const MAX_CHARS = 1100;

/** Splits a paragraph longer than MAX_CHARS at sentence ends, so no chunk drowns its own point. */
function splitLong(text: string, seg: Segment): Segment[] {
  if (seg.end - seg.start <= MAX_CHARS || seg.kind !== 'para') return [seg];
  const out: Segment[] = [];
  let start = seg.start;
  const re = /[.!?]["')]?\s+(?=[A-Z(“"])/g;
  re.lastIndex = seg.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < seg.end) {
    const cut = m.index + m[0].length;
    if (cut - start >= TARGET_CHARS && seg.end - cut > 200) {
      out.push({ ...seg, start, end: cut });
      start = cut;
    }
  }
  out.push({ ...seg, start });
  return out;
}

/** The document type a part's passages are shown with. */
function docTypeOf(part: Part, appendix: boolean): string {
  if (appendix && part.kind !== 'constitution' && part.kind !== 'annual-report') return 'appendix';
  return part.kind;
}

const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-03-19" -> "19 March 2026", as a question would name the meeting. */
function spokenDate(iso: string | null): string | null {
  return iso ? DAY_MONTH.format(new Date(`${iso}T00:00:00Z`)) : null;
}

/** The line of context put before each passage's text for search: whose paper, which meeting, what kind. */
function contextLine(place: Place): string {
  const type = place.docType && place.docType !== 'document' ? place.docType.replace('-', ' ') : null;
  return [place.council, place.committee, spokenDate(place.meetingDate), type].filter(Boolean).join(' · ');
}

/**
 * Chunks a parsed document along its structure: paragraphs grouped up to a few hundred characters,
 * never across parts or headings; table rows grouped with their header. Each chunk keeps its span.
 */
export function chunkDocument(doc: ParsedDocument): Chunk[] {
  const chunks: Chunk[] = [];
  for (const part of doc.parts) {
    const segments = segmentPart(doc.text, part.start, part.end, doc.markers).flatMap((seg) => splitLong(doc.text, seg));
    let section: string | null = null;
    let sectionPara: string | null = null;
    let appendix = false;
    let group: Segment[] = [];
    const flush = (): void => {
      if (!group.length) return;
      chunks.push(makeChunk(doc, part, group, section, sectionPara, appendix, chunks.length));
      group = [];
    };
    for (const seg of segments) {
      if (seg.kind === 'heading') {
        flush();
        section = cleanText(doc.text.slice(seg.start, seg.end)).trim().slice(0, 120);
        sectionPara = seg.paragraph;
        if (/^(appendix|annex)\b/i.test(section)) appendix = true;
        continue;
      }
      const size = group.length ? seg.end - group[0]!.start : 0;
      // A passage never runs over a page break, so that its page is the page of every word in it.
      const newPage = group.length > 0 && pageOf(doc, seg.start, part) !== pageOf(doc, group[0]!.start, part);
      const kindChange = group.length > 0 && (group[0]!.kind === 'row') !== (seg.kind === 'row');
      const headerChange = group.length > 0 && seg.kind === 'row' && group[0]!.header !== seg.header && group[0]!.header !== null;
      if (group.length && (kindChange || headerChange || newPage || size + (seg.end - seg.start) > MAX_CHARS || size >= TARGET_CHARS)) flush();
      group.push(seg);
    }
    flush();
  }
  return chunks;
}

function makeChunk(
  doc: ParsedDocument,
  part: Part,
  group: Segment[],
  section: string | null,
  sectionPara: string | null,
  appendix: boolean,
  index: number,
): Chunk {
  const start = group[0]!.start;
  const end = group.at(-1)!.end;
  const text = doc.text.slice(start, end);
  const header = group.find((s) => s.header)?.header ?? null;
  const paragraph = group.find((s) => s.paragraph)?.paragraph ?? sectionPara;
  const body = cleanText(text).replace(/^[ \t]*(?:-\s*)?Page\s+\d+(?:\s+of\s+\d+)?[ \t]*$/gim, '');
  const context = [part.itemTitle, section, header].filter(Boolean).join(' — ');
  const minutes = part.kind === 'minutes' && part.meetingDate ? part : null;
  // Minutes are dated by the meeting they record; printed in a later pack, that pack's meeting approved them.
  const approvedAt = minutes && doc.meetingDate && doc.meetingDate !== minutes.meetingDate && doc.parts.length > 1 ? doc.meetingDate : null;
  const place: Place = {
    source: doc.source,
    council: doc.council,
    committee: (minutes && part.committee) || doc.committee,
    meetingDate: minutes?.meetingDate ?? doc.meetingDate,
    item: part.itemTitle ?? doc.title,
    itemNumber: part.itemNumber,
    page: pageOf(doc, start, part),
    paragraph,
    section,
    docType: docTypeOf(part, appendix),
    ...(approvedAt ? { approvedAt } : {}),
  };
  const dupKey = createHash('sha1').update(normalizeForMatch(body)).digest('hex').slice(0, 16);
  return {
    id: `${doc.source}#${index}`,
    source: doc.source,
    start,
    end,
    text,
    indexText: [contextLine(place), context, body].filter(Boolean).join('\n'),
    place,
    dupKey,
    tableHeader: header,
    reprint: doc.parts.filter((p) => p.kind !== 'agenda').length > 1,
  };
}
