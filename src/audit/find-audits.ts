import { terms } from '../index/tokenize.js';
import { matchedTerms } from '../answer/question-terms.js';
import type { AuditNote, AuditRecord, AuditSummary, OpinionLevel } from './audit-record.js';
import { mentionsRef, normalizeRef } from './audit-text.js';

/** One audit with everything the papers say about it. */
export interface AuditMatch {
  /** Normalised reference, or the title when the audit has no reference. */
  key: string;
  ref: string | null;
  title: string;
  /** The latest summary of the audit in the papers, if any. */
  summary: AuditSummary | null;
  /** Progress updates, latest meeting first. */
  updates: AuditNote[];
  /** Minutes and other paragraphs naming the audit, latest first. */
  mentions: AuditNote[];
  score: number;
}

/** The audits matching a query, and any overview of opinions (counts, annual opinion) it asks about. */
export interface AuditSearch {
  query: string;
  /** The opinion level the query asks for ("limited assurance"), if any. */
  level: OpinionLevel | null;
  /** Content words of the query besides references, levels and audit vocabulary. */
  terms: string[];
  audits: AuditMatch[];
  overview: AuditNote[];
}

/** Words every audit question uses; they say nothing about which audit. */
const AUDIT_WORDS = new Set(
  `audit audits audited auditor internal conclude concluded conclusion conclusions opinion opinions assurance assurances find finding
  findings found say said says report reports reported this year years latest recent got get given gave give rated rating ratings level
  levels key area areas development strength strengths prospect prospects improvement improvements high priority priorities issue issues
  management action actions which what any list show all tell did does do the on about progress made since summary summaries outcome
  outcomes result results recommendation recommendations council our we paper papers committee limited substantial adequate
  reasonable satisfactory full no nil head annual overall done happen happened taken been fixed fix fixing addressed address being work working well good practice plan plans agreed agree developed`.split(/\s+/).flatMap((w) => terms(w)),
);

/** Search terms with money written one way ("£25k" and "£25,000" both "25000") and acronyms in the singular. */
export function auditTerms(text: string): string[] {
  // Plural acronyms, which the stemmer leaves alone: "KPI's" and "KPIs" meet "KPI".
  const singular = text.replace(/\b([A-Z]{2,5})['’]?s\b/g, '$1');
  return terms(singular).map((t) => {
    const k = /^(\d+)k$/.exec(t);
    return k ? String(Number(k[1]) * 1000) : t;
  });
}

/** The opinion level a query asks for, or null. */
export function askedLevel(query: string): OpinionLevel | null {
  const q = query.toLowerCase();
  if (/\b(?:no|nil)\s+assurance\b/.test(q)) return 'none';
  if (/\blimited\b/.test(q)) return 'limited';
  if (/\b(?:substantial|full)\s+assurance\b|\bsubstantial\b/.test(q)) return 'substantial';
  if (/\b(?:adequate|reasonable|satisfactory)\b/.test(q)) return 'adequate';
  return null;
}

const ANNUAL_QUERY = /\bannual (?:audit |internal audit )?opinion\b|\bhead of (?:internal )?audit'?s? (?:annual |overall )?opinion\b|\boverall (?:audit )?opinion\b/i;

const byMeetingDesc = (a: AuditNote, b: AuditNote): number =>
  (b.meeting.date ?? '').localeCompare(a.meeting.date ?? '') || a.span.start - b.span.start;

/** Every audit in the records, each with its summary, updates and mentions. */
export function groupAudits(records: readonly AuditRecord[]): AuditMatch[] {
  const groups = new Map<string, AuditMatch>();
  const get = (ref: string | null, title: string): AuditMatch => {
    const key = ref ? normalizeRef(ref) : `title:${title.toLowerCase()}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, ref, title, summary: null, updates: [], mentions: [], score: 0 }));
    return g;
  };
  for (const r of records) {
    if (r.kind !== 'summary') continue;
    const g = get(r.ref, r.title);
    if (!g.summary || (r.meeting.date ?? '') > (g.summary.meeting.date ?? '')) g.summary = r;
    g.title = g.summary.title;
  }
  for (const r of records) {
    if (r.kind === 'summary' || r.kind === 'overview') continue;
    for (const ref of r.refs) {
      const g = get(ref, r.titles.find((t) => t.ref === ref)?.title ?? ref);
      (r.kind === 'update' ? g.updates : g.mentions).push(r);
      if (g.title === ref) g.title = r.titles.find((t) => t.ref === ref)?.title ?? ref;
    }
  }
  for (const g of groups.values()) {
    g.updates.sort(byMeetingDesc);
    g.mentions.sort(byMeetingDesc);
  }
  return [...groups.values()];
}

function auditText(a: AuditMatch): string {
  const s = a.summary;
  const parts = s ? [...s.findings, ...s.strengths, ...s.prospectsBasis].map((p) => p.text) : [];
  return [...parts, ...a.updates.map((u) => u.text), ...a.mentions.map((m) => m.text)].join(' ');
}

/** The query's content terms: without question and audit vocabulary, references or opinion levels. */
export function contentTerms(query: string, refs: readonly string[] = []): string[] {
  const refTerms = new Set(refs.flatMap((r) => auditTerms(r.replace(/[-/]/g, ' '))));
  const q = query.replace(/\b[A-Z]{1,5}\s?\d{1,4}(?:[-/]\d{2,4})*\b/g, ' ');
  return [...new Set(auditTerms(q).filter((t) => !AUDIT_WORDS.has(t) && !refTerms.has(t) && !/^(19|20)\d{2}$/.test(t)))];
}

/**
 * Finds audits by reference ("CA07", "CA07-2023"), by words of their title or findings
 * ("procurement", "contract extensions") and by opinion ("limited assurance"). When some audits
 * match by title, only those are kept. Summaries come first, then the latest meetings.
 */
export function findAudits(query: string, records: readonly AuditRecord[]): AuditSearch {
  const all = groupAudits(records);
  const level = askedLevel(query);
  const named = all.filter((a) => a.ref && mentionsRef(query, a.ref));
  const words = contentTerms(query, named.map((a) => a.ref!));
  // The annual opinion is on the whole system of internal control, not on any one audit.
  const annual = !named.length && ANNUAL_QUERY.test(query);
  let audits = annual ? [] : named.length ? named : all;
  if (level) audits = audits.filter((a) => a.summary?.opinionLevel === level);
  if (words.length) {
    const scored = audits.map((a) => {
      const title = matchedTerms(words, new Set(auditTerms(`${a.title} ${a.ref ?? ''}`)));
      const text = matchedTerms(words, new Set(auditTerms(auditText(a))));
      const sum = (m: Map<string, number>): number => [...m.values()].reduce((x, y) => x + y, 0);
      return { a, title: sum(title), text: sum(text) };
    });
    const anyTitle = scored.some((s) => s.title > 0);
    const need = Math.max(1, Math.ceil(words.length / 2));
    const kept = named.length || level ? scored : scored.filter((s) => (anyTitle ? s.title > 0 : s.text >= need));
    audits = kept.sort((x, y) => y.title - x.title || y.text - x.text).map((s) => ({ ...s.a, score: s.title * 3 + s.text }));
  } else if (!named.length && !level) audits = [];
  audits = [...audits].sort((x, y) => y.score - x.score || Number(!!y.summary) - Number(!!x.summary) || latest(y).localeCompare(latest(x)));
  const overview = records
    .filter((r): r is AuditNote => r.kind === 'overview')
    // The annual opinion, the share given a level, or both when the question asks both.
    .filter((r) => (annual && /annual/i.test(r.text)) || (level !== null && level !== undefined && new RegExp(`\\b${level === 'none' ? 'no' : level}\\b`, 'i').test(r.text)))
    .sort(byMeetingDesc);
  // Asked for the annual opinion, the rest of that report's minute comes next ("…assigned Limited assurance to 35%").
  const annualItems = new Set(overview.filter((r) => /annual/i.test(r.text)).map((r) => `${r.meeting.date}|${r.meeting.item}`));
  const ofAnnual = (r: AuditNote): number => Number(annual && annualItems.has(`${r.meeting.date}|${r.meeting.item}`));
  overview.sort((a, b) => ofAnnual(b) - ofAnnual(a));
  return { query, level, terms: words, audits, overview };
}

function latest(a: AuditMatch): string {
  return [a.summary?.meeting.date, a.updates[0]?.meeting.date, a.mentions[0]?.meeting.date].filter(Boolean).sort().at(-1) ?? '';
}
