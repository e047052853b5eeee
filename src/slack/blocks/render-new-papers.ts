import type { types } from '@slack/bolt';
import { escapeMrkdwn, formatIsoDay, truncate } from './text.js';

/** One meeting's new papers, as the sync reports them (the url of each comes from the council's site). */
export interface NewPapersNotice {
  committee: string;
  meetingDate: string | null;
  meetingUrl: string;
  papers: ReadonlyArray<{ title: string; docType: string; url: string }>;
}

const WEB_URL = /^https?:\/\/[^\s<>|]+$/i;
/** How each type is counted in the message, in the order it is listed. */
const TYPE_WORDS: ReadonlyArray<readonly [string, string, string]> = [
  ['agenda', 'agenda', 'agendas'],
  ['report', 'report', 'reports'],
  ['appendix', 'appendix', 'appendices'],
  ['minutes', 'minutes', 'sets of minutes'],
  ['decision', 'decision notice', 'decision notices'],
  ['document', 'document', 'documents'],
];
/** Papers listed by name in one message; the rest are counted. */
const MAX_LISTED = 10;

const link = (url: string, label: string): string => (WEB_URL.test(url) ? `<${escapeMrkdwn(url)}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label));

/** "agenda and 4 reports", "minutes", "3 reports, 2 appendices and minutes". */
export function describePapers(papers: NewPapersNotice['papers']): string {
  const parts: string[] = [];
  for (const [type, one, many] of TYPE_WORDS) {
    const n = papers.filter((p) => (TYPE_WORDS.some(([t]) => t === p.docType) ? p.docType : 'document') === type).length;
    if (!n) continue;
    parts.push(type === 'agenda' || type === 'minutes' ? (n === 1 ? one : `${n} ${many}`) : n === 1 ? `1 ${one}` : `${n} ${many}`);
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'papers');
}

/** The one short message for a meeting with new papers: "Cabinet, 10 Dec 2025: agenda and 4 reports published", with links. */
export function renderNewPapers(notice: NewPapersNotice): { text: string; blocks: types.KnownBlock[] } {
  const when = notice.meetingDate ? formatIsoDay(notice.meetingDate) : 'date to be confirmed';
  const heading = `${notice.committee}, ${when}`;
  const summary = `${describePapers(notice.papers)} published`;
  const listed = notice.papers.slice(0, MAX_LISTED).map((p) => `• ${link(p.url, truncate(p.title, 150))}`);
  if (notice.papers.length > MAX_LISTED) listed.push(`_…and ${notice.papers.length - MAX_LISTED} more_`);
  return {
    text: truncate(`${heading}: ${summary}`, 300),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(`*${link(notice.meetingUrl, heading)}*: ${escapeMrkdwn(summary)}\n${listed.join('\n')}`, 3000) } }],
  };
}
