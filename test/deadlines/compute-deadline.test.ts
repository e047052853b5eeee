import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { BankHolidaysFile } from '../../src/deadlines/bank-holidays-schema.js';
import { Calendar } from '../../src/deadlines/calendar.js';
import { computeDeadline } from '../../src/deadlines/compute-deadline.js';
import { DeadlineResultSchema } from '../../src/deadlines/deadline-result.js';
import { explainDeadline, formatDeadline } from '../../src/deadlines/format-deadline.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';

const calendar = loadCalendar();

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('computeDeadline', () => {
  it('returns a result that satisfies its zod schema, with basis and notes', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-12-21', calendar });
    expect(DeadlineResultSchema.parse(r)).toEqual(r);
    expect(r.basis.text).toContain('Freedom of Information Act 2000, s.10(1)');
    expect(r.notes.join(' ')).toMatch(/fees notice/);
    expect(r.progress).toBeNull();
  });

  it('rejects an unknown rule with one sentence listing the valid ones', () => {
    const e = thrown(() => computeDeadline({ rule: 'fio', date: '2026-12-21', calendar }));
    expect(e.code).toBe('DEADLINE_UNKNOWN_RULE');
    expect(e.userMessage).toMatch(/^There is no deadline rule called "fio"; the valid rules are: foi, foi-pit-extension, .*ripa-register-copy\.$/);
  });

  it('rejects a date that is not ISO or not real', () => {
    expect(thrown(() => computeDeadline({ rule: 'foi', date: '2026-02-31', calendar })).code).toBe('DEADLINE_BAD_DATE');
    expect(thrown(() => computeDeadline({ rule: 'foi', date: '21/12/2026', calendar })).code).toBe('DEADLINE_BAD_DATE');
  });

  it('with today: working days used and left', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-12-21', today: '2027-01-12', calendar });
    expect(r.progress).toMatchObject({ status: 'running', workingDaysUsed: 12, workingDaysLeft: 8, calendarDaysLeft: 10 });
  });

  it('with today: how late it is', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-12-21', today: '2027-01-26', calendar });
    expect(r.progress).toMatchObject({ status: 'overdue', workingDaysLate: 2, calendarDaysLate: 4, workingDaysLeft: 0 });
    expect(formatDeadline(r)).toContain('2 working days (4 calendar days) late');
  });

  it('with today: due today, and before the clock starts', () => {
    expect(computeDeadline({ rule: 'foi', date: '2026-12-21', today: '2027-01-22', calendar }).progress?.status).toBe('due-today');
    expect(computeDeadline({ rule: 'foi', date: '2026-12-21', today: '2026-12-01', calendar }).progress).toMatchObject({
      status: 'not-started',
      workingDaysUsed: 0,
      workingDaysLeft: 20,
    });
  });

  it('with today on a RIPA authorisation: days left, or expired', () => {
    const running = computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-06-01', today: '2026-08-21', calendar });
    expect(running.progress).toMatchObject({ status: 'running', calendarDaysLeft: 10, workingDaysUsed: null });
    const expired = computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-06-01', today: '2026-09-03', calendar });
    expect(formatDeadline(expired)).toContain('it ceased to have effect 3 days ago');
  });

  it('falls back to projected holidays outside the data, and says so', () => {
    const r = computeDeadline({ rule: 'foi', date: '2028-12-18', calendar });
    // 2028: Christmas Mon 25, Boxing Tue 26; 2029: New Year Mon 1 Jan, Scotland 2 January Tue.
    expect(r.due).toBe('2029-01-19');
    expect(r.projectedHolidays).toBe(true);
    expect(r.skipped.every((s) => s.projected)).toBe(true);
    expect(r.warnings[0]).toMatch(/projected bank holidays for 2028, 2029/);
    expect(formatDeadline(r)).toContain('projected');
  });

  it('does not flag published years as projected', () => {
    expect(computeDeadline({ rule: 'foi', date: '2026-12-21', calendar }).warnings).toEqual([]);
  });

  it('treats Christmas Day and Good Friday as non-working even when the data leaves them out', () => {
    const bare = (division: 'england-and-wales' | 'scotland' | 'northern-ireland') => ({
      division,
      events: [{ title: 'Summer bank holiday', date: '2026-08-31', notes: '', bunting: true }],
    });
    const file: BankHolidaysFile = { 'england-and-wales': bare('england-and-wales'), scotland: bare('scotland'), 'northern-ireland': bare('northern-ireland') };
    const thin = new Calendar(file, () => []);
    const christmas = computeDeadline({ rule: 'complaint-ack', date: '2026-12-23', calendar: thin });
    expect(christmas.skipped.map((s) => s.title)).toEqual(['Christmas Day']);
    expect(christmas.due).toBe('2026-12-29'); // 24 = 1, skip 25, 28 = 2, 29 = 3 (no Boxing sub in this data)
    const easter = computeDeadline({ rule: 'complaint-ack', date: '2026-04-02', calendar: thin });
    expect(easter.skipped.map((s) => s.title)).toEqual(['Good Friday']);
  });

  it('formats a short answer with the citation and the skipped days', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-12-21', calendar });
    expect(formatDeadline(r)).toBe(
      'FOI request received Mon 21 Dec 2026: due Fri 22 Jan 2027 (20 working days, FOIA s.10(1)). ' +
        "Skipped: Fri 25 Dec Christmas Day, Mon 28 Dec Boxing Day (substitute day), Fri 1 Jan New Year's Day, Mon 4 Jan January 2nd (substitute day) [Scot only].",
    );
  });

  it('formats RIPA results as the last day of effect', () => {
    const r = computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-06-01', calendar });
    expect(formatDeadline(r)).toBe(
      'Directed surveillance authorisation took effect Mon 1 Jun 2026: ceases to have effect at the end of Mon 31 Aug 2026 (3 months, RIPA 2000 s.43(3)(c)).',
    );
  });

  it('explains in full: day 1, skipped days, working, basis with its corpus quote, notes', () => {
    const text = explainDeadline(computeDeadline({ rule: 'complaint-complex', date: '2026-01-05', calendar }));
    expect(text).toContain('Day 1: Tue 6 Jan 2026');
    expect(text).toContain('Fri 3 Apr 2026: Good Friday [E&W]');
    expect(text).toContain('Quote: "For more complex cases it will be a maximum of 65 working days."');
    expect(text).toContain('Kent County Council, Customer Feedback Policy');
    expect(text).toContain('Notes (clock stops and extensions):');
  });
});
