import type { Citation } from '../../types.js';
import { escapeMrkdwn, formatIsoDay, truncate } from './text.js';

const COUNCIL_SUFFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\s+Metropolitan Borough Council$/i, ' MBC'],
  [/\s+County Borough Council$/i, ' CBC'],
  [/\s+(County|City) Council$/i, ' CC'],
  [/\s+Borough Council$/i, ' BC'],
  [/\s+District Council$/i, ' DC'],
];

/** "Northshire County Council" as "Northshire CC": the short form officers use. */
export function shortCouncil(name: string): string {
  for (const [pattern, short] of COUNCIL_SUFFIXES) if (pattern.test(name)) return name.replace(pattern, short);
  return name;
}

/** Where a citation sits, without its number: "Northshire CC · Governance and Audit Committee · 25 Oct 2023 · Item 9 · para 5.2". */
export function citationPlace(c: Pick<Citation, 'source' | 'council' | 'committee' | 'meetingDate' | 'item' | 'itemNumber' | 'page' | 'paragraph'>): string {
  const parts: string[] = [];
  if (c.council) parts.push(shortCouncil(c.council));
  if (c.committee) parts.push(c.committee);
  if (c.meetingDate) parts.push(formatIsoDay(c.meetingDate));
  if (c.itemNumber) parts.push(`Item ${c.itemNumber}`);
  else if (c.item) parts.push(truncate(c.item, 60));
  if (c.paragraph) parts.push(`para ${c.paragraph}`);
  if (c.page !== null) parts.push(`p. ${c.page}`);
  if (!c.council && !c.committee && !c.meetingDate) parts.push(c.source);
  return truncate(parts.join(' · '), 280);
}

/** A compact citation line: "[1] Northshire CC · Governance and Audit Committee · 25 Oct 2023 · Item 9 · para 5.2". */
export function citationLine(c: Citation): string {
  return `[${c.n}] ${citationPlace(c)}`;
}

/** Only web links are made clickable; the url comes from a council's site, so it is untrusted. */
const WEB_URL = /^https?:\/\/[^\s<>|]+$/i;

/**
 * Where a citation sits as escaped Slack mrkdwn: a link `<url|place>` to the source (the cited page of
 * a synced PDF, or its meeting's page) when it has a web url, else the place as text.
 */
export function citationPlaceMrkdwn(c: Pick<Citation, 'source' | 'council' | 'committee' | 'meetingDate' | 'item' | 'itemNumber' | 'page' | 'paragraph' | 'url'>): string {
  const label = escapeMrkdwn(citationPlace(c));
  if (!c.url || !WEB_URL.test(c.url)) return label;
  return `<${escapeMrkdwn(c.url)}|${label}>`;
}
