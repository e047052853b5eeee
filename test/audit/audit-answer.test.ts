import { describe, expect, it } from 'vitest';
import { auditAnswer, auditQueryAnswer, findAudits, isAuditQuestion } from '../../src/audit/audit-answer.js';
import { extractAudits } from '../../src/audit/extract-audits.js';
import { AnswerSchema, type Answer } from '../../src/types.js';
import { corpusDocs, corpusText, fixtureDoc } from './corpus.js';

const records = corpusDocs().flatMap((d) => extractAudits(d));

function expectVerbatim(answer: Answer): void {
  AnswerSchema.parse(answer);
  expect(answer.citations.length).toBeGreaterThan(0);
  for (const c of answer.citations) expect(corpusText(c.source).slice(c.start!, c.end!)).toBe(c.quote);
  // Every citation is used in the text, and every marker has its citation.
  const markers = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect([...markers].sort((a, b) => a - b)).toEqual(answer.citations.map((c) => c.n));
}

describe('auditAnswer: dev examples and likely questions', () => {
  it('CA07 purchase orders under £25k: the "less robust" finding, with the opinion', () => {
    const a = auditAnswer('What did the CA07 procurement audit say about purchase orders under £25k?', records)!;
    expect(a.kind).toBe('audit');
    expect(a.answer).toMatch(/£25k|25k|25,000/);
    expect(a.answer).toContain('less robust');
    expect(a.answer).toContain('Limited');
    expect(a.citations.some((c) => c.quote.includes('the procedure for generating Purchase Orders for less than £25k is less robust'))).toBe(true);
    expectVerbatim(a);
  });

  it('"what did internal audit conclude on procurement?": opinion, prospects, high findings, latest progress', () => {
    const a = auditAnswer('what did internal audit conclude on procurement?', records)!;
    expect(a.answer).toContain('CA07-2023 Procurement');
    expect(a.answer).toContain('Internal Audit opinion: Limited; prospects for improvement: Good');
    expect(a.answer).toContain('High-priority findings');
    expect(a.answer).toContain("no monitored central KPI's");
    expect(a.answer).toMatch(/Latest progress reported \(Governance and Audit Committee, 25 Oct 2023, item 5\): “2\.3 Since the above assessment/);
    expect(a.answer).not.toContain('RB21-2023');
    expectVerbatim(a);
  });

  it('"which audits got limited assurance?": both audits, with the minutes’ counts as context', () => {
    const a = auditAnswer('Which audits got limited assurance?', records)!;
    expect(a.answer).toContain('CA07-2023 Procurement: Limited');
    expect(a.answer).toContain('RB21-2023 Contract Extensions: Limited');
    expect(a.answer).toContain("five 'Limited'");
    expect(a.notes.join(' ')).toContain('CS05-2023');
    expectVerbatim(a);
  });

  it('gives the annual opinion and the share given Limited assurance when a question asks both', () => {
    const a = auditAnswer("What was the Head of Internal Audit's annual opinion, and what share of audits got Limited assurance?", records)!;
    expect(a.answer).toMatch(/annual opinion of "Adequate"[\s\S]*35%/);
  });

  it('answers about contract extensions, an audit known only from the minutes, and the annual opinion', () => {
    const ext = auditAnswer('What were the high priority findings of the contract extensions audit?', records)!;
    expect(ext.answer).toContain('RB21-2023 Contract Extensions');
    expect(ext.answer).toContain('Scheme of Delegation');
    expectVerbatim(ext);
    const rb16 = auditAnswer('What did the RB16 audit find?', records)!;
    expect(rb16.answer).toContain('the papers hold no summary of this audit');
    expect(rb16.answer).toContain('Data Quality LAS System Risk of Overpayments');
    expectVerbatim(rb16);
    const annual = auditAnswer("What was the Head of Internal Audit's annual opinion?", records)!;
    expect(annual.answer).toContain('annual opinion of "Adequate"');
    expectVerbatim(annual);
  });

  it('gives the latest progress on a specific point when asked', () => {
    const a = auditAnswer('What has been done about contract management training since the RB21 audit?', records)!;
    expect(a.answer).toMatch(/training/i);
    expect(a.citations.find((c) => c.paragraph === '3.6')?.quote).toMatch(/^3\.6 Finally, there will be a renewed focus on extending valued contract management training/);
    expectVerbatim(a);
  });

  it('gives the part of a summary asked for: key strengths, prospects, management actions', () => {
    const strengths = auditAnswer('What were the key strengths in the procurement audit?', records)!;
    expect(strengths.answer).toContain('Key strengths:');
    expect(strengths.answer).toContain('Contract Management System (CMS) is in use');
    expectVerbatim(strengths);
    const prospects = auditAnswer('What prospects for improvement did internal audit give RB21?', records)!;
    expect(prospects.answer).toContain('prospects for improvement: Very Good');
    expect(prospects.answer).toContain('realistic timescales');
    const actions = auditAnswer('Were management action plans agreed for the CA07 findings?', records)!;
    expect(actions.answer).toContain('Management action plans agreed: 2 of 2 high-risk, 2 of 2 medium-risk issues');
    expect(actions.answer).toContain('Latest progress reported');
    const kpi = auditAnswer('Is the KPI issue from the procurement audit being fixed?', records)!;
    expect(kpi.answer).toContain("no monitored central KPI's");
    expect(kpi.answer).toContain('Progress reported');
    expectVerbatim(kpi);
  });

  it.each([
    'Any RIPA reportable errors in 2022/23, and has the covert techniques policy changed?',
    'When is the next Governance and Audit Committee meeting?',
    'What did the external auditor say about value for money?',
    'How many grants did internal audit certify?',
    'What is the current performance of the TFM contracts?',
    'What did the Governance and Audit Committee resolve on the counter fraud report?',
  ])('leaves "%s" to document search (null)', (q) => {
    expect(auditAnswer(q, records)).toBeNull();
  });

  it('returns null without records', () => {
    expect(auditAnswer('What did internal audit conclude on procurement?', [])).toBeNull();
  });
});

describe('isAuditQuestion', () => {
  it('accepts a known reference in any spelling and audit questions; refuses the committee name and external audit', () => {
    expect(isAuditQuestion('ca 07?', records)).toBe(true);
    expect(isAuditQuestion('Tell me about CA07-2023', records)).toBe(true);
    expect(isAuditQuestion('Which audits were rated substantial?', records)).toBe(true);
    expect(isAuditQuestion('Who chairs the Governance and Audit Committee?', records)).toBe(false);
    expect(isAuditQuestion('What did external audit find on the pension fund?', records)).toBe(false);
  });
});

describe('findAudits and /audit', () => {
  it('finds by reference, by title words and by opinion level', () => {
    expect(findAudits('CA07', records).audits.map((a) => a.ref)).toEqual(['CA07-2023']);
    expect(findAudits('contract extensions', records).audits.map((a) => a.ref)).toEqual(['RB21-2023']);
    expect(findAudits('procurement', records).audits.map((a) => a.ref)).toEqual(['CA07-2023']);
    const limited = findAudits('limited assurance this year', records);
    expect(limited.level).toBe('limited');
    expect(limited.audits.map((a) => a.ref).sort()).toEqual(['CA07-2023', 'RB21-2023']);
    expect(limited.overview.length).toBeGreaterThan(0);
  });

  it('groups each audit with its summary, its updates (latest first) and its mentions', () => {
    const [ca07] = findAudits('CA07-2023', records).audits;
    expect(ca07!.summary?.opinion).toBe('LIMITED');
    expect(ca07!.updates.length).toBeGreaterThan(5);
    expect(ca07!.mentions.map((m) => m.meeting.date)).toEqual(['2023-09-14']);
  });

  it('/audit answers always, with a not-found answer listing the audits there are', () => {
    const a = auditQueryAnswer('contract extensions', records);
    expect(a.kind).toBe('audit');
    expectVerbatim(a);
    const none = auditQueryAnswer('highways maintenance', records);
    expect(none.kind).toBe('not_found');
    expect(none.answer).toContain('CA07-2023 Procurement; RB21-2023 Contract Extensions');
    AnswerSchema.parse(none);
  });

  it('works on another council’s papers: "limited assurance" and a finding by its words', () => {
    const other = extractAudits(fixtureDoc(new URL('./fixtures/northshire-audit-progress.txt', import.meta.url)));
    expect(findAudits('limited assurance', other).audits.map((a) => a.title)).toEqual(['Procurement Cards']);
    const a = auditAnswer('What did internal audit find about overtime claims?', other)!;
    expect(a.answer).toContain('Payroll');
    expect(a.answer).toContain('Overtime claims above the agreed limit');
  });
});
