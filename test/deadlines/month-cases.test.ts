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

// Calendar months (SAR): corresponding date, else last day of that month,
// then the next working day of the council's nation. Hand-checked against the calendar.
const CALENDAR_MONTH_CASES: Case[] = [
  { rule: 'sar', date: '2025-01-31', due: '2025-02-28', why: 'no 31 Feb: last day, a Friday' },
  { rule: 'sar', date: '2024-01-31', due: '2024-02-29', why: 'leap year: 29 Feb 2024, a Thursday' },
  { rule: 'sar', date: '2026-01-31', due: '2026-03-02', why: '28 Feb 2026 is a Saturday -> Mon 2 Mar' },
  { rule: 'sar', date: '2027-01-31', due: '2027-03-01', why: '28 Feb 2027 is a Sunday -> Mon 1 Mar' },
  { rule: 'sar', date: '2024-11-25', due: '2024-12-27', why: 'ICO example: 25 Dec -> skip 25, 26 -> Fri 27 Dec' },
  { rule: 'sar', date: '2026-11-26', due: '2026-12-29', why: 'Sat 26 Dec, Sun, Mon 28 (Boxing sub) -> Tue 29' },
  { rule: 'sar', date: '2026-03-03', due: '2026-04-07', why: 'Good Friday 3 Apr, weekend, Easter Monday -> Tue 7 Apr' },
  { rule: 'sar', date: '2026-03-03', due: '2026-04-06', nation: 'scotland', why: 'Scotland: Easter Monday is a working day' },
  { rule: 'sar', date: '2026-07-03', due: '2026-08-03', why: 'E&W: Mon 3 Aug is a working day' },
  { rule: 'sar', date: '2026-07-03', due: '2026-08-04', nation: 'scotland', why: 'Scotland: 3 Aug is the summer bank holiday' },
  { rule: 'sar', date: '2026-06-12', due: '2026-07-13', why: 'E&W: Sun 12 Jul -> Mon 13 Jul' },
  { rule: 'sar', date: '2026-06-12', due: '2026-07-14', nation: 'northern-ireland', why: 'NI: Mon 13 Jul is the Boyne sub' },
  { rule: 'sar', date: '2025-08-30', due: '2025-09-30', why: 'Saturday receipt, Tuesday due' },
  { rule: 'sar', date: '2025-10-31', due: '2025-12-01', why: 'no 31 Nov: Sun 30 Nov -> Mon 1 Dec (E&W)' },
  { rule: 'sar', date: '2025-10-31', due: '2025-12-02', nation: 'scotland', why: 'Scotland: Mon 1 Dec 2025 is St Andrew’s sub' },
  { rule: 'sar', date: '2020-04-08', due: '2020-05-11', why: 'Fri 8 May 2020 is the moved VE-day holiday' },
  { rule: 'sar', date: '2022-05-02', due: '2022-06-06', why: 'Thu 2 Jun and Fri 3 Jun 2022 holidays, weekend -> Mon 6 Jun' },
  { rule: 'sar-extended', date: '2025-11-30', due: '2026-03-02', why: 'no 30 Feb: Sat 28 Feb 2026 -> Mon 2 Mar' },
  { rule: 'sar-extended', date: '2023-11-29', due: '2024-02-29', why: 'leap day exists' },
];

// RIPA: a period of N months beginning with the day ends at the end of the day before the
// corresponding date (the last day of the month where there is none). No adjustment.
const RIPA_CASES: Case[] = [
  { rule: 'ripa-directed-surveillance', date: '2026-06-01', due: '2026-08-31', why: 'day before 1 Sep (a bank holiday: no adjustment)' },
  { rule: 'ripa-directed-surveillance', date: '2026-11-30', due: '2027-02-28', why: 'no 30 Feb 2027: last day of Feb (a Sunday)' },
  { rule: 'ripa-directed-surveillance', date: '2027-11-30', due: '2028-02-29', why: 'no 30 Feb 2028: 29 Feb, leap year' },
  { rule: 'ripa-directed-surveillance', date: '2026-11-29', due: '2027-02-28', why: 'no 29 Feb 2027: last day of Feb' },
  { rule: 'ripa-directed-surveillance', date: '2026-08-31', due: '2026-11-30', why: 'no 31 Nov: last day of Nov' },
  { rule: 'ripa-directed-surveillance', date: '2026-05-31', due: '2026-08-30', why: 'day before 31 Aug' },
  { rule: 'ripa-directed-surveillance', date: '2026-02-12', due: '2026-05-11', why: 'Home Office pattern: 12 Feb -> 11 May' },
  { rule: 'ripa-directed-surveillance', date: '2026-12-01', due: '2027-02-28', why: 'day before 1 Mar 2027' },
  { rule: 'ripa-directed-surveillance', date: '2027-12-01', due: '2028-02-29', why: 'day before 1 Mar 2028 (leap)' },
  { rule: 'ripa-directed-surveillance', date: '2026-03-01', due: '2026-05-31', why: 'day before 1 Jun' },
  { rule: 'ripa-chis', date: '2026-06-01', due: '2027-05-31', why: 'twelve months: day before 1 Jun 2027' },
  { rule: 'ripa-chis', date: '2028-02-29', due: '2029-02-28', why: 'no 29 Feb 2029: last day of Feb' },
  { rule: 'ripa-chis', date: '2027-03-01', due: '2028-02-29', why: 'day before 1 Mar 2028' },
  { rule: 'ripa-chis', date: '2026-01-15', due: '2027-01-14', why: 'day before 15 Jan 2027' },
  { rule: 'ripa-juvenile-chis', date: '2026-06-01', due: '2026-09-30', why: 'four months: day before 1 Oct' },
  { rule: 'ripa-juvenile-chis', date: '2026-10-31', due: '2027-02-28', why: 'no 31 Feb: last day of Feb' },
  { rule: 'ripa-juvenile-chis', date: '2026-01-31', due: '2026-05-30', why: 'day before 31 May' },
  { rule: 'ripa-directed-surveillance-renewal', date: '2026-08-31', due: '2026-11-30', why: 'renewal from 1 Sep: day before 1 Dec' },
  { rule: 'ripa-directed-surveillance-renewal', date: '2027-02-28', due: '2027-05-31', why: 'renewal from 1 Mar: day before 1 Jun' },
  { rule: 'ripa-directed-surveillance-renewal', date: '2026-11-30', due: '2027-02-28', why: 'renewal from 1 Dec: day before 1 Mar' },
  { rule: 'ripa-chis-renewal', date: '2027-05-31', due: '2028-05-31', why: 'renewal from 1 Jun 2027: day before 1 Jun 2028' },
  { rule: 'ripa-chis-renewal', date: '2028-02-28', due: '2029-02-28', why: 'renewal from 29 Feb 2028: no 29 Feb 2029' },
];

describe('calendar-month rules, hand-verified', () => {
  it.each(CALENDAR_MONTH_CASES)('$rule $date ($nation) -> $due: $why', ({ rule, date, due, nation }) => {
    expect(computeDeadline({ rule, date, nation, calendar }).due).toBe(due);
  });
});

describe('RIPA periods, hand-verified', () => {
  it.each(RIPA_CASES)('$rule $date -> $due: $why', ({ rule, date, due }) => {
    const r = computeDeadline({ rule, date, calendar });
    expect(r.due).toBe(due);
    expect(r.resultIs).toBe('last-day-of-effect');
    expect(r.skipped).toEqual([]);
  });

  it('ignores the council nation (calendar days only)', () => {
    for (const nation of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      expect(computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-06-01', nation, calendar }).due).toBe('2026-08-31');
    }
  });

  it('explains a renewal: it starts the day after the current authorisation ends', () => {
    const r = computeDeadline({ rule: 'ripa-directed-surveillance-renewal', date: '2026-08-31', calendar });
    expect(r.periodStart).toBe('2026-09-01');
    expect(r.steps[0]).toBe('The current authorisation ends Mon 31 Aug 2026, so the renewal takes effect on Tue 1 Sep 2026.');
  });

  it('explains a month with no corresponding date', () => {
    const r = computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-11-30', calendar });
    expect(r.steps.join(' ')).toContain('30 February 2027, which does not exist');
  });
});

// Adult social care complaints: "six months beginning on the day on which the complaint was received"
// (2009 Regulations, reg 14(2)) ends, like a RIPA period, the day before the corresponding date; no adjustment.
const ASC_CASES: Case[] = [
  { rule: 'asc-complaint-response', date: '2026-03-03', due: '2026-09-02', why: 'the day before the corresponding date, Thu 3 Sep' },
  { rule: 'asc-complaint-response', date: '2026-06-25', due: '2026-12-24', why: 'the day before Fri 25 Dec' },
  { rule: 'asc-complaint-response', date: '2026-08-31', due: '2027-02-28', why: 'no 31 Feb: the last day of Feb (a Sunday: no adjustment)' },
];

describe('the adult social care complaint response period, hand-verified', () => {
  it.each(ASC_CASES)('$rule $date -> $due: $why', ({ rule, date, due }) => {
    expect(computeDeadline({ rule, date, calendar }).due).toBe(due);
  });
});
