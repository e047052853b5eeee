import { cleanText } from './clean-text.js';
import { findLongDates } from './find-dates.js';

const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with']);
const COMMITTEE_WORD = /\b(committee|sub-committee|cabinet|council|board|panel|forum|executive|commission|assembly)\b/i;
const NOT_A_BODY = /\b(agenda|minutes|membership|unrestricted|exempt|items?|notice|summons)\b/i;

/** "GOVERNANCE AND AUDIT COMMITTEE" -> "Governance and Audit Committee". */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

function tidy(name: string): string {
  const t = name.replace(/\s+/g, ' ').trim();
  return t === t.toUpperCase() ? titleCase(t) : t;
}

const COUNCIL_RE =
  /\b((?:Royal |London )?Borough of (?:[A-Z][A-Za-z'-]+)(?: (?:and |upon |on )?[A-Z][A-Za-z'-]+){0,3}(?: Council)?|City of [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,2} Council|(?:[A-Z][A-Za-z'-]+[ -](?:(?:and|upon|on|under|le)[ -])?){1,3}(?:County Borough |Metropolitan Borough |County |Borough |District |City |Town |Parish )?Council)\b(?! Chamber| Offices| House| Tax| Meeting)/g;
const NOT_COUNCIL_START = /^(The|This|That|Each|Our|Full|Whole|County|City|Borough|District|Town|Parish|Local|Every|All|Where|When|If|A|An|Member|Members|Cabinet|Leader|Chief|Cabinet|Kent's)\b/;

/** The council that published a pack: the most frequent "X County Council"-style name near the top. */
export function findCouncil(text: string): string | null {
  const head = cleanText(text.slice(0, 40_000));
  const counts = new Map<string, number>();
  const normalised = head.replace(/\b([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,4} COUNCIL)\b/g, (m) => titleCase(m));
  for (const m of normalised.matchAll(COUNCIL_RE)) {
    const name = m[1]!.replace(/\s+/g, ' ').trim();
    if (NOT_COUNCIL_START.test(name) || name.split(' ').length < 2) continue;
    // A name that says what kind of council it is counts for more than a bare "X Council".
    const weight = /\b(County|Borough|District|City|Town|Parish)\b/.test(name) ? 2 : 1;
    counts.set(name, (counts.get(name) ?? 0) + weight);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/** The committee a pack was prepared for: a heading line near the top naming a committee, cabinet or board. */
export function findCommittee(text: string): string | null {
  const lines = cleanText(text.slice(0, 4000)).split('\n').map((l) => l.trim()).filter(Boolean);
  for (const line of lines.slice(0, 30)) {
    if (line.length > 80 || NOT_A_BODY.test(line) || /\d{3,}/.test(line)) continue;
    const upperish = line === line.toUpperCase() && /[A-Z]{3}/.test(line);
    const titled = line.split(/\s+/).every((w) => SMALL_WORDS.has(w) || /^[A-Z&(]/.test(w)) && !/[.:;]$/.test(line);
    if ((upperish || titled) && COMMITTEE_WORD.test(line) && !/^(\w+ )?(county|borough|district|city) council$/i.test(line)) {
      return tidy(line);
    }
  }
  const minutes = /MINUTES of (?:a|the) meeting of (?:the )?(.+?) held/i.exec(cleanText(text.slice(0, 20_000)));
  if (minutes) return tidy(minutes[1]!);
  const to = /^To:\s*(.+?)(?:\s*[–-]\s*\d.*)?$/m.exec(cleanText(text.slice(0, 6000)));
  if (to && COMMITTEE_WORD.test(to[1]!)) return tidy(to[1]!.replace(/[,–-]\s*$/, ''));
  return null;
}

/** The meeting date of a pack: the first full date in its opening lines, as ISO. Null when there is none. */
export function findMeetingDate(text: string): string | null {
  const head = text.slice(0, 2500);
  const dates = findLongDates(head);
  const withWeekday = dates.find((d) =>
    /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i.test(head.slice(Math.max(0, d.index - 14), d.index)),
  );
  return (withWeekday ?? dates[0])?.iso ?? null;
}

/** A document's title: the first substantial heading line, for documents that are not meeting packs. */
export function findTitle(text: string): string | null {
  for (const raw of cleanText(text.slice(0, 3000)).split('\n')) {
    const line = raw.trim();
    if (line.length >= 8 && line.length <= 120 && !/^(contents|agenda)$/i.test(line)) return tidy(line);
  }
  return null;
}
