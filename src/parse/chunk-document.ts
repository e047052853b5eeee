import { createHash } from 'node:crypto';
import type { Place } from '../types.js';
import { cleanText, normalizeForMatch } from './clean-text.js';
import type { Part } from './find-parts.js';
import { pageOf } from './page-of.js';
import type { Chunk, ParsedDocument } from './parse-document.js';
import { segmentPart, type Segment } from './segment-part.js';

const TARGET_CHARS = 1000;
const MAX_CHARS = 1500;

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

/** How passages are cut; one place for the numbers. */
const CHUNKING = {
  /** A passage is closed once it reaches this many characters (about the plain baseline's 1000: a passage holds a whole point)... */
  targetChars: TARGET_CHARS,
  /** ...and never grows past this many. */
  maxChars: MAX_CHARS,
  /** Table rows are grouped up to this many characters: a row is a fact of its own, and a long group buries it. */
  rowTargetChars: 1000,
  /** A passage with less text than this (a "Date:" line, a page's last words) joins the next, even past a heading. */
  minBodyChars: 120,
  /** A line printed this often in one document is a running header or footer: not indexed. */
  runningLineRepeats: 5,
  /** Running headers and footers are short; a longer repeated line is content (a recurring table note). */
  runningLineMaxChars: 80,
  /** A running line printed at least this often (median characters apart) is on every page: page furniture. */
  pageChars: 6000,
  /** …and printed once a page: repeats fewer than this many lines apart are counted once. */
  runningLineGap: 6,
  /** In parts with no recognised structure, each passage's index text starts with this much of the one before. */
  overlapChars: 200,
} as const;

/** Kinds of part whose inner layout is not a committee paper's (no items, no report header): chunked generically. */
const UNSTRUCTURED = new Set(['document', 'constitution', 'policy', 'annual-report', 'questions']);

/**
 * Lines repeated on many pages (running headers and footers, "OFFICIAL", template notes), compared with
 * digits masked; and of those, the page furniture: lines printed word for word on (nearly) every page,
 * not a heading that recurs once a report in a pack or with another number ("Recommendation 3 - …").
 */
function runningLines(text: string): { running: Set<string>; furniture: Set<string> } {
  const masked = new Map<string, { line: number; offsets: number[] }>();
  const exact = new Map<string, { line: number; offsets: number[] }>();
  const note = (map: typeof masked, key: string, line: number, offset: number): void => {
    const last = map.get(key) ?? { line: -Infinity, offsets: [] };
    // Printed once a page: a line repeated within a few lines is a table's cells ("March 23", "March 24"…).
    if (line - last.line < CHUNKING.runningLineGap) return;
    last.line = line;
    last.offsets.push(offset);
    map.set(key, last);
  };
  let at = 0;
  text.split('\n').forEach((raw, line) => {
    const offset = at;
    at += raw.length + 1;
    const key = lineKey(raw);
    // A figure alone ("£5,964,399", masked "£#,#,#") is a table's value, whatever else is printed like it.
    if (key.length < 6 || key.length > CHUNKING.runningLineMaxChars || /[\t|]/.test(raw) || !/\p{L}{3}/u.test(key)) return;
    note(masked, key, line, offset);
    note(exact, exactKey(raw), line, offset);
  });
  const often = (offsets: readonly number[]): boolean => offsets.length >= CHUNKING.runningLineRepeats;
  const running = new Set([...masked].filter(([, v]) => often(v.offsets)).map(([k]) => k));
  const furniture = new Set<string>();
  for (const [key, { offsets }] of exact) {
    if (!often(offsets)) continue;
    const gaps = offsets.slice(1).map((o, i) => o - offsets[i]!).sort((a, b) => a - b);
    if (gaps[Math.floor(gaps.length / 2)]! <= CHUNKING.pageChars) furniture.add(key);
  }
  return { running, furniture };
}

/** Line keys seen lately: a paper's lines are keyed once for its running lines and again for each passage. */
const lineKeys = new Map<string, { exact: string; masked: string }>();
const LINE_KEY_CACHE = 50_000;

/** A line as compared with others: cleaned and in lower case (`exact`), and with its digits masked too. */
function keysOf(line: string): { exact: string; masked: string } {
  let keys = lineKeys.get(line);
  if (keys === undefined) {
    if (lineKeys.size >= LINE_KEY_CACHE) lineKeys.clear();
    const exact = cleanText(line).trim().toLowerCase();
    keys = { exact, masked: exact.replace(/\d+/g, '#') };
    lineKeys.set(line, keys);
  }
  return keys;
}

const lineKey = (line: string): string => keysOf(line).masked;
const exactKey = (line: string): string => keysOf(line).exact;

/** A passage's text for search: cleaned, without page footers or running lines. */
function bodyOf(text: string, running: ReadonlySet<string>): string {
  return cleanText(text)
    .split('\n')
    .filter((l) => !/^[ \t]*(?:-\s*)?Page\s+\d+(?:\s+of\s+\d+)?[ \t]*$/i.test(l) && !running.has(lineKey(l)))
    .join('\n')
    .trim();
}

/**
 * Chunks a parsed document along its structure: paragraphs grouped up to a few hundred characters,
 * never across parts or pages, nor across headings unless the passage would be a fragment; table rows
 * grouped with their header. Parts with no recognised structure are cut the same way into paragraph
 * windows whose index text carries the section heading and the end of the window before (overlap).
 * Each chunk keeps its verbatim span.
 */
export function chunkDocument(doc: ParsedDocument): Chunk[] {
  // Ingest chunks a document, and each record extractor's spanner asks for the same chunks again.
  let chunks = chunked.get(doc);
  if (!chunks) chunked.set(doc, (chunks = chunkOnce(doc)));
  return chunks;
}

const chunked = new WeakMap<ParsedDocument, Chunk[]>();

function chunkOnce(doc: ParsedDocument): Chunk[] {
  const chunks: Chunk[] = [];
  const { running, furniture } = runningLines(doc.text);
  for (const part of doc.parts) {
    const segments = segmentPart(doc.text, part.start, part.end, doc.markers, (line) => running.has(lineKey(line)), (line) => furniture.has(exactKey(line))).flatMap((seg) => splitLong(doc.text, seg));
    const overlap = UNSTRUCTURED.has(part.kind);
    let section: string | null = null;
    let sectionPara: string | null = null;
    let appendix = false;
    let group: Segment[] = [];
    let previous = '';
    let last: { group: Segment[]; ctx: ChunkContext } | null = null;
    const bodyLength = (): number => (group.length ? bodyOf(doc.text.slice(group[0]!.start, group.at(-1)!.end), running).length : 0);
    const flush = (final = false): void => {
      if (!group.length) return;
      const body = bodyOf(doc.text.slice(group[0]!.start, group.at(-1)!.end), running);
      // A fragment at the end of a part ("CHAIR ______"), with no heading of its own, joins the passage before it on the same page.
      if (final && last && body.length < CHUNKING.minBodyChars && group[0]!.kind !== 'heading' && pageOf(doc, group[0]!.start, part) === pageOf(doc, last.group[0]!.start, part)) {
        const merged = [...last.group, ...group];
        const ctx = { ...last.ctx, body: bodyOf(doc.text.slice(merged[0]!.start, merged.at(-1)!.end), running) };
        chunks[chunks.length - 1] = makeChunk(doc, part, merged, ctx, chunks.length - 1);
      } else if (body) {
        const lead = overlap && previous ? previous.slice(-CHUNKING.overlapChars).replace(/^\S*\s/, '') : '';
        const ctx = { section, sectionPara, appendix, body, lead };
        chunks.push(makeChunk(doc, part, group, ctx, chunks.length));
        last = { group, ctx };
        previous = body;
      }
      group = [];
    };
    for (const seg of segments) {
      if (seg.kind === 'heading') {
        if (bodyLength() >= CHUNKING.minBodyChars) flush();
        section = cleanText(doc.text.slice(seg.start, seg.end)).trim().slice(0, 120);
        sectionPara = seg.paragraph;
        if (/^(appendix|annex)\b/i.test(section)) appendix = true;
        // The heading opens the next passage, so its words are in a passage's text too (and can be quoted).
        if (!group.length || group.every((g) => g.kind === 'heading')) group = [seg];
        else group.push(seg);
        continue;
      }
      // A heading left alone at the foot of a page labels the next passage but is not part of it.
      if (group.length && group.every((g) => g.kind === 'heading') && pageOf(doc, seg.start, part) !== pageOf(doc, group[0]!.start, part)) group = [];
      const first = group.find((g) => g.kind !== 'heading');
      const size = group.length ? seg.end - group[0]!.start : 0;
      // A passage never runs over a page break, so that its page is the page of every word in it.
      const newPage = first !== undefined && pageOf(doc, seg.start, part) !== pageOf(doc, group[0]!.start, part);
      const last = group.findLast((g) => g.kind !== 'heading');
      // Prose and table rows go in separate passages, except a caption too short to stand alone ("Table 1 – …").
      const kindChange = last !== undefined && (last.kind === 'row') !== (seg.kind === 'row') && bodyLength() >= CHUNKING.minBodyChars;
      const headerChange = last !== undefined && last.kind === 'row' && seg.kind === 'row' && last.header !== seg.header && last.header !== null;
      const full = first !== undefined && (size + (seg.end - seg.start) > CHUNKING.maxChars || size >= (seg.kind === 'row' ? CHUNKING.rowTargetChars : CHUNKING.targetChars));
      if (kindChange || headerChange || newPage || full) flush();
      group.push(seg);
    }
    flush(true);
  }
  return chunks;
}

interface ChunkContext {
  section: string | null;
  sectionPara: string | null;
  appendix: boolean;
  /** The passage's cleaned text for search. */
  body: string;
  /** The end of the passage before, for parts chunked generically. */
  lead: string;
}

function makeChunk(doc: ParsedDocument, part: Part, group: Segment[], ctx: ChunkContext, index: number): Chunk {
  const { section, sectionPara, appendix, body, lead } = ctx;
  const start = group[0]!.start;
  const end = group.at(-1)!.end;
  const text = doc.text.slice(start, end);
  const header = group.find((s) => s.header)?.header ?? null;
  const paragraph = group.find((s) => s.kind !== 'heading' && s.paragraph)?.paragraph ?? sectionPara;
  // A standalone file's minutes heading says what the context line already says.
  const itemTitle = part.kind === 'minutes' && !part.itemNumber ? null : part.itemTitle;
  const context = [itemTitle, section, header].filter(Boolean).join(' — ');
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
    url: null,
    ...(approvedAt ? { approvedAt } : {}),
  };
  const dupKey = createHash('sha1').update(normalizeForMatch(body)).digest('hex').slice(0, 16);
  return {
    id: `${doc.source}#${index}`,
    source: doc.source,
    start,
    end,
    text,
    indexText: [contextLine(place), context, lead, body].filter(Boolean).join('\n'),
    place,
    dupKey,
    tableHeader: header,
    reprint: doc.parts.filter((p) => p.kind !== 'agenda').length > 1,
  };
}
