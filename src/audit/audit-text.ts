import { cleanText } from '../parse/clean-text.js';
import type { ActionStatus, OpinionLevel, PriorityLevel } from './audit-record.js';

/**
 * Audit references as councils print them: "CA07-2023", "RB21/2023", "IA/23/05", "AUD-2023-07".
 * Two-part codes without letters before a digit run (dates, "2022-23") are not references.
 */
const REF_SOURCE = String.raw`\b(?:[A-Z]{1,5}\d{1,4}[-/](?:\d{2}\/)?\d{2,4}|[A-Z]{2,5}[-/]\d{2,4}[-/]\d{1,4})\b`;

/** Every audit reference in a text, in order, without repeats. */
export function findRefs(text: string): string[] {
  return [...new Set([...text.matchAll(new RegExp(REF_SOURCE, 'g'))].map((m) => m[0]))];
}

/** A reference reduced to compare: upper case, separators as "-". */
export function normalizeRef(ref: string): string {
  return ref.toUpperCase().replace(/[\s/]+/g, '-');
}

/** The short form officers type: "CA07" for "CA07-2023"; the whole reference when it has no such head. */
export function refHead(ref: string): string {
  const m = /^([A-Z]{1,5}\d{1,4})[-/]/i.exec(ref);
  return (m ? m[1]! : ref).toUpperCase();
}

/** Whether a question names a reference, in full or by its head ("CA07", "ca 07", "CA07-2023"). */
export function mentionsRef(question: string, ref: string): boolean {
  const head = refHead(ref);
  const m = /^([A-Z]+)(\d+)$/.exec(head);
  const pattern = m ? `${m[1]}[\\s-]?0*${Number(m[2])}` : head.replace(/[-/]/g, '[-/\\s]?');
  return new RegExp(`(?:^|[^A-Za-z0-9])${pattern}(?![0-9])`, 'i').test(question);
}

const LEVEL_WORDS: Array<[OpinionLevel, RegExp]> = [
  ['none', /^(?:no|nil|none|unsatisfactory|minimal|inadequate|no assurance)\b/i],
  ['limited', /^(?:limited|partial|weak|marginal|low)\b/i],
  ['adequate', /^(?:adequate|reasonable|satisfactory|moderate|sufficient)\b/i],
  ['substantial', /^(?:substantial|full|high|strong|good)\b/i],
];

/** The level an opinion's words stand for ("LIMITED", "Reasonable assurance"), or null. */
export function opinionLevel(words: string): OpinionLevel | null {
  const w = words.replace(/[*_'"‘’“”]/g, '').trim();
  for (const [level, re] of LEVEL_WORDS) if (re.test(w)) return level;
  return null;
}

const SEP = String.raw`(?:\s*(?::|\t|\||–|—|-)\s*|\s+)`;
const OPINION_LINE = new RegExp(
  String.raw`^(?:overall\s+)?(?:internal\s+)?(?:audit\s+)?(?:assurance\s+)?(?:opinion|assurance(?:\s+(?:level|rating|opinion))?|level of assurance|assurance given)${SEP}(.{2,60})$`,
  'i',
);
const PROSPECTS_LINE = new RegExp(String.raw`^prospects? for improvements?${SEP}(.{2,40})$`, 'i');
const PROSPECTS_SENTENCE = /opinion of\s*\W*\s*([A-Za-z][A-Za-z ]{1,30}?)\s*\W*\s+(?:for|in terms of|on)(?: the)? prospects? for improvement/i;

/** "Audit Opinion<TAB>LIMITED" or "Assurance level: Reasonable": the opinion's words, or null. */
export function readOpinionLine(clean: string): string | null {
  const m = OPINION_LINE.exec(clean.trim());
  if (!m) return null;
  const value = m[1]!.replace(/[*_]/g, '').trim();
  return opinionLevel(value) ? value : null;
}

/** "Prospects for Improvement<TAB>GOOD", or "Our overall opinion of Good for Prospects for Improvement". */
export function readProspects(clean: string): string | null {
  const text = clean.replace(/[*_]/g, '').trim();
  const m = PROSPECTS_LINE.exec(text) ?? PROSPECTS_SENTENCE.exec(text);
  return m ? m[1]!.trim() : null;
}

/** Words that say an opinion is about prospects, not assurance. */
export function isProspectsLine(clean: string): boolean {
  return /^prospects? for improvement/i.test(clean.trim());
}

const PRIORITY_TAIL = /(\*\*)?\s*\(?\b(High|Medium|Low|Critical|HIGH|MEDIUM|LOW|CRITICAL|Priority\s*[123])\b\)?\s*(\*\*)?\s*$/;
const PRIORITY_HEAD = /^\(?(High|Medium|Low|Priority\s*[123])(?:\s+priority)?\)?\s*[:–-]\s*/i;

function priorityOf(label: string): PriorityLevel {
  const l = label.toLowerCase().replace(/\s+/g, ' ');
  if (l === 'critical' || l === 'high' || l === 'priority 1') return 'high';
  if (l === 'medium' || l === 'priority 2') return 'medium';
  return 'low';
}

/**
 * The priority printed with a finding ("... are accurate. Medium", "... **High**", "High: ...") and
 * the finding's text without it; null when none is printed.
 */
export function readPriority(text: string): { level: PriorityLevel; label: string; text: string } | null {
  const trimmed = text.trimEnd();
  const tail = PRIORITY_TAIL.exec(trimmed);
  if (tail) {
    const before = trimmed.slice(0, tail.index).trimEnd();
    // A finding that merely ends in the word "low" has no priority: a label follows a full stop, is bold or in capitals.
    if (before === '' || /[.)\]:;]$/.test(before) || tail[1] !== undefined || /^[A-Z]{3,}$/.test(tail[2]!)) {
      return { level: priorityOf(tail[2]!), label: tail[2]!, text: before };
    }
  }
  const head = PRIORITY_HEAD.exec(trimmed);
  if (head) return { level: priorityOf(head[1]!), label: head[1]!, text: trimmed.slice(head[0].length) };
  return null;
}

/** The kind of section a summary heading opens, or null for any other heading. */
export type SummarySection = 'strengths' | 'development' | 'prospects' | 'responses';

/** Which summary section a heading opens ("Key Strengths", "Areas for Development"...), or null. */
export function summarySection(heading: string): SummarySection | null {
  const h = heading.replace(/[*_#:]/g, '').trim().toLowerCase();
  if (/^(?:key\s+)?strengths?$|^(?:areas? of )?good practice$|^what (?:is|was) working well$|^positive findings$/.test(h)) return 'strengths';
  if (/^(?:key\s+)?(?:areas? for (?:development|improvement)|findings|issues(?: identified| raised)?|weaknesses|areas? of concern|recommendations)$/.test(h)) return 'development';
  if (/^prospects? for improvements?$/.test(h)) return 'prospects';
  if (/^(?:summary of )?management (?:responses?|action plans?)$/.test(h)) return 'responses';
  return null;
}

/** Where a paper says a management action stands, from its wording; null when it does not say. */
export function actionStatus(text: string): ActionStatus | null {
  const t = text.toLowerCase();
  if (/\boverdue\b|\bbehind schedule\b|\bnot (?:yet )?(?:been )?implemented\b|\bslipped\b/.test(t)) return 'overdue';
  if (/\b(?:fully implemented|has been implemented|have been implemented|has been completed|have been completed|now complete|now in place)\b/.test(t)) return 'implemented';
  if (/\bin progress\b|\bunder ?way\b|\bprogress(?:ed|ing)?\b|\bcurrently (?:undertaking|developing|working)\b|\btaking forward\b|\bbeing (?:taken|developed|implemented|progressed|updated)\b|\bhas begun\b/.test(t)) return 'in-progress';
  if (/\b(?:will|planned|plans? to|intends? to)\b/.test(t)) return 'planned';
  return null;
}

/** Sentence spans [start, end) of a text: up to a full stop, question or exclamation mark before a capital. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out.map(([s, e]) => {
    let a = s;
    while (a < e && /\s/.test(text[a]!)) a++;
    return [a, e] as [number, number];
  });
}

/** Text for reading: conversion debris, list markers and runs of white space removed. */
export function plain(text: string): string {
  return cleanText(text)
    .replace(/^[ \t]*(?:-\s*)?Page\s+\d+(?:\s+of\s+\d+)?[ \t]*$/gim, ' ')
    .replace(/^\s*[-*•]\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const TITLE_QUOTED = new RegExp(String.raw`['‘"“]\s*(${REF_SOURCE})\s*[–—-]?\s*([^'’"”\n]{3,80}?)\s*['’"”]`, 'g');
const TITLE_BRACKETED = new RegExp(String.raw`(${REF_SOURCE})\s*\(([^)\n]{3,60})\)`, 'g');

/** Titles printed with references: "'CS05-2023 Social Care Debt Recovery'", "CA07-2023 (Procurement)". */
export function findRefTitles(text: string): Array<{ ref: string; title: string }> {
  const out = new Map<string, string>();
  for (const re of [TITLE_QUOTED, TITLE_BRACKETED]) {
    for (const m of text.matchAll(re)) {
      const title = m[2]!.replace(/[*_]/g, '').trim();
      if (!out.has(m[1]!) && /[A-Za-z]{3}/.test(title)) out.set(m[1]!, title);
    }
  }
  return [...out].map(([ref, title]) => ({ ref, title }));
}
