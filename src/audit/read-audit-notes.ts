import type { ParsedDocument } from '../parse/parse-document.js';
import type { Part } from '../parse/find-parts.js';
import type { Segment } from '../parse/segment-part.js';
import { cleanText } from '../parse/clean-text.js';
import type { Spanner } from '../extract/cite-span.js';
import type { AuditNote, Meeting } from './audit-record.js';
import { actionStatus, findRefs, findRefTitles, plain, sentenceSpans } from './audit-text.js';

const MINUTE_HEADING = /^(\d{1,4})\.\s+(.+?)(?:\s*\(\s*\*?Item\s+(\w+)\*?\s*\))?\s*$/i;
const SUB_ITEM = /^(?:[ivx]{1,4}|[a-h])$/;
const PROGRESS_PAPER = /\bprogress\b|\bupdate\b|\baction plans?\b|\bfollow[- ]up\b|\bimplementation\b/i;
const ABOUT_AUDIT = /\baudits?\b|\bassurance\b|\bprogress\b|\bfindings?\b|\bissues identified\b|\bactions?\b/i;
const LEVEL = String.raw`["“'‘]?(?:limited|substantial|adequate|reasonable|no|full|satisfactory)["”'’]?`;
const COUNTED = new RegExp(String.raw`\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+${LEVEL}(?:\s|,|$)`, 'i');
const SHARE = new RegExp(String.raw`(?:proportion|number|percentage|share)\s+of\s+(?:\w+\s+){0,3}${LEVEL}\s+assurances?|${LEVEL}\s+assurances?[^.]{0,60}\d+%`, 'i');
const ANNUAL = new RegExp(String.raw`annual (?:audit |internal audit )?opinion[^.]{0,40}${LEVEL}`, 'i');

/** Whether a sentence gives an overview of audit opinions: a count, a share, or the annual opinion. */
export function isOverviewSentence(sentence: string): boolean {
  return ANNUAL.test(sentence) || (/assurance/i.test(sentence) && (COUNTED.test(sentence) || SHARE.test(sentence)));
}

function minuteMeeting(base: Meeting, heading: string): { meeting: Meeting; number: string } | null {
  const m = MINUTE_HEADING.exec(heading);
  if (!m || Number(m[1]) < 1) return null;
  return { number: m[1]!, meeting: { ...base, item: m[2]!.replace(/[*_]/g, '').trim(), itemNumber: m[3] ?? null } };
}

/**
 * Reads paragraphs about internal audits outside their summaries: progress updates on the management
 * actions (a section headed with a reference, or a progress paper's numbered paragraphs), minutes and
 * paragraphs naming an audit, and sentences that count opinions or give the annual opinion.
 */
export function readAuditNotes(
  doc: ParsedDocument,
  part: Part,
  segments: readonly Segment[],
  covered: ReadonlyArray<[number, number]>,
  spanner: Spanner,
  base: Meeting,
): AuditNote[] {
  const notes: AuditNote[] = [];
  // The cover sheet (subject, summary, recommendations) names the audits the whole paper is about.
  const firstSection = /^[ \t]*(?:[-*•]\s*)?1\.?\s+[A-Z]/m.exec(doc.text.slice(part.start, Math.min(part.end, part.start + 3000)));
  const head = doc.text.slice(part.start, part.start + (firstSection?.index ?? Math.min(1500, part.end - part.start)));
  const report = part.kind === 'report' || part.kind === 'document';
  const partRefs = report ? findRefs(head) : [];
  const progressPaper = report && PROGRESS_PAPER.test(`${part.title ?? ''} ${head.slice(0, 600)}`);
  let sectionRefs: string[] = [];
  let heading: string | null = null;
  let meeting = base;
  let minute: string | null = null;
  let last: AuditNote | null = null;

  for (const seg of segments) {
    if (covered.some(([s, e]) => seg.start >= s && seg.end <= e)) continue;
    const clean = plain(cleanText(doc.text.slice(seg.start, seg.end)));
    if (!clean) continue;
    const asMinute = part.kind === 'minutes' ? minuteMeeting(base, clean) : null;
    if (seg.kind === 'heading' || (asMinute && /^\d{2,4}$/.test(asMinute.number) && clean.length < 120)) {
      // A cover sheet's "Subject:" names the paper's audits; its sections come later.
      sectionRefs = /^(?:subject|title|re)\s*:/i.test(clean) ? [] : findRefs(clean);
      heading = clean;
      if (asMinute) [meeting, minute] = [asMinute.meeting, asMinute.number];
      last = null;
      continue;
    }
    const refs = findRefs(clean);
    // Table rows count only when they name an audit (a follow-up table of agreed actions).
    if (seg.kind === 'row' && !refs.length) continue;
    const paragraph = minute && seg.paragraph ? `${minute}(${seg.paragraph})` : seg.paragraph;
    const span = spanner.span(seg.start, seg.end, { paragraph, section: heading });
    if (!span) continue;
    const about = `${heading ?? ''} ${clean} ${part.title ?? ''}`;
    if (/internal audit/i.test(about) || refs.length) {
      for (const [a, b] of sentenceSpans(span.quote)) {
        const sentence = plain(cleanText(span.quote.slice(a, b)));
        if (!isOverviewSentence(sentence)) continue;
        const sub = spanner.span(span.start + a, span.start + b, { paragraph, section: heading });
        if (sub) notes.push({ kind: 'overview', refs: [], titles: [], text: sentence, status: null, actions: [], span: sub, place: spanner.place(sub.start), meeting });
      }
    }
    if (last && report && seg.paragraph && SUB_ITEM.test(seg.paragraph) && !refs.length) {
      last.actions.push({ text: clean, span });
      continue;
    }
    let kind: AuditNote['kind'] | null = null;
    let noteRefs: string[] = [];
    if (report && sectionRefs.length) [kind, noteRefs] = ['update', [...new Set([...sectionRefs, ...refs])]];
    else if (refs.length) [kind, noteRefs] = [progressPaper || (seg.kind === 'row' && actionStatus(clean)) ? 'update' : 'mention', refs];
    else if (progressPaper && partRefs.length && seg.paragraph && /\d\.\d/.test(seg.paragraph) && ABOUT_AUDIT.test(clean)) {
      [kind, noteRefs] = ['update', partRefs];
    }
    if (!kind || (clean.length < 60 && seg.kind !== 'row')) {
      last = null;
      continue;
    }
    const note: AuditNote = {
      kind,
      refs: noteRefs,
      titles: findRefTitles(`${heading ?? ''}\n${doc.text.slice(seg.start, seg.end)}`),
      text: clean,
      status: kind === 'update' ? actionStatus(clean) : null,
      actions: [],
      span,
      place: spanner.place(seg.start),
      meeting,
    };
    notes.push(note);
    last = kind === 'update' ? note : null;
  }
  return notes;
}
