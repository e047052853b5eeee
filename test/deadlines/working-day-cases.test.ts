import { describe, expect, it } from 'vitest';
import type { Nation } from '../../src/deadlines/bank-holidays-schema.js';
import { computeDeadline } from '../../src/deadlines/compute-deadline.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';

const calendar = loadCalendar();

interface Case {
  rule: string;
  date: string;
  due: string;
  nation?: Nation;
  why: string;
}

// Each case counted by hand from data/bank-holidays.json: day 0 = the DATE, day 1 = next working day.
// FOI/EIR skip holidays of any UK division; the other rules skip the council nation's (default E&W).
const CASES: Case[] = [
  // Christmas and New Year spans
  { rule: 'foi', date: '2026-12-21', due: '2027-01-22', why: 'skips 25 Dec, 28 Dec (Boxing sub), 1 Jan, 4 Jan (Scot 2 Jan sub); 22,23,24,29,30,31 Dec = 1-6, 5 Jan = 7 ... 22 Jan = 20' },
  { rule: 'foi', date: '2025-12-24', due: '2026-01-27', why: 'skips 25, 26 Dec, 1 Jan, 2 Jan (Scot); day 1 = Mon 29 Dec' },
  { rule: 'foi', date: '2025-12-18', due: '2026-01-21', why: '19 Dec = 1; 22-24 = 2-4; 29-31 = 5-7; 5 Jan = 8 ... 21 Jan = 20' },
  { rule: 'foi', date: '2020-12-18', due: '2021-01-21', why: '2020: Boxing Day sub Mon 28 Dec; 2021: 1 Jan, Scot 2 Jan sub Mon 4 Jan' },
  { rule: 'eir', date: '2026-12-21', due: '2027-01-22', why: 'EIR counts like FOI' },
  { rule: 'eir-extended', date: '2026-12-21', due: '2027-02-19', why: 'day 20 = 22 Jan; no holidays after; 19 Feb = 40' },
  { rule: 'complaint-ack', date: '2026-12-23', due: '2026-12-30', why: '24 Dec = 1; skip 25, 28 Dec; 29 = 2; 30 = 3' },
  { rule: 'ripa-register-copy', date: '2026-12-23', due: '2027-01-04', why: 'E&W: 24 = 1, 29 = 2, 30 = 3, 31 = 4, skip 1 Jan, 4 Jan = 5' },
  { rule: 'ripa-register-copy', date: '2026-12-23', due: '2027-01-05', nation: 'scotland', why: 'Scotland also keeps Mon 4 Jan 2027 (2 January sub)' },
  { rule: 'lgsco-ack', date: '2026-12-18', due: '2026-12-29', why: '21-24 Dec = 1-4; skip 25, 28; 29 = 5' },
  { rule: 'lgsco-stage1', date: '2026-12-29', due: '2027-01-13', why: '30, 31 Dec = 1, 2; skip 1 Jan; 4 Jan = 3 ... 13 Jan = 10' },
  // Easter spans
  { rule: 'foi', date: '2025-04-18', due: '2025-05-20', why: 'received Good Friday; skip Easter Mon 21 Apr, 5 May; 26 May is after' },
  { rule: 'foi', date: '2027-03-15', due: '2027-04-15', why: 'skip 17 Mar (NI), 26 Mar Good Friday, 29 Mar Easter Monday' },
  { rule: 'foi-internal-review', date: '2026-04-06', due: '2026-05-05', why: 'requested on Easter Monday: still day 0; skip 4 May' },
  { rule: 'complaint-ack', date: '2026-04-02', due: '2026-04-09', why: 'skip Good Friday 3 Apr and Easter Monday 6 Apr: 7, 8, 9' },
  { rule: 'complaint-ack', date: '2026-04-02', due: '2026-04-08', nation: 'scotland', why: 'Easter Monday is not a Scottish bank holiday: 6, 7, 8' },
  { rule: 'complaint-complex', date: '2026-01-05', due: '2026-04-08', why: '63 working days to 2 Apr; skip 3 and 6 Apr; 7 Apr = 64, 8 Apr = 65' },
  { rule: 'lgsco-stage2', date: '2027-03-15', due: '2027-04-14', why: 'E&W: skip 26 and 29 Mar' },
  { rule: 'lgsco-stage2', date: '2027-03-15', due: '2027-04-15', nation: 'northern-ireland', why: 'NI also keeps St Patrick’s Day, Wed 17 Mar' },
  // Saturday receipts and longer counts
  { rule: 'foi-pit-extension', date: '2026-03-14', due: '2026-05-14', why: 'day 20 = 15 Apr; skip 4 May; 14 May = 40' },
  { rule: 'foi-internal-review-extended', date: '2026-03-14', due: '2026-05-14', why: 'same 40 working days, UK-wide' },
  // Scottish-only and Northern-Irish-only holidays
  { rule: 'foi', date: '2026-06-01', due: '2026-06-30', why: 'Scotland’s one-off Mon 15 Jun 2026 counts for FOI' },
  { rule: 'foi', date: '2026-06-29', due: '2026-07-28', why: 'NI Battle of the Boyne sub Mon 13 Jul counts for FOI' },
  { rule: 'foi', date: '2026-07-31', due: '2026-09-01', why: 'Scot summer BH Mon 3 Aug and E&W/NI summer BH Mon 31 Aug both count' },
  { rule: 'complaint-response', date: '2026-07-31', due: '2026-08-28', why: 'E&W only: 3 Aug is a working day' },
  { rule: 'foi', date: '2025-11-24', due: '2025-12-23', why: 'Scot St Andrew’s Day sub Mon 1 Dec 2025' },
  { rule: 'children-complaint-stage2', date: '2026-05-18', due: '2026-06-23', why: 'E&W: skip 25 May' },
  { rule: 'children-complaint-stage2', date: '2026-05-18', due: '2026-06-24', nation: 'scotland', why: 'Scotland: skip 25 May and 15 Jun' },
  { rule: 'children-complaint-review-panel', date: '2026-08-03', due: '2026-09-15', why: 'E&W: skip 31 Aug' },
  // Moved and extra holidays
  { rule: 'foi', date: '2020-04-24', due: '2020-05-26', why: '2020: Early May moved to Fri 8 May (VE day); Mon 4 May is a working day; skip 25 May' },
  { rule: 'foi', date: '2022-05-20', due: '2022-06-21', why: '2022: Spring BH moved to Thu 2 Jun + Jubilee Fri 3 Jun; Mon 30 May is a working day' },
  { rule: 'foi', date: '2022-09-05', due: '2022-10-04', why: 'State Funeral Mon 19 Sep 2022' },
  { rule: 'foi', date: '2023-04-28', due: '2023-05-31', why: 'skip 1 May, Coronation 8 May, 29 May' },
];

describe('working-day rules, hand-verified', () => {
  it.each(CASES)('$rule $date ($nation) -> $due: $why', ({ rule, date, due, nation }) => {
    expect(computeDeadline({ rule, date, nation, calendar }).due).toBe(due);
  });
});

describe('working-day explanation', () => {
  it('gives day 1, the skipped weekdays with names and nations, and the weekend count', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-12-21', calendar });
    expect(r.day1).toBe('2026-12-22');
    expect(r.skipped.map((s) => `${s.date} ${s.title} ${s.nations.length}`)).toEqual([
      '2026-12-25 Christmas Day 3',
      '2026-12-28 Boxing Day (substitute day) 3',
      '2027-01-01 New Year\'s Day 3',
      '2027-01-04 January 2nd (substitute day) 1',
    ]);
    expect(r.weekendDaysSkipped).toBe(8);
    expect(r.steps[r.steps.length - 1]).toBe('Day 20 is Fri 22 Jan 2027: the due date.');
  });

  it('says a receipt on a non-working day is still day 0', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-04-06', calendar });
    expect(r.steps[1]).toBe('Mon 6 Apr 2026 is not a working day (Easter Monday [E&W+NI only]), but it is still day 0.');
  });

  it('uses only the council nation for non-FOI rules', () => {
    const r = computeDeadline({ rule: 'complaint-response', date: '2026-03-14', calendar, nation: 'england-and-wales' });
    expect(r.skipped.map((s) => s.date)).toEqual(['2026-04-03', '2026-04-06']);
    expect(r.calendar.nations).toEqual(['england-and-wales']);
  });
});
