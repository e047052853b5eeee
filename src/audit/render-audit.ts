import { matchedTerms } from '../answer/question-terms.js';
import { shortDate, subSpan, type CitationList, type DocPlace, type Span } from '../extract/cite-span.js';
import type { AuditNote, AuditPoint, Meeting } from './audit-record.js';
import { plain, sentenceSpans } from './audit-text.js';
import { auditTerms, type AuditMatch } from './find-audits.js';

/** "LIMITED" reads as "Limited"; mixed case stays as printed. */
export function asWords(value: string): string {
  return value === value.toUpperCase() ? value.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) : value;
}

/** "Governance and Audit Committee, 25 Oct 2023, item 5". */
export function meetingLabel(m: Meeting): string {
  return [m.committee, shortDate(m.date), m.itemNumber ? `item ${m.itemNumber}` : null].filter(Boolean).join(', ');
}

/** " (Governance and Audit Committee, 25 Oct 2023, item 5)", or nothing when the paper does not say. */
export function where(m: Meeting): string {
  const label = meetingLabel(m);
  return label ? ` (${label})` : '';
}

/** "CA07-2023 Procurement", or the title alone. */
export function auditLabel(a: AuditMatch): string {
  return a.ref && a.title !== a.ref ? `${a.ref} ${a.title}` : a.title;
}

interface Item {
  kind: 'finding' | 'strength' | 'prospects';
  text: string;
  span: Span;
  place: DocPlace;
  label: string;
  weight: number;
}

const PROGRESS = /\bprogress\b|\bsince\b|\bhas (?:now )?(?:been )?(?:made|launched|implemented|completed|established|delivered)\b|\bnow in place\b|\bunder ?way\b/i;

function hitsOf(words: readonly string[], text: string): number {
  return [...matchedTerms(words, new Set(auditTerms(text))).values()].reduce((x, y) => x + y, 0);
}

/** The sentence of a note that best matches some terms (or, with none, first reports progress), as a span. */
function bestSentence(note: AuditNote, words: readonly string[]): { span: Span; hits: number } | null {
  let best: { span: Span; hits: number } | null = null;
  for (const [a, b] of sentenceSpans(note.span.quote)) {
    const text = note.span.quote.slice(a, b);
    const hits = words.length ? hitsOf(words, text) : PROGRESS.test(text) ? 1 : 0;
    if (hits > (best?.hits ?? 0)) best = { span: subSpan(note.span, a, b), hits };
  }
  return best;
}

/**
 * The latest progress reported on an audit: from its latest update, the sentence that best matches
 * the words given, or else the first that reports progress (updates saying work is under way first).
 */
export function latestProgress(a: AuditMatch, words: readonly string[] = []): { note: AuditNote; span: Span } | null {
  const date = a.updates[0]?.meeting.date;
  const latest = a.updates.filter((u) => u.meeting.date === date);
  // Paragraphs about this audit alone, then those saying what is being (or will be) done, before restated findings.
  const done = { implemented: 0, 'in-progress': 0, planned: 0.5, overdue: 0.5 } as const;
  const rank = (u: AuditNote): number => (u.refs.length === 1 ? 0 : 2) + (u.status ? done[u.status] : 1);
  const ordered = [...latest].sort((x, y) => rank(x) - rank(y) || x.span.start - y.span.start);
  let best: { note: AuditNote; span: Span; hits: number } | null = null;
  for (const note of ordered) {
    const s = bestSentence(note, words);
    if (s && s.hits > (best?.hits ?? 0)) best = { note, ...s };
  }
  if (words.length && best && best.hits < Math.min(2, words.length)) return null;
  return best;
}

function items(a: AuditMatch): Item[] {
  const s = a.summary;
  const out: Item[] = [];
  if (s) {
    const point = (kind: Item['kind'], p: AuditPoint, label: string, weight: number): Item => ({ kind, text: p.text, span: p.span, place: s.place, label, weight });
    for (const f of s.findings) out.push({ ...point('finding', f, f.priority ? `Finding (${f.priority} priority)` : 'Finding', 1.1) });
    for (const p of s.strengths) out.push(point('strength', p, 'Key strength', 1));
    for (const p of s.prospectsBasis) out.push(point('prospects', p, 'Prospects for improvement', 0.8));
  }
  return out;
}

/** The summary's points that answer a specific question ("purchase orders under £25k"), best first. */
export function focusedItems(a: AuditMatch, words: readonly string[]): Item[] {
  if (!words.length) return [];
  const scored = items(a).map((it) => {
    const hits = hitsOf(words, it.text);
    return { it, hits, score: hits * it.weight };
  });
  const top = Math.max(0, ...scored.map((s) => s.score));
  // Half the words, one of them allowed to match as another form of the word ("approved" for "approval").
  const need = Math.max(0.6, Math.ceil(words.length / 2) - 0.4);
  return scored
    .filter((s) => s.hits >= need && s.score >= 0.5 * top)
    .sort((x, y) => y.score - x.score)
    .slice(0, 3)
    .map((s) => s.it);
}

/** The opinion line of an audit with its citation, or what the papers say instead. */
export function opinionLine(a: AuditMatch, list: CitationList): string {
  const s = a.summary;
  if (!s) return `${auditLabel(a)}: the papers hold no summary of this audit, so its opinion is not given.`;
  const opinion = s.opinion ? `Internal Audit opinion: ${asWords(s.opinion)}` : 'no opinion printed';
  const prospects = s.prospects ? `; prospects for improvement: ${asWords(s.prospects)}` : '';
  const span = s.opinionSpan ?? s.heading;
  return `${auditLabel(a)}${where(s.meeting)}: ${opinion}${prospects} ${list.cite(s.place, span)}.`;
}

function quoteLine(label: string, text: string, cite: string): string {
  return `${label}: “${plain(text)}” ${cite}`;
}

/** The part of a summary a question asks for ("what were the key strengths…"), or null for the usual account. */
export type AuditAspect = 'strengths' | 'prospects' | 'actions' | 'findings';

/** Which part of a summary a question asks for. */
export function aspectOf(question: string): AuditAspect | null {
  const q = question.toLowerCase();
  if (/\bstrengths?\b|working well|good practice/.test(q)) return 'strengths';
  if (/\bprospects?\b/.test(q)) return 'prospects';
  if (/management (?:actions?|responses?)|action plans?|actions? (?:agreed|taken)|\bresponses?\b|being (?:fixed|addressed|done)|\bprogress\b/.test(q)) return 'actions';
  if (/areas? for (?:development|improvement)|\ball (?:the )?findings\b|\bweakness\w*|\bmedium\b|\blow priority\b/.test(q)) return 'findings';
  return null;
}

function bullets(lines: string[], head: string, points: ReadonlyArray<AuditPoint & { priority?: string | null }>, place: DocPlace, list: CitationList): void {
  if (!points.length) return;
  lines.push(head);
  for (const p of points) lines.push(`• ${plain(p.text)}${p.priority ? ` (${p.priority})` : ''} ${list.cite(place, p.span)}`);
}

/**
 * A full account of one audit: opinion and prospects, then the part asked for (by default the
 * high-priority findings and the management responses), then the latest progress reported.
 */
export function describeAudit(a: AuditMatch, list: CitationList, aspect: AuditAspect | null = null): string[] {
  const lines = [opinionLine(a, list)];
  const s = a.summary;
  if (s && aspect === 'strengths') bullets(lines, 'Key strengths:', s.strengths, s.place, list);
  else if (s && aspect === 'prospects') bullets(lines, 'Basis for the prospects opinion:', s.prospectsBasis, s.place, list);
  else if (s && aspect === 'findings') bullets(lines, 'Areas for development:', s.findings, s.place, list);
  else if (s && aspect !== 'actions') {
    const high = s.findings.filter((f) => f.priority === 'high');
    if (high.length) bullets(lines, 'High-priority findings:', high.map((f) => ({ ...f, priority: null })), s.place, list);
    else bullets(lines, 'Areas for development:', s.findings.slice(0, 3), s.place, list);
  }
  if (s) {
    const rows = s.managementResponses.filter((r) => (r.issuesRaised ?? 0) > 0);
    if (rows.length) {
      const parts = rows.map((r) => `${r.actionPlans ?? '?'} of ${r.issuesRaised} ${r.priority ?? r.label.toLowerCase()}-risk`);
      lines.push(`Management action plans agreed: ${parts.join(', ')} issues ${list.cite(s.place, rows[0]!.span)}.`);
    }
  } else {
    for (const m of a.mentions.slice(0, 2)) lines.push(quoteLine(`Discussed${where(m.meeting)}`, m.text, list.cite(m.place, m.span)));
  }
  const progress = latestProgress(a);
  if (progress) lines.push(quoteLine(`Latest progress reported${where(progress.note.meeting)}`, progress.span.quote, list.cite(progress.note.place, progress.span)));
  else if (s && a.mentions[0]) lines.push(quoteLine(`Also discussed${where(a.mentions[0].meeting)}`, a.mentions[0].text, list.cite(a.mentions[0].place, a.mentions[0].span)));
  if (aspect === 'actions') {
    const listed = progress?.note.actions.length ? progress.note : a.updates.find((u) => u.actions.length && u.meeting.date === a.updates[0]?.meeting.date);
    if (listed) bullets(lines, `Actions reported${listed.status ? ` (${listed.status.replace('-', ' ')})` : ''}:`, listed.actions, listed.place, list);
  }
  return lines;
}

/** What an audit says on a specific point, with the opinion and the latest progress reported on that point. */
export function describeFocus(a: AuditMatch, found: readonly Item[], words: readonly string[], list: CitationList, asksProgress = false): string[] {
  const lines = [opinionLine(a, list)];
  for (const it of found) lines.push(quoteLine(it.label, it.text, list.cite(it.place, it.span)));
  // "Is it being fixed?": the latest progress on the point, or else the latest progress at all.
  const progress = latestProgress(a, words) ?? (aspectOf(words.join(' ')) === 'actions' || asksProgress ? latestProgress(a) : null);
  if (progress) lines.push(quoteLine(`Progress reported${where(progress.note.meeting)}`, progress.span.quote, list.cite(progress.note.place, progress.span)));
  return lines;
}
