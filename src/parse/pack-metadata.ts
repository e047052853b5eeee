import { cleanText } from './clean-text.js';
import { findLongDates } from './find-dates.js';
import { isSmallWord, titleCase } from './title-case.js';

export { findCouncil } from './find-council.js';
export { titleCase } from './title-case.js';

const COMMITTEE_WORD = /\b(committee|sub-committee|cabinet|council|board|panel|forum|executive|commission|assembly|authority|partnership)\b/i;
const ENDS_WITH_BODY = /\b(committee|sub-committee|cabinet|board|panel|forum|executive|commission|assembly|council)$/i;
const NOT_A_BODY = /\b(agenda|minutes|membership|unrestricted|exempt|items?|notice|summons|chamber|hall|room|offices?|house)\b/i;
/** Field labels that introduce the body a paper is for, in ModernGov and similar report headers. */
const BODY_FIELD = /^(?:meeting|report to|committee|decision maker|decision taker|to be considered by)\s*:\s*(.*)$/i;
const A_FIELD = /^[A-Z][A-Za-z /()'-]{1,40}:/;
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

function tidy(name: string): string {
  const t = name
    .replace(/\s+/g, ' ')
    .replace(/^(?:meeting|report to|committee|body|to)\s*:\s*/i, '')
    .replace(/\s*[–—-]\s*agenda$/i, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  return t === t.toUpperCase() ? titleCase(t) : t;
}

/** A body name cut at its date or at a trailing clause ("Joint Committee, Friday 05 March 2026"). */
function cutAtDate(line: string): string {
  const date = findLongDates(line)[0];
  let out = date ? line.slice(0, date.index) : line;
  out = out.replace(new RegExp(`[,–—-]?\\s*${WEEKDAY.source}.*$`, 'i'), '');
  return out.replace(/\s*[,–—-]\s*$/, '').trim();
}

function isTitleLike(line: string): boolean {
  if (!line || line.length > 90 || /\d{3,}/.test(line) || /[.:;]$/.test(line)) return false;
  const upper = line === line.toUpperCase() && /[A-Z]{3}/.test(line);
  const titled = line.split(/\s+/).every((w) => isSmallWord(w) || /^[A-Z&(’'0-9]/.test(w));
  return upper || titled;
}

/** The body named in a "Meeting:" / "Report To:" / "Committee:" field, its value on the same line or the next. */
function bodyFromFields(lines: readonly string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = BODY_FIELD.exec(lines[i]!);
    if (!m) continue;
    let value = m[1]!.trim();
    let k = i + 1;
    while (!value && k < Math.min(lines.length, i + 3)) value = A_FIELD.test(lines[k]!) ? '' : lines[k++]!;
    if (!value) continue;
    // Two fields on one line ("Meeting: Cabinet Date: 11 March 2026"): the value ends at the next label.
    value = value.replace(/\s+[A-Z][A-Za-z/()'-]{1,30}:.*$/, '').trim();
    // A value wrapped onto the next line ("MERCIA MAYORAL COMBINED AUTHORITY" / "COMMITTEE").
    const next = lines[k] ?? '';
    if (!ENDS_WITH_BODY.test(cutAtDate(value)) && next && !A_FIELD.test(next) && next.length <= 40 && ENDS_WITH_BODY.test(cutAtDate(next))) value = `${value} ${next}`;
    value = cutAtDate(value);
    if (COMMITTEE_WORD.test(value) && value.length <= 120) return tidy(value);
  }
  return null;
}

/** "Minutes of the Highways and Transport Policy Committee" / "MINUTES of a meeting of the X held on". */
export function bodyFromMinutesHeading(text: string): string | null {
  const flat = cleanText(text).replace(/[ \t]*\n(?!\s*\n)[ \t]*/g, ' ');
  const m = /\bminutes of (?:a |the )?(?:(?:meeting|proceedings) of (?:the |a )?)?([A-Z][^\n]*?)(?= held\b| at (?:its|their|a) |\s+\d{1,2}(?:st|nd|rd|th)?,? [A-Z][a-z]+,? \d{4}|,|\n|$)/i.exec(flat);
  if (!m) return null;
  const body = m[1]!.trim();
  if (!COMMITTEE_WORD.test(body) || /^(the )?(previous|last) meeting/i.test(body) || body.length > 120) return null;
  return tidy(body);
}

/** A committee named in the title block: one line, or two title lines that read as one ("Highways and Transport" / "Policy Committee"). */
function bodyFromTitleBlock(lines: readonly string[]): string | null {
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const line = cutAtDate(lines[i]!);
    if (!isTitleLike(line) || NOT_A_BODY.test(line)) continue;
    const next = cutAtDate(lines[i + 1] ?? '');
    const joined = !ENDS_WITH_BODY.test(line) && isTitleLike(next) && !NOT_A_BODY.test(next) && ENDS_WITH_BODY.test(next) ? `${line} ${next}` : line;
    if (!COMMITTEE_WORD.test(joined)) continue;
    // A council's own name in a title block is the publisher, not the body that met.
    if (/^([\w'’-]+ )+(county|borough|district|city|town|parish|community) council$/i.test(joined) || /^[\w'’-]+ council$/i.test(joined)) continue;
    if (/\bcombined authority$/i.test(joined)) continue;
    return tidy(joined);
  }
  return null;
}

/**
 * The committee a document was prepared for, with field labels stripped. Packs name it in their title
 * block; printed minutes in their heading; standalone reports in "Meeting:" / "Report To:" fields.
 */
export function findCommittee(text: string): string | null {
  const head = cleanText(text.slice(0, 6000)).replace(/<[^>]+>/g, ' ');
  const lines = head.split('\n').map((l) => l.trim()).filter(Boolean);
  const agendaFirst = lines.slice(0, 25).some((l) => /^\W*agenda\W*$/i.test(l) || /[–—-]\s*agenda$/i.test(l));
  const minutesHead = lines.slice(0, 6).some((l) => /^minutes of\b/i.test(l)) ? bodyFromMinutesHeading(lines.slice(0, 8).join('\n')) : null;
  const ordered = agendaFirst
    ? [() => bodyFromTitleBlock(lines), () => bodyFromFields(lines)]
    : [() => minutesHead, () => bodyFromFields(lines), () => bodyFromTitleBlock(lines)];
  for (const find of ordered) {
    const found = find();
    if (found) return found;
  }
  const minutes = bodyFromMinutesHeading(text.slice(0, 20_000));
  if (minutes) return minutes;
  const to = /^To:\s*(.+?)(?:\s*[–-]\s*\d.*)?$/m.exec(head);
  if (to && COMMITTEE_WORD.test(to[1]!)) return tidy(to[1]!.replace(/[,–-]\s*$/, ''));
  return null;
}

const DATE_FIELD = /^(?:date(?:\/time)?|date of meeting|meeting date|date and time)\s*:\s*(.*)$/i;

/**
 * The meeting date of a paper, as ISO: the "Date:" field, an HTML `<time datetime>`, else the first
 * full date in its opening lines (one with a weekday first). Null when there is none.
 */
export function findMeetingDate(text: string): string | null {
  const head = text.slice(0, 2500);
  const lines = cleanText(head).split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = DATE_FIELD.exec(line);
    if (!m) continue;
    const value = m[1] || (lines[i + 1] && !A_FIELD.test(lines[i + 1]!) ? lines[i + 1]! : '');
    const date = findLongDates(value)[0];
    if (date) return date.iso;
  }
  const time = /<time\b[^>]*datetime="(\d{4}-\d{2}-\d{2})/i.exec(head);
  if (time) return time[1]!;
  const dates = findLongDates(head);
  const withWeekday = dates.find((d) => WEEKDAY.test(head.slice(Math.max(0, d.index - 14), d.index)));
  return (withWeekday ?? dates[0])?.iso ?? null;
}

/** A document's title: the first substantial heading line, for documents that are not meeting packs. */
export function findTitle(text: string, council: string | null = null): string | null {
  const lines = cleanText(text.slice(0, 3000)).replace(/<[^>]+>/g, ' ').split('\n').map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    // The publisher's name over the title ("Wessex City" / "Council") is not the title.
    if (!line || (council && council.toLowerCase().includes(line.toLowerCase()))) continue;
    if (line.length >= 8 && line.length <= 120 && !/^(contents|agenda)$/i.test(line) && !A_FIELD.test(line)) return tidy(titleRunOn(lines, i));
  }
  return null;
}

/** A cover's title set over several short lines ("Civil Enforcement" / "Annual Report" / "" / "2023-2024") is one title. */
function titleRunOn(lines: readonly string[], i: number): string {
  const parts = [lines[i]!];
  let k = i + 1;
  while (k < lines.length && parts.length < 3 && lines[k] && lines[k]!.length <= 60 && /^[A-Z0-9]/.test(lines[k]!) && !A_FIELD.test(lines[k]!) && !/[.:;]$/.test(lines[k]!)) parts.push(lines[k++]!);
  // The year the cover is for, on a line of its own after a gap.
  const next = lines.slice(k, k + 3).find(Boolean);
  if (next && /^(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?$/.test(next)) parts.push(next);
  return parts.join(' ');
}
