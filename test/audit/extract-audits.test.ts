import { describe, expect, it } from 'vitest';
import { auditExtractor, AuditRecordSchema, extractAudits } from '../../src/audit/extract-audits.js';
import type { AuditNote, AuditSummary } from '../../src/audit/audit-record.js';
import type { Span } from '../../src/extract/cite-span.js';
import { corpusDocs, corpusText, fixtureDoc } from './corpus.js';

const docs = corpusDocs();
const records = docs.flatMap((d) => extractAudits(d));
const summaries = records.filter((r): r is AuditSummary => r.kind === 'summary');
const notes = records.filter((r): r is AuditNote => r.kind !== 'summary');
const byRef = (ref: string): AuditSummary => summaries.find((s) => s.ref === ref)!;

function spansOf(s: AuditSummary): Span[] {
  return [s.heading, s.opinionSpan!, s.prospectsSpan!, ...s.strengths.map((p) => p.span), ...s.findings.map((f) => f.span), ...s.prospectsBasis.map((p) => p.span), ...s.managementResponses.map((r) => r.span)];
}

describe('auditExtractor on the bundled packs', () => {
  it('is the ingest extractor named audit, and its records survive a JSON round trip', () => {
    expect(auditExtractor.name).toBe('audit');
    const stored = JSON.parse(JSON.stringify(auditExtractor.extract(docs[0]!))) as unknown[];
    expect(stored.every((r) => AuditRecordSchema.safeParse(r).success)).toBe(true);
  });

  it('finds every audit summary printed with an opinion line, and no others', () => {
    const printed = docs.flatMap((d) => [...d.text.matchAll(/^(?:Audit Opinion|Assurance (?:level|opinion))\b/gim)].map(() => d.source));
    expect(summaries).toHaveLength(printed.length);
    expect(summaries.map((s) => s.ref)).toEqual(['CA07-2023', 'RB21-2023']);
  });

  it('reads CA07-2023 Procurement: opinion, prospects, strengths, findings with priorities, responses, meeting', () => {
    const s = byRef('CA07-2023');
    expect(s).toMatchObject({ title: 'Procurement', opinion: 'LIMITED', opinionLevel: 'limited', prospects: 'GOOD' });
    expect(s.meeting).toEqual({ committee: 'Governance and Audit Committee', date: '2023-10-25', item: 'Internal Audit Progress Report Procurement & Contract Extension', itemNumber: '5' });
    expect(s.strengths).toHaveLength(9);
    expect(s.findings.map((f) => f.priority)).toEqual(['medium', 'medium', 'medium', 'high', 'high', null, null, null]);
    expect(s.findings[3]!.text).toBe("There are currently no monitored central KPI's in relation to adherence to procurement procedures, the recording of contracts or storage of associated documents.");
    const po = s.findings.find((f) => f.text.includes('less than £25k'))!;
    expect(po.text).toContain('however the procedure for generating Purchase Orders for less than £25k is less robust and assurance cannot be provided that all Purchase Orders raised are linked to current or valid contracts.');
    expect(s.prospectsBasis).toHaveLength(3);
    expect(s.managementResponses.map((r) => [r.priority, r.issuesRaised, r.actionPlans, r.riskAccepted])).toEqual([
      ['high', 2, 2, null],
      ['medium', 2, 2, null],
      ['low', 0, 0, null],
    ]);
  });

  it('reads RB21-2023 Contract Extensions, including the finding printed outside the bullet list', () => {
    const s = byRef('RB21-2023');
    expect(s).toMatchObject({ title: 'Contract Extensions', opinion: 'LIMITED', opinionLevel: 'limited', prospects: 'VERY GOOD' });
    expect(s.strengths).toHaveLength(4);
    expect(s.findings.map((f) => f.priority)).toEqual(['high', 'high', 'high', 'medium', 'medium', 'medium']);
    expect(s.findings.at(-1)!.text).toMatch(/^Sample testing established that contract extensions' review and decision dates/);
    expect(s.managementResponses.map((r) => r.issuesRaised)).toEqual([3, 3, 0]);
  });

  it('cites every part of a summary verbatim from the source file', () => {
    for (const s of summaries) {
      const text = corpusText(s.place.source);
      for (const span of spansOf(s)) expect(text.slice(span.start, span.end)).toBe(span.quote);
    }
    expect(byRef('CA07-2023').opinionSpan!.quote).toBe('Audit Opinion\tLIMITED\nProspects for Improvement\tGOOD');
  });

  it('reads the progress paper on both audits as updates, with listed actions and status', () => {
    const ca07 = notes.filter((n) => n.kind === 'update' && n.refs.includes('CA07-2023'));
    expect(ca07.map((n) => n.span.paragraph)).toEqual(expect.arrayContaining(['1.1', '1.2', '2.1', '2.3', '2.5', '2.6', '4.1']));
    expect(ca07.some((n) => n.span.paragraph?.startsWith('3.'))).toBe(false);
    const p25 = ca07.find((n) => n.span.paragraph === '2.5')!;
    expect(p25.actions).toHaveLength(5);
    expect(p25.status).toBe('in-progress');
    expect(notes.filter((n) => n.kind === 'update' && n.refs.includes('RB21-2023')).map((n) => n.span.paragraph)).toEqual(expect.arrayContaining(['3.1', '3.3', '3.6']));
  });

  it('reads the minutes: audits named with their titles, the meeting they record, and opinion counts', () => {
    const mentions = notes.filter((n) => n.kind === 'mention');
    expect(new Set(mentions.flatMap((m) => m.refs))).toEqual(new Set(['CA10-2023', 'RB17-2023', 'CS05-2023', 'RB16-2023', 'RB24-2023', 'RB21-2023', 'CA07-2023']));
    const cs05 = mentions.find((m) => m.refs.includes('CS05-2023'))!;
    expect(cs05.titles).toEqual([{ ref: 'CS05-2023', title: 'Social Care Debt Recovery' }]);
    expect(cs05.meeting).toMatchObject({ date: '2023-09-14', item: 'Internal Audit Progress Report', itemNumber: '8' });
    expect(cs05.span.paragraph).toBe('143(a)');
    const overview = notes.filter((n) => n.kind === 'overview').map((n) => n.text);
    expect(overview).toContain("There were five 'Limited', three 'Adequate' and two 'Substantial' assurance reports.");
    expect(overview.some((t) => /annual opinion of "Adequate"/.test(t))).toBe(true);
    for (const n of notes) expect(corpusText(n.place.source).slice(n.span.start, n.span.end)).toBe(n.span.quote);
  });

  it('finds nothing in the packs without internal audit papers', () => {
    expect(records.filter((r) => r.place.source !== '000_1f87ef84fb8f7cad.txt')).toEqual([]);
  });
});

describe('auditExtractor on another council’s wording', () => {
  const doc = fixtureDoc(new URL('./fixtures/northshire-audit-progress.txt', import.meta.url));
  const found = extractAudits(doc);

  it('reads "Assurance level: Reasonable", "Key findings" and "(High)" priorities', () => {
    const sums = found.filter((r): r is AuditSummary => r.kind === 'summary');
    expect(sums.map((s) => [s.ref, s.title, s.opinion, s.opinionLevel])).toEqual([
      ['IA/24/03', 'Payroll', 'Reasonable', 'adequate'],
      ['IA/24/05', 'Procurement Cards', 'Limited', 'limited'],
    ]);
    expect(sums[0]!.strengths).toHaveLength(1);
    expect(sums[0]!.findings.map((f) => [f.priority, f.priorityLabel])).toEqual([['medium', 'Medium'], ['high', 'High']]);
    expect(sums[1]!.findings.map((f) => f.priority)).toEqual(['high', 'high', 'low']);
    for (const s of sums) for (const f of s.findings) expect(doc.text.slice(f.span.start, f.span.end)).toBe(f.span.quote);
  });

  it('reads a follow-up table of agreed actions with their status', () => {
    const updates = found.filter((r): r is AuditNote => r.kind === 'update');
    expect(updates.map((u) => [u.refs, u.status])).toEqual([
      [['IA/23/11'], 'in-progress'],
      [['IA/23/09'], 'overdue'],
    ]);
  });
});
