import type { ParsedDocument } from '../parse/parse-document.js';
import type { Segment } from '../parse/segment-part.js';
import { cleanText } from '../parse/clean-text.js';
import type { Span, Spanner } from '../extract/cite-span.js';
import type { AuditSummary, ManagementResponse, Meeting, PriorityLevel } from './audit-record.js';
import {
  findRefs,
  isProspectsLine,
  normalizeRef,
  opinionLevel,
  plain,
  readOpinionLine,
  readPriority,
  readProspects,
  summarySection,
  type SummarySection,
} from './audit-text.js';

/** What reading a part found: the summaries, and the spans they take (left out of other records). */
export interface SummariesRead {
  summaries: AuditSummary[];
  covered: Array<[number, number]>;
}

interface Draft {
  summary: AuditSummary;
  start: number;
  end: number;
  columns: Array<'issuesRaised' | 'actionPlans' | 'riskAccepted' | null>;
}

const LOOKAHEAD = 4;

function headingTitle(clean: string, ref: string | null): string {
  let t = clean.replace(/^[A-Z]?\d{1,3}(?:\.\d{1,3})*\.?\s+/, '');
  if (ref) t = t.replace(ref, ' ').replace(/\(\s*\)|\[\s*\]/g, ' ');
  t = t.replace(/^[\s:–—-]+|[\s:–—-]+$/g, '').replace(/\s+/g, ' ').trim();
  return t || ref || clean;
}

function responseRow(cells: string[], columns: Draft['columns'], span: Span): ManagementResponse | null {
  const label = cells[0]!;
  const p = /\b(critical|high|medium|low|priority\s*[123])\b/i.exec(label);
  if (!p) return null;
  const word = p[1]!.toLowerCase().replace(/\s+/g, ' ');
  const priority: PriorityLevel = /critical|high|priority 1/.test(word) ? 'high' : /medium|priority 2/.test(word) ? 'medium' : 'low';
  const values = cells.slice(1).map((c) => (/^\d+$/.test(c) ? Number(c) : null));
  const at = (key: 'issuesRaised' | 'actionPlans' | 'riskAccepted', fallback: number): number | null => {
    const i = columns.indexOf(key);
    return values[i >= 0 ? i : fallback] ?? null;
  };
  return { priority, label, issuesRaised: at('issuesRaised', 0), actionPlans: at('actionPlans', 1), riskAccepted: at('riskAccepted', 2), span };
}

function headerColumns(cells: string[]): Draft['columns'] {
  return cells.map((c) => {
    const l = c.toLowerCase();
    if (/accepted|no action/.test(l)) return 'riskAccepted';
    if (/action plan|agreed|actions?/.test(l)) return 'actionPlans';
    if (/raised|issues|findings|recommendations/.test(l)) return 'issuesRaised';
    return null;
  });
}

/**
 * Reads internal audit report summaries from the segments of one part: a heading (with the audit's reference when
 * it has one) followed within a few lines by an opinion line ("Audit Opinion  LIMITED", "Assurance
 * level: Reasonable"), then sections of key strengths, areas for development with their priorities,
 * prospects for improvement and the summary of management responses. A repeated heading with the
 * same reference (a new page of the same summary) continues it.
 */
export function readAuditSummaries(doc: ParsedDocument, segments: readonly Segment[], spanner: Spanner, meeting: Meeting): SummariesRead {
  const summaries: AuditSummary[] = [];
  const covered: Array<[number, number]> = [];
  const cleanOf = (seg: Segment): string => plain(cleanText(doc.text.slice(seg.start, seg.end)));
  const opensSummary = (i: number): boolean => {
    for (const seg of segments.slice(i + 1, i + 1 + LOOKAHEAD)) {
      const c = cleanOf(seg);
      if (!isProspectsLine(c) && readOpinionLine(c)) return true;
      if (seg.kind === 'heading' && summarySection(c) === null) return false;
    }
    return false;
  };
  let draft: Draft | null = null;
  let section: SummarySection | 'other' | null = null;
  const close = (): void => {
    if (draft) {
      summaries.push(draft.summary);
      covered.push([draft.start, draft.end]);
    }
    draft = null;
  };

  /** Reads an opinion or prospects line into the summary; false when the line is neither. */
  const ratingLine = (current: Draft, seg: Segment, clean: string): boolean => {
    const s = current.summary;
    const where = { section: s.ref ? `${s.ref} ${s.title}` : s.title };
    const prospects = isProspectsLine(clean) ? readProspects(clean) : null;
    const opinion = prospects || s.opinion ? null : readOpinionLine(clean);
    if (!prospects && !opinion) return false;
    const span = spanner.span(seg.start, seg.end, where);
    if (!span) return false;
    if (opinion) {
      s.opinion = opinion;
      s.opinionLevel = opinionLevel(opinion);
      s.opinionSpan = span;
    } else if (!s.prospects) {
      s.prospects = prospects;
      s.prospectsSpan = span;
      // The two ratings printed together are cited together.
      if (s.opinionSpan && !doc.text.slice(s.opinionSpan.end, span.start).trim()) s.opinionSpan = spanner.span(s.opinionSpan.start, span.end, where) ?? s.opinionSpan;
    }
    current.end = seg.end;
    return true;
  };

  segments.forEach((seg, i) => {
    const clean = cleanOf(seg);
    if (!clean) return;
    const current = draft as Draft | null;
    // Rating lines may come out as headings ("Assurance level: Reasonable" on a line of its own).
    if (current && ratingLine(current, seg, clean)) return;
    if (seg.kind === 'heading') {
      const refs = findRefs(clean);
      if (current?.summary.ref && refs.some((r) => normalizeRef(r) === normalizeRef(current.summary.ref!))) {
        section = null;
        current.end = seg.end;
        return;
      }
      const sec = summarySection(clean);
      if (current && sec) {
        section = sec;
        current.end = seg.end;
        return;
      }
      if (opensSummary(i)) {
        close();
        const ref = refs[0] ?? null;
        const heading = spanner.span(seg.start, seg.end, { section: clean });
        if (!heading) return;
        draft = {
          start: seg.start,
          end: seg.end,
          columns: [],
          summary: {
            kind: 'summary', ref, title: headingTitle(clean, ref), heading,
            opinion: null, opinionLevel: null, opinionSpan: null, prospects: null, prospectsSpan: null,
            strengths: [], findings: [], prospectsBasis: [], managementResponses: [],
            place: spanner.place(seg.start), meeting,
          },
        };
        section = null;
        return;
      }
      if (current && (refs.length || /^(?:from|by|to|date|subject):/i.test(clean))) close();
      else section = 'other';
      return;
    }
    if (!current) return;
    const s = current.summary;
    const where = { section: s.ref ? `${s.ref} ${s.title}` : s.title };
    const span = spanner.span(seg.start, seg.end, where);
    if (!span) return;
    if (section === null || section === 'other') return;
    current.end = seg.end;
    if (section === 'strengths') s.strengths.push({ text: clean, span });
    else if (section === 'development' && clean.length >= 15) {
      const p = readPriority(clean);
      s.findings.push({ text: p ? p.text : clean, priority: p?.level ?? null, priorityLabel: p?.label ?? null, span });
    } else if (section === 'prospects') {
      const p = readProspects(clean);
      if (p) {
        s.prospects ??= p;
        s.prospectsSpan ??= span;
      } else s.prospectsBasis.push({ text: clean, span });
    } else if (section === 'responses' && seg.kind === 'row') {
      const cells = doc.text.slice(seg.start, seg.end).split(/\t|\|/).map((c) => plain(c)).filter(Boolean);
      if (!cells.some((c) => /^\d+$/.test(c))) {
        const columns = headerColumns(cells);
        // A header that names its label column ("Priority") has one cell more than the values.
        current.columns = columns[0] === null ? columns.slice(1) : columns;
      } else {
        const row = responseRow(cells, current.columns, span);
        if (row) s.managementResponses.push(row);
      }
    }
  });
  close();
  return { summaries, covered };
}
