import type { Place } from '../types.js';
import { classifyDocument, isMeetingPaper } from './classify-document.js';
import { findParts, type AgendaItem, type Part } from './find-parts.js';
import { findCommittee, findCouncil, findMeetingDate, findTitle } from './pack-metadata.js';
import { findPageMarkers, type PageMarker } from './page-markers.js';

export { chunkDocument } from './chunk-document.js';
export { pageOf } from './page-of.js';

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
