import { cleanText } from './clean-text.js';
import { linesOf } from './find-parts.js';
import type { PageMarker } from './page-markers.js';

/** A unit of text inside a part: a heading, a paragraph (or list item) or a table row. */
export interface Segment {
  kind: 'heading' | 'para' | 'row';
  start: number;
  end: number;
  /** Paragraph number such as "5.2" or minute "136", where the text gives one. */
  paragraph: string | null;
  /** For table rows: the table's header row text. */
  header: string | null;
}

const PARA_NUM = /^(?:[-*•]\s*)?\(?((?:\d{1,3}\.){1,3}\d{1,3}(?=\.?\s)|\d{1,3}(?=[.)]\s)|[a-z](?=[.)]\s)|[ivx]{1,4}(?=[.)]\s))[.)]?\s+\S/;
const NUMBERED_HEADING = /^(?:#+\s*)?(\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-Z][^.!?]{2,90})$/;
const TERMINAL = /[.:;!?]["')\]]?$/;

function isTableRow(raw: string): boolean {
  const t = raw.trim();
  if (/^\|.*\|$/.test(t)) return !/^\|[\s|:-]+\|$/.test(t);
  return t.split('\t').filter((c) => c.trim()).length >= 2;
}

/** A heading ending in a colon is a label of at most this many words ("Purpose of the report:"), without a verb ("Recommendation 3 was not approved:" leads in). */
const LABEL_WORDS = 5;
const LEAD_VERB = /\b(?:was|were|is|are|has|have|had|will|shall|would)\b/i;

function isHeading(clean: string, raw: string, next: string): boolean {
  if (!clean || clean.length > 110 || TERMINAL.test(clean) && !clean.endsWith(':')) return false;
  // A line that runs on into the next in lower case is the first line of a wrapped paragraph, not a heading;
  // a line of more than a few words ending in a colon introduces what follows ("X moved an amendment as follows:").
  if (/^[a-z]/.test(next) || (clean.endsWith(':') && (clean.split(/\s+/).length > LABEL_WORDS || LEAD_VERB.test(clean)))) return false;
  const nextBlank = !next;
  if (/^#{1,6}\s/.test(raw.trim())) return true;
  if (/^\*\*[^*]+\*\*$/.test(raw.trim()) && clean.length < 100) return true;
  if (NUMBERED_HEADING.test(clean) && clean.split(/\s+/).length <= 12) return true;
  return nextBlank && clean.length <= 70 && /^[A-Z0-9]/.test(clean) && clean.split(/\s+/).length <= 10 && !clean.endsWith(',');
}

/** Splits one part of a pack into headings, paragraphs and table rows, keeping each one's span; `isRunning` tells a running header or footer line. */
export function segmentPart(
  text: string,
  partStart: number,
  partEnd: number,
  markers: readonly PageMarker[],
  isRunning: (line: string) => boolean = () => false,
  isFurniture: (line: string) => boolean = () => false,
): Segment[] {
  const lines = linesOf(text.slice(partStart, partEnd)).map((l) => ({ ...l, start: l.start + partStart, end: l.end + partStart }));
  const markerStarts = new Set(markers.map((m) => m.index));
  const out: Segment[] = [];
  let para: Segment | null = null;
  let header: string | null = null;
  let inTable = false;
  const close = (): void => {
    if (para) out.push(para);
    para = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const raw = line.text;
    const clean = line.clean;
    if (!clean) {
      close();
      continue;
    }
    const marker = markers.find((m) => m.index === line.start || (m.index > line.start && m.index < line.end && !raw.slice(0, m.index - line.start).trim()));
    if (marker && marker.end >= line.end - 1) continue;
    if (marker && markerStarts.has(marker.index) && !isTableRow(raw.slice(marker.end - line.start))) continue;
    if (isTableRow(raw)) {
      close();
      const cells = raw.split(/\t|\|/).map((c) => c.trim()).filter(Boolean);
      const numeric = cells.filter((c) => /\d/.test(c)).length;
      if (!inTable && numeric <= cells.length / 3) {
        header = cleanText(cells.join(' | '));
        out.push({ kind: 'row', start: line.start, end: line.end, paragraph: null, header: null });
      } else {
        out.push({ kind: 'row', start: line.start, end: line.end, paragraph: null, header });
      }
      inTable = true;
      continue;
    }
    inTable = false;
    header = null;
    // A page's running header block ("NOVEMBER 2025 PART 3.2" over "OFFICIAL"), printed on every page, is no heading.
    if (isFurniture(raw) && (isRunning(nearLine(lines, i, -1)) || isRunning(nearLine(lines, i, 1)))) continue;
    // The line after, past a running header or footer printed between a heading and its text.
    let j = i + 1;
    while (j < lines.length && lines[j]!.clean && isRunning(lines[j]!.text)) j++;
    const next = lines[j]?.clean ?? '';
    const prevPara = para as Segment | null;
    if (!prevPara && out.length && isContinuation(out, text, clean)) {
      const last = out.pop()!;
      para = { ...last, end: line.end };
      continue;
    }
    if (isHeading(clean, raw, next) && !prevPara) {
      const num = NUMBERED_HEADING.exec(clean);
      out.push({ kind: 'heading', start: line.start, end: line.end, paragraph: num ? num[1]! : null, header: null });
      continue;
    }
    const num = PARA_NUM.exec(clean);
    if (prevPara && !num && !/^[-*•]\s/.test(raw.trim())) {
      para = { ...prevPara, end: line.end };
      continue;
    }
    close();
    para = { kind: 'para', start: line.start, end: line.end, paragraph: num ? num[1]! : null, header: null };
  }
  close();
  return out;
}

/** The text of the nearest non-blank line before (step -1) or after (step 1) line `i`, or ''. */
function nearLine(lines: ReadonlyArray<{ text: string; clean: string }>, i: number, step: -1 | 1): string {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.clean) return lines[j]!.text;
  return '';
}

/** A paragraph cut by a page footer goes on after it: the text before has no full stop and this starts in lower case. */
function isContinuation(out: readonly Segment[], text: string, clean: string): boolean {
  const last = out.at(-1)!;
  if (last.kind !== 'para') return false;
  const before = cleanText(text.slice(last.start, last.end)).trim();
  const body = clean.replace(/^[-*•]\s*/, '');
  return !TERMINAL.test(before) && /^[a-z(]/.test(body);
}
