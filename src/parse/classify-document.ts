import { cleanText } from './clean-text.js';

/** The fixed vocabulary of document types a passage is labelled with. */
export const DOC_TYPES = ['agenda', 'minutes', 'report', 'appendix', 'decision', 'constitution', 'policy', 'annual-report', 'questions', 'document'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Header fields of a committee report (ModernGov "Meeting: / Date: / Subject: / Report Of:" blocks and the like). */
const REPORT_FIELDS = /^(meeting|report to|report of|report by|report author|subject|report title|title of report|title|date of meeting|wards? affected|key decision|purpose of report|contact officer|responsible officer|cabinet member|committee|purpose|from|to|by)\s*:?\s*/i;
const TITLE_LINES = 12;

/** The first lines of a document with markup removed: where it says what it is. */
export function titleBlock(text: string): string[] {
  return cleanText(text.slice(0, 4000))
    .replace(/<[^>]+>/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 1)
    .slice(0, TITLE_LINES);
}

/**
 * What a single document is, from its title block and header fields: minutes, a decision notice, a
 * constitution part, an annual report, public questions, a policy, or a committee report. A document
 * that says none of these is a plain "document" (never a guess).
 */
export function classifyDocument(text: string): Exclude<DocType, 'appendix' | 'agenda'> {
  const lines = titleBlock(text);
  const block = lines.join('\n');
  const first = lines.slice(0, 4).join(' ');
  if (/\bdecision notice\b|\bdecision recording form\b|\brecord of (?:the )?(?:executive |officer )?decisions?\b|\bdecisions? (?:sheet|list)\b|\bnotice of (?:key |executive )?decisions?\b|^decisions? (?:determined|taken|made) at\b/im.test(block)) return 'decision';
  if (/^(?:(?:printed|draft|confirmed|signed) )?minutes\b/im.test(block) || /\bminutes of (?:a|the) /i.test(first) || /^\s*(?:present|presennol)\s*$/im.test(block)) return 'minutes';
  // "PART 3.4 - DELEGATIONS TO OFFICERS" (perhaps under a running header) in a text that calls itself part of the constitution.
  if (/\bconstitution\b/i.test(block) || (lines.slice(0, 3).some((l) => /\bpart \d+(?:\.\d+)+\b/i.test(l)) && /\bconstitution\b/i.test(text.slice(0, 20_000)))) return 'constitution';
  if (/\bannual report\b/i.test(first)) return 'annual-report';
  if (/\b(?:public|written|members[’']?|councillors?[’']?) questions\b|\bquestions and (?:answers|responses)\b/i.test(first)) return 'questions';
  const fields = lines.filter((l) => REPORT_FIELDS.test(l) && /:/.test(l)).length;
  if (fields >= 2) return 'report';
  if (/\b(policy|strategy|procedures?|protocol|guidance|code of (?:conduct|practice))\b/i.test(lines[0] ?? '') && !/\b(committee|cabinet|board|panel)\b/i.test(lines[0] ?? '')) return 'policy';
  return 'document';
}

/** Types whose papers belong to one meeting, so the meeting date and committee apply. */
export function isMeetingPaper(type: DocType): boolean {
  return type === 'agenda' || type === 'minutes' || type === 'report' || type === 'decision' || type === 'questions';
}
