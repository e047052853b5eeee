import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractKpis } from '../../src/kpi/extract-kpis.js';
import { findKpis } from '../../src/kpi/find-kpis.js';
import { kpiAnswer } from '../../src/kpi/kpi-answer.js';
import { listKpis } from '../../src/kpi/list-kpis.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { AnswerSchema, type Answer, type Citation } from '../../src/types.js';

const corpusDir = new URL('../../corpus/', import.meta.url);
const sources = new Map(readdirSync(corpusDir).map((name) => [name, readFileSync(new URL(name, corpusDir), 'utf8')]));
const records = [...sources].flatMap(([name, text]) => extractKpis(parseDocument(name, text)));

function expectVerbatim(citations: readonly Citation[]): void {
  expect(citations.length).toBeGreaterThan(0);
  citations.forEach((c, i) => {
    expect(c.n).toBe(i + 1);
    const text = sources.get(c.source)!;
    expect(c.start).not.toBeNull();
    expect(text.slice(c.start!, c.end!)).toBe(c.quote);
  });
}

function ask(question: string): Answer {
  const answer = kpiAnswer(question, records);
  expect(answer, question).not.toBeNull();
  AnswerSchema.parse(answer);
  expect(answer!.kind).toBe('kpi');
  expect(answer!.retrieved).toEqual([]);
  expect(answer!.timings.totalMs).toBeGreaterThanOrEqual(0);
  expectVerbatim(answer!.citations);
  return answer!;
}

describe('kpiAnswer: the questions officers ask', () => {
  it('FN11 latest month and year to date on the 2017 dashboard', () => {
    const a = ask("FN11 - financial assessments fully completed within 15 days of referral - what's the latest and YTD on the 2017 dashboard?");
    expect(a.answer).toContain('95%');
    expect(a.answer).toContain('84%');
    expect(a.answer).toMatch(/July 2017/);
    expect(a.answer).toMatch(/target of 90%/);
    expect(a.citations[0]!.quote).toBe('FN11\tPercentage of financial assessments fully completed within 15 days of referral\t95%\tGREEN\t↑\t84%\tRED\t90%\t85%\tN/a');
  });

  it('gives the report\'s commentary on the indicator when asked why', () => {
    const a = ask('Why was CS05, calls to Contact Point answered in 40 seconds, only amber in 2017?');
    expect(a.answer).toMatch(/staff turnover/);
  });

  it('ICT01 latest month', () => {
    const a = ask('ICT01 first-time fix rate at the ICT help desk - latest month?');
    expect(a.answer).toContain('70%');
    expect(a.answer).toMatch(/^ICT01 /);
  });

  it('routine highway faults in Q2 2022/23: the figure from the commentary, the RAG from the table', () => {
    const a = ask('Routine highway faults fixed within 28 days - Q2 2022/23?');
    expect(a.answer).toContain('89%');
    expect(a.answer).toContain('AMBER');
    expect(a.answer).toContain('Quarter 2 2022/23');
    expect(a.citations.map((c) => c.quote)).toEqual([
      '% of routine highway repairs reported by residents completed within 28 days\tAMBER',
      'Routine faults responded to in 28 days has dropped this Quarter to 89% narrowly missing the target of 90%.',
    ]);
  });

  it("children's social care re-referrals within 12 months", () => {
    const a = ask("What's the children's social care re-referral rate within 12 months?");
    expect(a.answer).toContain('20.9%');
    expect(a.citations.some((c) => c.quote.includes('The rate of re-referrals within 12 months for the 12 months to September 2022 was 20.9%'))).toBe(true);
  });

  it("counts red KPIs from the report's own statement, cited, and agrees with the rows", () => {
    const a = ask('How many KPIs were red in the Q2 2022/23 quarterly performance report?');
    expect(a.answer).toMatch(/^7 KPIs were rated Red/);
    expect(a.citations[0]!.quote).toContain('7 KPIs did not meet the floor standard (Red).');
    expect(a.data).toMatchObject({ stated: 7, counted: 7 });
    expect(a.notes).toEqual([]);
  });

  it('Contact Point advisor satisfaction between the 2017 dashboard and Q2 2022/23', () => {
    const a = ask('How has Contact Point advisor satisfaction moved between the 2017 dashboard and Q2 2022/23?');
    expect(a.answer).toContain('97%');
    expect(a.answer).toContain('96%');
    expect(a.answer).toMatch(/moved from 97% \(July 2017\) to 96% \(Quarter 2 2022\/23\)/);
    expect(a.citations.map((c) => c.quote)).toContain('The percentage of callers who rated their advisor as good, dropped one percentage point below target to 96%.');
    expect(a.citations[0]!.quote).toMatch(/^CS01\t/);
  });

  it('lists red KPIs, by service area', () => {
    const asc = ask('Which Adult Social Care KPIs are red?');
    expect(asc.answer).toMatch(/^1 KPI is rated RED in Adult Social Care/);
    expect(asc.answer).toContain('% of new Care Needs Assessments delivered within 28 days');
    const all = ask('which KPIs are red?');
    expect((all.data as { records: unknown[] }).records).toHaveLength(listKpis({ rag: 'RED' }, records).length);
  });

  it('answers by reference when the latest report kept no figure, and gives the last figure stated', () => {
    const a = ask('how is GL03 doing?');
    expect(a.answer).toMatch(/Quarter 2 2022\/23: no figure is given in the report, only its RAG rating; RAG RED/);
    expect(a.answer).toMatch(/The last figure stated was July 2017: 94% \(GREEN\) against a target 90%, floor standard 85%/);
    const foi = ask("what's the latest FOI KPI?");
    expect(foi.answer).toMatch(/^GL02 % of Freedom of Information Act \(FoI\) requests/);
  });
});

describe('kpiAnswer: unseen KPI questions', () => {
  it.each([
    ['What is the latest performance for pension correspondence processed within 15 working days?', ['100%', 'FN01']],
    ['Is the Early Years settings KPI on target?', ['96%', 'AMBER']],
    ['What was the YTD for subject access requests in July 2017?', ['81%', 'RED']],
    ['What percentage of EHCPs were issued within 20 weeks in Q2 2022/23?', ['41.3%', 'RED']],
    ['How many KPIs were green on the 2017 dashboard?', ['21 KPIs were rated Green']],
    ['Which Governance and Law KPIs are red?', ['2 KPIs are rated RED in Governance and Law']],
    ["What's the first-time entrants to the youth justice system figure?", ['279']],
    ['What percentage of calls did Contact Point answer in 40 seconds?', ['CS05', '71%']],
    ['How is rent outstanding at 60 days doing against its floor?', ['PI01', '24%', 'RED', 'lower is better']],
    ['Pothole repair performance this quarter?', ['86%', 'target of 90%']],
  ])('%s', (question, expected) => {
    const a = ask(question);
    for (const e of expected) expect(a.answer).toContain(e);
  });
});

describe('kpiAnswer: questions that are not KPI look-ups', () => {
  it.each([
    'What did the report say about the Blue Badge backlog?',
    'Tell me about freedom of information requests',
    'Who is the Cabinet Member for Adult Social Care?',
    "What's the latest on the Corporate Risk Register?",
    'When is the next meeting of the Policy and Resources Cabinet Committee?',
    'What are the risks around staff recruitment?',
  ])('%s -> null', (question) => {
    expect(kpiAnswer(question, records)).toBeNull();
  });
});

describe('citations', () => {
  it('every citation of every match quotes its source file verbatim', () => {
    for (const query of ['GL02', 'CS01', 'potholes', 'adoption', 'Contact Point', 'debt']) {
      for (const m of findKpis(query, records)) expectVerbatim(m.citations);
    }
    for (const r of records) {
      expect(sources.get(r.place.source)!.slice(r.row.start, r.row.end)).toBe(r.row.text);
      if (r.commentary) expect(sources.get(r.place.source)!.slice(r.commentary.start, r.commentary.end)).toBe(r.commentary.text);
      if (r.reportCounts) expect(sources.get(r.place.source)!.slice(r.reportCounts.quote.start, r.reportCounts.quote.end)).toBe(r.reportCounts.quote.text);
    }
  });
});
