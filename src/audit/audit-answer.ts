import type { Answer } from '../types.js';
import { createCitationList, shortDate, type CitationList } from '../extract/cite-span.js';
import type { AuditRecord } from './audit-record.js';
import { mentionsRef, plain } from './audit-text.js';
import { matchedTerms } from '../answer/question-terms.js';
import { auditTerms, findAudits, groupAudits, type AuditMatch, type AuditSearch } from './find-audits.js';
import { aspectOf, asWords, auditLabel, describeAudit, describeFocus, focusedItems, where } from './render-audit.js';

export { findAudits, type AuditMatch, type AuditSearch } from './find-audits.js';

const MAX_AUDITS = 3;
const COMMITTEE_NAMES = /governance\s*(?:and|&)\s*audit\s*(?:cabinet\s*)?committee|\baudit committee\b|\baudit (?:plan|risk assessment)\b/gi;
const EXTERNAL = /\bexternal audit|\bexternal auditor|grant thornton|auditor'?s annual report|value for money|\bstatement of accounts\b/i;
const AUDIT_WORD = /\binternal audit\b|\baudits?\b|\baudited\b|\bauditors?\b/i;
const INTENT =
  /\bconclu\w*|\bopinions?\b|\bassurance\b|\bfindings?\b|\bfound\b|\bfind\b|\bsay\b|\bsaid\b|\brated\b|\bratings?\b|\brecommend\w*|\bpriorit\w*|\bweakness\w*|\bstrengths?\b|\bprospects?\b|\bissues?\b|\bprogress\b|\bactions?\b|\boutcomes?\b|\bresults?\b|\blimited\b|\bsubstantial\b|\badequate\b|\breasonable\b|\breport(?:ed)? on\b|\bareas? for\b|\bflag\w*\b|\braised?\b/i;

/**
 * Whether a question is about internal audit conclusions: it names a known audit reference, or
 * speaks of an audit (not the committee's name, not external audit) together with what it
 * concluded, found or rated.
 */
export function isAuditQuestion(question: string, records: readonly AuditRecord[]): boolean {
  const refs = groupAudits(records).flatMap((a) => (a.ref ? [a.ref] : []));
  if (refs.some((r) => mentionsRef(question, r))) return true;
  const q = question.replace(COMMITTEE_NAMES, ' ');
  if (EXTERNAL.test(q) && !/\binternal audit\b/i.test(q)) return false;
  return AUDIT_WORD.test(q) && INTENT.test(q);
}

function answerOf(question: string, text: string, list: CitationList, search: AuditSearch, notes: string[], started: number): Answer {
  return {
    question,
    kind: 'audit',
    answer: text,
    citations: list.citations,
    retrieved: [],
    notes,
    data: {
      level: search.level,
      audits: search.audits.map((a) => ({
        ref: a.ref,
        title: a.title,
        opinion: a.summary?.opinion ?? null,
        opinionLevel: a.summary?.opinionLevel ?? null,
        prospects: a.summary?.prospects ?? null,
        meeting: a.summary?.meeting ?? a.mentions[0]?.meeting ?? null,
        findings: a.summary?.findings.map((f) => ({ text: f.text, priority: f.priority })) ?? [],
        updates: a.updates.length,
      })),
    },
    timings: { totalMs: Number((performance.now() - started).toFixed(2)) },
  };
}

function levelList(search: AuditSearch, list: CitationList): string[] {
  const lines = [`Audits with ${asWords(search.level!)} assurance in the papers:`];
  for (const a of search.audits.slice(0, 8)) {
    const s = a.summary!;
    const prospects = s.prospects ? `; prospects for improvement ${asWords(s.prospects)}` : '';
    lines.push(`• ${auditLabel(a)}: ${asWords(s.opinion ?? search.level!)}${prospects}${where(s.meeting)} ${list.cite(s.place, s.opinionSpan ?? s.heading)}`);
  }
  return lines;
}

function overviewLines(search: AuditSearch, list: CitationList): string[] {
  return search.overview.slice(0, 3).map((o) => `${search.audits.length ? 'Context' : 'Overview'}${where(o.meeting)}: “${plain(o.text)}” ${list.cite(o.place, o.span)}`);
}

/** Audits mentioned in the papers without a printed opinion, for a note on a level question. */
function unrated(records: readonly AuditRecord[]): AuditMatch[] {
  return groupAudits(records).filter((a) => !a.summary && a.ref);
}

function render(search: AuditSearch, records: readonly AuditRecord[], list: CitationList, notes: string[]): string | null {
  const lines: string[] = [];
  const { audits } = search;
  if (search.level && !search.terms.length && audits.length) {
    lines.push(...levelList(search, list), ...overviewLines(search, list));
    const others = unrated(records);
    if (others.length) {
      notes.push(`The papers also discuss ${others.map(auditLabel).join('; ')} without printing their opinions.`);
    }
    return lines.join('\n');
  }
  if (!audits.length) {
    const over = overviewLines(search, list);
    return over.length ? over.join('\n') : null;
  }
  const top = audits[0]!;
  // Words of the audit's own title say which audit, not which point of it.
  const titleTerms = new Set(auditTerms(`${top.title} ${top.ref ?? ''}`));
  const focus = search.terms.filter((t) => !matchedTerms([t], titleTerms).size);
  const aspect = aspectOf(search.query);
  const found = focusedItems(top, focus);
  if (found.length) return describeFocus(top, found, focus, list, aspect === 'actions').join('\n');
  for (const a of audits.slice(0, MAX_AUDITS)) lines.push(...describeAudit(a, list, aspect), '');
  if (audits.length > MAX_AUDITS) notes.push(`${audits.length - MAX_AUDITS} more audit(s) matched: ${audits.slice(MAX_AUDITS).map(auditLabel).join('; ')}.`);
  lines.push(...overviewLines(search, list));
  return lines.join('\n').trim();
}

/**
 * Answers a question about internal audit conclusions from the audit records, with verbatim
 * citations; null when the question is not about internal audit findings or opinions (left to
 * document search) or when no audit in the papers matches it.
 */
export function auditAnswer(question: string, records: AuditRecord[]): Answer | null {
  const started = performance.now();
  if (!records.length || !isAuditQuestion(question, records)) return null;
  const search = findAudits(question, records);
  // A question about audits that names no audit, level or subject is left to document search.
  if (!search.audits.length && !search.overview.length) return null;
  const list = createCitationList();
  const notes: string[] = [];
  const text = render(search, records, list, notes);
  if (!text || !list.citations.length) return null;
  return answerOf(question, text, list, search, notes, started);
}

/** `/audit QUERY` and `npm run audit`: the matching audits, or a not-found answer listing those there are. */
export function auditQueryAnswer(query: string, records: AuditRecord[]): Answer {
  const started = performance.now();
  const search = findAudits(query, records);
  const list = createCitationList();
  const notes: string[] = [];
  const text = search.audits.length || search.overview.length ? render(search, records, list, notes) : null;
  if (text) return answerOf(query, text, list, search, notes, started);
  const known = groupAudits(records).filter((a) => a.summary);
  const dates = [...new Set(known.map((a) => shortDate(a.summary!.meeting.date)).filter(Boolean))];
  const listing = known.length
    ? ` Audits with summaries in the papers: ${known.map(auditLabel).join('; ')}${dates.length ? ` (${dates.join(', ')})` : ''}.`
    : ' The papers hold no internal audit summaries.';
  return { ...answerOf(query, `No internal audit in the papers matches “${query}”.${listing}`, list, search, notes, started), kind: 'not_found' };
}
