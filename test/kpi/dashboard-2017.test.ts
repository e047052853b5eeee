import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractKpis } from '../../src/kpi/extract-kpis.js';
import type { KpiRecord } from '../../src/kpi/kpi-record.js';
import { parseDocument } from '../../src/parse/parse-document.js';

const FILE = '002_744e773a20c1c463.txt';
const text = readFileSync(new URL(`../../corpus/${FILE}`, import.meta.url), 'utf8');
const records = extractKpis(parseDocument(FILE, text));

/*
 * Written by hand from the "Strategic and Corporate Services Performance Dashboard" (Financial Year
 * 2017/18, results up to July 2017) in the Policy and Resources Cabinet Committee pack of 15 September
 * 2017. Columns: Ref | Indicator description | Latest Month | Month RAG | DoT | Year to Date | YTD RAG |
 * Target | Floor Standard | Previous Year, then the service area, the period (sections headed
 * "Results to June" report June) and the summary-table heading. "New", "N/a" and "Snapshot data" are
 * not figures (null). DoT: ↑ improved, ↓ fallen, ↔ unchanged.
 */
type KpiRow = [string, string, string, string, string, string | null, string | null, string, string, string | null, string, string, string | null];
const KPI_ROWS: KpiRow[] = [
  ['CS01', 'Percentage of callers who rate the advisors in Contact Point as good', '97%', 'GREEN', '↓', '98%', 'GREEN', '95%', '90%', '98%', 'EODD - Customer Services', 'July 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['CS04', 'Percentage of calls to Contact Point answered', '95%', 'GREEN', '↑', '94%', 'AMBER', '95%', '80%', '97%', 'EODD - Customer Services', 'July 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['CS05', 'Percentage of calls to Contact Point answered in 40 seconds', '71%', 'AMBER', '↑', '69%', 'RED', '80%', '70%', '83%', 'EODD - Customer Services', 'July 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['CS07', 'Percentage of complaints responded to in timescale', '91%', 'GREEN', '↑', '91%', 'GREEN', '85%', '80%', '86%', 'EODD', 'June 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['HR22', 'Delivery of Health & Safety Action Plan against stated outcomes', '100%', 'GREEN', 'New', '100%', 'GREEN', '80%', '75%', null, 'EODD', 'June 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['HR24', 'Percentage of HR Commissions that deliver stated outcomes', '100%', 'GREEN', 'New', '100%', 'GREEN', '80%', '75%', null, 'EODD', 'June 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['HR09', 'Percentage of training that delivers commissioned learning outcomes', '100%', 'GREEN', '↔', '100%', 'GREEN', '95%', '90%', '100%', 'EODD', 'June 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['HR23', 'Percentage of staff who have completed all 3 mandatory learning events', '89%', 'AMBER', '↔', '89%', 'AMBER', '90%', '85%', null, 'EODD', 'June 2017', 'Engagement, Organisation Design and Development (EODD)'],
  ['FN01', 'Pension correspondence processed within 15 working days', '100%', 'GREEN', '↑', '99%', 'GREEN', '98%', '95%', '100%', 'Finance', 'July 2017', null],
  ['FN02', 'Retirement benefits paid within 20 working days of all paperwork received', '98%', 'GREEN', '↔', '98%', 'GREEN', '90%', '85%', '95%', 'Finance', 'July 2017', null],
  ['FN07', 'Invoices received by Accounts Payable within 30 days of KCC received date', '84%', 'AMBER', '↓', '83%', 'AMBER', '85%', '80%', '84%', 'Finance', 'July 2017', null],
  ['FN08', 'Invoices received on time by Accounts Payable processed within 30 days', '99%', 'GREEN', '↔', '99%', 'GREEN', '96%', '93%', '99%', 'Finance', 'July 2017', null],
  ['FN09', 'Percentage of outstanding total debt over 6 months old', '49%', 'GREEN', '↑', null, null, '55%', '60%', null, 'Finance', 'July 2017', null],
  ['FN10', 'Percentage of outstanding debt over 6 months old which is secured', '43%', 'AMBER', '↑', null, null, '45%', '38%', null, 'Finance', 'July 2017', null],
  ['FN11', 'Percentage of financial assessments fully completed within 15 days of referral', '95%', 'GREEN', '↑', '84%', 'RED', '90%', '85%', null, 'Finance', 'July 2017', null],
  ['GL01', 'Council and Committee papers published at least five clear days before meetings', '100%', 'GREEN', '↑', '94%', 'RED', '100%', '96%', '100%', 'Governance and Law', 'July 2017', null],
  ['GL02', 'Freedom of Information Act requests completed within 20 working days', '95%', 'GREEN', '↑', '92%', 'AMBER', '95%', '90%', '95%', 'Governance and Law', 'July 2017', null],
  ['GL03', 'Data Protection Act Subject Access requests completed within 40 calendar', '94%', 'GREEN', '↑', '81%', 'RED', '90%', '85%', '82%', 'Governance and Law', 'July 2017', null],
  ['ICT01', 'Calls to ICT Help Desk resolved at the First point of contact', '70%', 'GREEN', '↑', '69%', 'AMBER', '70%', '65%', '71%', 'Infrastructure - ICT', 'July 2017', 'Infrastructure'],
  ['ICT02', 'Positive feedback rating with the ICT help desk', '99%', 'GREEN', '↔', '99%', 'GREEN', '95%', '90%', '99%', 'Infrastructure - ICT', 'July 2017', 'Infrastructure'],
  ['ICT03', 'Working hours where Kent Public Sector Network (KPSN) is available to staff', '100%', 'GREEN', '↑', '99.5%', 'AMBER', '99.8%', '99%', '99.9%', 'Infrastructure - ICT', 'July 2017', 'Infrastructure'],
  ['ICT04', 'Working hours where ICT Service available to staff', '99.6%', 'GREEN', '↓', '99.7%', 'GREEN', '99.0%', '98.0%', '99.2%', 'Infrastructure - ICT', 'July 2017', 'Infrastructure'],
  ['ICT05', 'Working hours where Email are available to staff', '100%', 'GREEN', '↔', '100%', 'GREEN', '99%', '98%', '100%', 'Infrastructure - ICT', 'July 2017', 'Infrastructure'],
  ['PI01', 'Percentage of rent due to KCC outstanding at 60 days', '24%', 'RED', '↓', null, null, '5%', '15%', '9%', 'Infrastructure - Property', 'July 2017', 'Infrastructure'],
  ['PI03', 'Percentage of annual net capital receipts target forecast to be achieved (£28.285m)', '100%', 'GREEN', '↑', null, null, '100%', '90%', '34%', 'Infrastructure - Property', 'July 2017', 'Infrastructure'],
  ['PI04', 'Percentage of reactive tasks completed within Service Level Agreement standards', '93%', 'GREEN', '↑', '92%', 'GREEN', '90%', '80%', '89%', 'Infrastructure - Property', 'June 2017', 'Infrastructure'],
];

/*
 * Activity indicators, by hand: Ref | Indicator description | Latest Month or Year to date | In expected
 * range? | Upper | Lower | Prev. Yr Same Month or Prev. yr YTD, then area and period.
 */
type ActivityRow = [string, string, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string, string];
const ACTIVITY_ROWS: ActivityRow[] = [
  ['CS08', 'Number of calls answered by Contact Point (000s)', '196.3', null, 'Yes', '196.3', '177.6', '234.3', 'Prev. Yr Same Month', 'EODD - Customer Services', 'July 2017'],
  ['CS12', 'Number of visits to the KCC website, kent.gov (000s)', '1,778', null, 'Above', '1,740', '1,480', '1,734', 'Prev. Yr Same Month', 'EODD - Customer Services', 'July 2017'],
  ['HR12', 'Number of current change activities being supported', '75', null, 'Yes', '75', '60', '136', 'Prev. Yr Same Month', 'EODD', 'June 2017'],
  ['HR16', 'Number of registered users of Kent Rewards', '18,075', null, 'Yes', '18,875', '17,275', '17,024', 'Prev. Yr Same Month', 'EODD', 'June 2017'],
  ['HR21', 'Number of current people management cases being supported', '74', null, 'Yes', '85', '70', '87', 'Prev. Yr Same Month', 'EODD', 'June 2017'],
  ['HR13', 'Total number of E-learning training programmes completed', null, '10,361', 'Above', '8,750', '6,250', '17,525', 'Prev. Yr YTD', 'EODD', 'June 2017'],
  ['FN01b', 'Pension correspondence processed', null, '1,574', null, null, null, '1,728', 'Prev. yr YTD', 'Finance', 'July 2017'],
  ['FN02b', 'Retirement benefits paid', null, '671', null, null, null, '684', 'Prev. yr YTD', 'Finance', 'July 2017'],
  ['FN07b', 'Number of invoices paid by KCC', null, '39,488', null, null, null, '45,340', 'Prev. yr YTD', 'Finance', 'July 2017'],
  ['FN09b', 'Value of debt due to KCC (£000s)', null, '23,445', null, null, null, '21,447', 'Prev. yr YTD', 'Finance', 'July 2017'],
  ['FN11b', 'Number of financial assessments received', null, '2,540', null, null, null, null, null, 'Finance', 'July 2017'],
  ['GL01b', 'Committee meetings', null, '35', null, null, null, '52', 'Prev. yr YTD', 'Governance and Law', 'July 2017'],
  ['GL02b', 'Freedom of Information requests', null, '717', null, null, null, '704', 'Prev. yr YTD', 'Governance and Law', 'July 2017'],
  ['GL03b', 'Data Protection Act Subject Access requests', null, '95', null, null, null, '108', 'Prev. yr YTD', 'Governance and Law', 'July 2017'],
  ['ICT01b', 'Calls to ICT Help Desk', null, '20,536', null, null, null, '23,094', 'Prev. yr YTD', 'Infrastructure - ICT', 'July 2017'],
  ['ICT02b', 'Feedback responses provided for ICT Help Desk', null, '2,679', null, null, null, '3,282', 'Prev. yr YTD', 'Infrastructure - ICT', 'July 2017'],
  ['PI01b', "Total rent outstanding (£'000s)", null, '1,259', null, null, null, '645', 'Prev. yr YTD', 'Infrastructure - Property', 'July 2017'],
  ['PI04b', 'Number of reactive tasks responded to', null, '4,802', null, null, null, '5,000', 'Prev. yr YTD', 'Infrastructure - Property', 'June 2017'],
];

const DIRECTION: Record<string, KpiRecord['direction']> = { '↑': 'improving', '↓': 'worsening', '↔': 'stable', New: 'new' };
const LOWER_IS_BETTER = new Set(['FN09', 'PI01']);
const SNAPSHOT = new Set(['FN09', 'FN10', 'PI01']);

describe('the 2017 Strategic and Corporate Services dashboard', () => {
  const kpis = records.filter((r) => r.kind === 'kpi');
  const activities = records.filter((r) => r.kind === 'activity');

  it('extracts every KPI row and every activity-indicator row, in order, and nothing else', () => {
    expect(kpis.map((r) => r.ref)).toEqual(KPI_ROWS.map((r) => r[0]));
    expect(activities.map((r) => r.ref)).toEqual(ACTIVITY_ROWS.map((r) => r[0]));
    expect(records).toHaveLength(26 + 18);
  });

  it.each(KPI_ROWS)('KPI %s has every field of its row', (ref, name, value, rag, dot, ytd, ytdRag, target, floor, previous, area, period, group) => {
    const r = kpis.find((k) => k.ref === ref)!;
    expect(r).toMatchObject({
      name,
      value,
      valueSource: 'table',
      valueLabel: 'Latest Month',
      rag,
      direction: DIRECTION[dot],
      directionRaw: dot,
      ytd,
      ytdRag,
      target,
      floor,
      previous,
      previousLabel: previous ? 'Previous Year' : null,
      area,
      group,
      polarity: LOWER_IS_BETTER.has(ref) ? 'lower' : 'higher',
      notes: SNAPSHOT.has(ref) ? ['Year to Date: Snapshot data'] : [],
      expectedUpper: null,
      expectedLower: null,
      meetingDate: '2017-09-15',
    });
    expect(r.period?.label).toBe(period);
    expect(r.period?.end).toBe(period === 'July 2017' ? '2017-07-31' : '2017-06-30');
  });

  it.each(ACTIVITY_ROWS)('activity indicator %s has every field of its row', (ref, name, value, ytd, inRange, upper, lower, previous, previousLabel, area, period) => {
    const r = activities.find((k) => k.ref === ref)!;
    expect(r).toMatchObject({
      name,
      value,
      valueLabel: value ? 'Latest Month' : null,
      ytd,
      inExpectedRange: inRange,
      expectedUpper: upper,
      expectedLower: lower,
      previous,
      previousLabel,
      area,
      rag: null,
      target: null,
      floor: null,
      polarity: null,
    });
    expect(r.period?.label).toBe(period);
  });

  it('quotes each row verbatim from the source file, with the report and meeting it came from', () => {
    for (const r of records) {
      expect(text.slice(r.row.start, r.row.end)).toBe(r.row.text);
      expect(r.row.text.startsWith(`${r.ref}\t`)).toBe(true);
      expect(r.place).toMatchObject({ source: FILE, council: 'Kent County Council', committee: 'Policy and Resources Cabinet Committee', itemNumber: '6' });
    }
  });

  it('keeps the report period evidence and its own RAG totals', () => {
    const fn11 = kpis.find((r) => r.ref === 'FN11')!;
    expect(fn11.period?.evidence).toBe('results up to the end of July 2017');
    expect(kpis.find((r) => r.ref === 'CS07')!.period?.evidence).toBe('Results to June');
    expect(fn11.reportCounts).toMatchObject({ green: 21, amber: 4, red: 1, total: 26 });
    expect(fn11.reportCounts!.quote.text).toBe('Latest month performance is reported as Green for 21 indicators, Amber for 4 indicators, with 1 indicator Red.');
    // The report's totals agree with its rows.
    expect(kpis.filter((r) => r.rag === 'GREEN')).toHaveLength(21);
    expect(kpis.filter((r) => r.rag === 'AMBER')).toHaveLength(4);
    expect(kpis.filter((r) => r.rag === 'RED')).toHaveLength(1);
  });

  it('attaches the note printed under a table to its reference', () => {
    const gl03 = kpis.find((r) => r.ref === 'GL03')!;
    expect(gl03.commentary?.text).toMatch(/^GL03 – Most delays are due to the operational units/);
    expect(text.slice(gl03.commentary!.start, gl03.commentary!.end)).toBe(gl03.commentary!.text);
    expect(kpis.find((r) => r.ref === 'CS01')!.commentary).toBeNull();
  });
});
