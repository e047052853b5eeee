import { classifyDocument, type DocType } from './classify-document.js';
import { cleanText, normalizeForMatch } from './clean-text.js';
import { findLongDates } from './find-dates.js';
import { bodyFromMinutesHeading } from './pack-metadata.js';
import { titleCase } from './title-case.js';
import type { PageMarker } from './page-markers.js';

export interface AgendaItem {
  number: string;
  title: string;
  pageFrom: number | null;
  pageTo: number | null;
}

/** What a part is; appendices are found inside parts, by their headings. */
export type PartKind = Exclude<DocType, 'appendix'>;

/** A part of a pack: the agenda, a set of minutes, or a report with its appendices. */
export interface Part {
  kind: PartKind;
  start: number;
  end: number;
  title: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  /** For minutes: the date of the meeting they record (not the pack's). Null when the part does not say. */
  meetingDate?: string | null;
  /** For minutes: the body whose meeting they record, when the heading names it. */
  committee?: string | null;
}

interface Line {
  text: string;
  clean: string;
  start: number;
  end: number;
}

/** Splits text into lines with their offsets. */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw, clean: cleanText(raw).trim(), start, end: start + raw.length });
    start += raw.length + 1;
  }
  return out;
}

const AGENDA_LINE =
  /^(?:[-*•]\s*)?(?:Item\s+)?(\d{1,2}[a-z]?)[.)]?(?:\s*[\t|]\s*|\s+)(.{3,200}?)(?:[\t|]\s*[^\t|]*?)?\s*(?:\(?\s*Pages?\s*(\d{1,4})\s*(?:[-–]|to)?\s*(\d{1,4})?\s*\)?)?\s*\|?\s*$/i;
const PAGES_CELL = /^\s*(\d{1,4})\s*(?:[-–]|to)\s*(\d{1,4})\s*$/;

/**
 * Agenda items from the agenda at the top of a pack: numbered lines ("5. Title (Pages 7 14)") or table
 * rows ("5 | Title | Report by | 7 - 14"). Stops at the first minutes or report.
 */
export function findAgendaItems(lines: readonly Line[], agendaEnd: number): AgendaItem[] {
  const items: AgendaItem[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.start >= agendaEnd) break;
    const m = AGENDA_LINE.exec(line.clean.replace(/^#+\s*/, ''));
    if (!m) continue;
    const number = m[1]!;
    if (seen.has(number) || Number.parseInt(number, 10) > 60) continue;
    let title = m[2]!.trim();
    let pageFrom = m[3] ? Number(m[3]) : null;
    let pageTo = m[4] ? Number(m[4]) : pageFrom;
    const cells = line.clean.split(/\t|\|/).map((c) => c.trim()).filter(Boolean);
    if (cells.length >= 3) {
      title = cells[1]!;
      const pagesCell = cells.map((c) => PAGES_CELL.exec(c)).find(Boolean);
      if (pagesCell) {
        pageFrom = Number(pagesCell[1]);
        pageTo = Number(pagesCell[2]);
      }
    }
    if (!/[A-Za-z]{3}/.test(title) || /^(pages?|report by|title)$/i.test(title)) continue;
    seen.add(number);
    items.push({ number, title: title.replace(/\s*\(\s*$/, ''), pageFrom, pageTo });
  }
  return items;
}

const REPORT_LEAD = /^(By|From|To|Report (?:of|by|to|author)|Meeting|Date of meeting)\s*:/i;
const REPORT_TITLE = /^(Subject|Report title|Title of report|Title)\s*:\s*(.*)$/i;
/** "MINUTES of a meeting of …", "Minutes of the Highways and Transport Policy Committee" (not the agenda item "Minutes of the previous meeting"). */
const MINUTES_HEAD = /^(?:MINUTES of (?:a|the) (?:meeting|Meeting)|Minutes of (?:a |the )?(?!(?:the )?(?:previous|last)\b)(?:meeting of |[A-Z&]))/;
/** Lines after an "Agenda Item N" mark searched for the heading that says what the item's paper is. */
const MARK_LOOKAHEAD = 8;
const AGENDA_ITEM_MARK = /^Agenda Item\s+(\d{1,2}[a-z]?)\s*$/i;

interface Boundary {
  start: number;
  kind: PartKind;
  title: string | null;
  itemNumber: string | null;
}

/** Where minutes and reports begin, from their header blocks ("To: … Subject: …", "MINUTES of a meeting …"). */
function findBoundaries(lines: readonly Line[]): Boundary[] {
  const out: Boundary[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const mark = AGENDA_ITEM_MARK.exec(line.clean);
    if (mark) {
      // The paper behind the mark: minutes when a minutes heading follows it, else a report.
      const ahead = lines.slice(i + 1, i + 1 + MARK_LOOKAHEAD).findIndex((l) => MINUTES_HEAD.test(l.clean));
      const minutesTitle = ahead >= 0 ? minutesHeading(lines, i + 1 + ahead) : null;
      out.push({ start: line.start, kind: minutesTitle ? 'minutes' : 'report', title: minutesTitle, itemNumber: mark[1]! });
      if (ahead >= 0) i += 1 + ahead;
      continue;
    }
    // "MINUTES of a meeting" opens minutes however long its line; "Minutes of X" only as a heading line.
    if (MINUTES_HEAD.test(line.clean) && (/^MINUTES\b/.test(line.clean) || /\bmeeting of\b.*\bheld\b/i.test(line.clean) || (line.clean.length <= 160 && !/\.$/.test(line.clean)))) {
      let start = line.start;
      for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
        const c = lines[j]!.clean;
        if (c && c === c.toUpperCase() && /[A-Z]{3}/.test(c)) start = lines[j]!.start;
      }
      out.push({ start, kind: 'minutes', title: minutesHeading(lines, i), itemNumber: null });
      continue;
    }
    if (!REPORT_LEAD.test(line.clean)) continue;
    const prev = out.at(-1);
    if (prev && prev.kind === 'report' && line.start - prev.start < 1200) continue;
    for (let j = i; j < Math.min(lines.length, i + 16); j++) {
      const t = REPORT_TITLE.exec(lines[j]!.clean);
      if (!t) continue;
      let title = t[2]!.trim();
      // A label split over two lines by the PDF's columns: "REPORT MAYORAL … BUDGET" / "TITLE: OUTTURN 2025/26".
      const split = /^report\s+(.+)$/i.exec(lines[j - 1]?.clean ?? '');
      if (split && /^title/i.test(t[1]!) && !/:/.test(split[1]!)) title = `${split[1]!} ${title}`.trim();
      let k = j + 1;
      while (!title && k < lines.length && k < j + 3) title = lines[k++]!.clean;
      if (/[,–-]$|\b(and|of|the)$/i.test(title) && lines[k]?.clean) title = `${title} ${lines[k]!.clean}`;
      out.push({ start: line.start, kind: 'report', title: title ? (title === title.toUpperCase() ? titleCase(title) : title) : null, itemNumber: null });
      break;
    }
  }
  return out;
}

/** A minutes heading with the lines it wraps onto, up to the meeting's date ("Minutes of the X" / "Policy Committee" / "12 September 2024"). */
function minutesHeading(lines: readonly Line[], i: number): string {
  let title = lines[i]!.clean;
  for (let k = i + 1; k < Math.min(lines.length, i + 4) && !findLongDates(title).length; k++) {
    const next = lines[k]!.clean;
    if (!next) continue;
    if (next.length > 120 || /^(present|members present|councillors)\b/i.test(next)) break;
    title = `${title} ${next}`;
  }
  return title.slice(0, 200);
}

const STOP = new Set(['the', 'of', 'and', 'for', 'to', 'a', 'on', 'in', 'report', 'update', 'meeting', 'held', 'council']);

function words(text: string): Set<string> {
  return new Set(normalizeForMatch(text).split(' ').filter((w) => w.length > 2 && !STOP.has(w)));
}

function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** The agenda item a part presents: by explicit number, by its pages, by a minutes date, or by its title. */
function matchItem(part: Boundary, end: number, text: string, items: readonly AgendaItem[], markers: readonly PageMarker[]): AgendaItem | null {
  if (part.itemNumber) return items.find((it) => it.number === part.itemNumber) ?? null;
  if (part.kind === 'minutes') {
    const date = findLongDates(part.title ?? '')[0]?.iso;
    return items.find((it) => /minutes/i.test(it.title) && date && findLongDates(it.title)[0]?.iso === date) ?? null;
  }
  const pages = markers.filter((m) => m.of === null && m.index >= part.start && m.index < end).map((m) => m.page);
  const byPage = items.filter((it) => it.pageFrom !== null && pages.some((p) => p >= it.pageFrom! && p <= (it.pageTo ?? it.pageFrom!)));
  if (byPage.length === 1) return byPage[0]!;
  const title = part.title ?? text.slice(part.start, part.start + 300);
  let best: AgendaItem | null = null;
  let bestScore = 0.34;
  for (const it of byPage.length ? byPage : items) {
    const s = similarity(title, it.title);
    if (s > bestScore) {
      best = it;
      bestScore = s;
    }
  }
  return best;
}

/** Splits a pack into its agenda, minutes and reports, each matched to its agenda item where the pack says. */
export function findParts(text: string, markers: readonly PageMarker[]): { parts: Part[]; agenda: AgendaItem[] } {
  const lines = linesOf(text);
  const boundaries = findBoundaries(lines);
  const agendaEnd = boundaries[0]?.start ?? text.length;
  const saysAgenda = lines.some((l) => l.start < Math.min(agendaEnd, 6000) && /^\W*agenda\W*$/i.test(l.clean));
  const found = findAgendaItems(lines, Math.min(agendaEnd, 15_000));
  const agenda = saysAgenda || found.filter((it) => it.pageFrom !== null).length >= 2 ? found : [];
  const parts: Part[] = [];
  // A title line or two above the first heading ("Wessex City Council" over its minutes) belong to it.
  if (agenda.length < 2 && boundaries[0] && !/[.!?]/.test(text.slice(0, boundaries[0].start)) && boundaries[0].start < LEADING_STUB_CHARS) boundaries[0].start = 0;
  if (agenda.length >= 2) {
    parts.push({ kind: 'agenda', start: 0, end: agendaEnd, title: 'Agenda', itemNumber: null, itemTitle: null });
  } else if (agendaEnd > 0 && boundaries[0]?.start !== 0) {
    // No agenda: the opening part is what the document says it is (a constitution part, an annual report...).
    parts.push({ kind: boundaries.length ? 'document' : classifyDocument(text), start: 0, end: agendaEnd, title: null, itemNumber: null, itemTitle: null });
  }
  boundaries.forEach((b, i) => {
    const end = boundaries[i + 1]?.start ?? text.length;
    const item = matchItem(b, end, text, agenda, markers);
    const head = text.slice(b.start, Math.min(end, b.start + MINUTES_HEAD_CHARS));
    const minutes = b.kind === 'minutes' || (item !== null && /^minutes\b/i.test(item.title) && MINUTES_HEAD.test(cleanText(head).split('\n').find((l) => MINUTES_HEAD.test(l.trim()))?.trim() ?? ''));
    const kind: PartKind = minutes ? 'minutes' : b.kind === 'report' && boundaries.length === 1 && agenda.length < 2 ? reportOrOther(text) : b.kind;
    parts.push({
      kind,
      start: b.start,
      end,
      title: b.title,
      itemNumber: item?.number ?? b.itemNumber,
      itemTitle: item?.title ?? b.title,
      ...(kind === 'minutes' ? { meetingDate: findLongDates(cleanText(b.title ?? head))[0]?.iso ?? findLongDates(head)[0]?.iso ?? null, committee: bodyFromMinutesHeading(b.title ?? head) } : {}),
    });
  });
  return { parts: parts.filter((p) => p.end > p.start), agenda };
}

/** Characters before the first heading that may be only its title lines. */
const LEADING_STUB_CHARS = 300;
/** Characters at the start of a minutes part searched for the date of the meeting they record. */
const MINUTES_HEAD_CHARS = 800;

/** A lone report-like header block on a document that says it is something else (a decision notice, public questions). */
function reportOrOther(text: string): PartKind {
  const type = classifyDocument(text);
  return type === 'decision' || type === 'questions' ? type : 'report';
}
