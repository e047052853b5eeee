import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONS } from '../../src/deadlines/bank-holidays-schema.js';
import { computeDeadline } from '../../src/deadlines/compute-deadline.js';
import { workingDaysBetween } from '../../src/deadlines/add-working-days.js';
import { addDays, daysInMonth, formatDayLong, fromDayNumber, dayNumber, partsOf, shiftMonth, toIso } from '../../src/deadlines/iso-date.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';
import { bundledRules } from '../../src/deadlines/load-rules.js';
import { parseDateText } from '../../src/deadlines/parse-date-text.js';

const calendar = loadCalendar();
const rules = bundledRules();
const workingDayRules = rules.filter((r) => r.method === 'working-days').map((r) => r.id);
const monthRules = rules.filter((r) => r.method === 'calendar-months').map((r) => r.id);
const ripaRules = rules.filter((r) => r.method === 'months-beginning-with');

// Dates from 2017 to 2030, so that both published and projected years are exercised.
const isoDate = fc.integer({ min: dayNumber('2017-01-01'), max: dayNumber('2030-12-31') }).map(fromDayNumber);
const nation = fc.constantFrom(...NATIONS);
const RUNS = { numRuns: 300 };

describe('properties', () => {
  it('a working-day due date is always a working day, exactly N working days after the DATE', () => {
    fc.assert(
      fc.property(fc.constantFrom(...workingDayRules), isoDate, nation, (rule, date, n) => {
        const r = computeDeadline({ rule, date, nation: n, calendar });
        expect(calendar.dayInfo(r.due, r.calendar.nations).working).toBe(true);
        expect(workingDaysBetween(calendar, date, r.due, r.calendar.nations)).toBe(r.amount);
        expect(calendar.dayInfo(r.day1!, r.calendar.nations).working).toBe(true);
        expect(workingDaysBetween(calendar, date, r.day1!, r.calendar.nations)).toBe(1);
      }),
      RUNS,
    );
  });

  it('a calendar-month due date is a working day on or after the corresponding date, with none in between', () => {
    fc.assert(
      fc.property(fc.constantFrom(...monthRules), isoDate, nation, (rule, date, n) => {
        const r = computeDeadline({ rule, date, nation: n, calendar });
        const { year, month, day } = partsOf(date);
        const target = shiftMonth(year, month, r.amount);
        const corresponding = toIso({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
        expect(calendar.dayInfo(r.due, r.calendar.nations).working).toBe(true);
        expect(r.due >= corresponding).toBe(true);
        expect(workingDaysBetween(calendar, addDays(corresponding, -1), addDays(r.due, -1), r.calendar.nations)).toBe(0);
      }),
      RUNS,
    );
  });

  it('a later DATE never gives an earlier due date, for every rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules.map((r) => r.id)), isoDate, fc.integer({ min: 0, max: 400 }), nation, (rule, date, gap, n) => {
        const earlier = computeDeadline({ rule, date, nation: n, calendar }).due;
        const later = computeDeadline({ rule, date: addDays(date, gap), nation: n, calendar }).due;
        expect(later >= earlier).toBe(true);
      }),
      RUNS,
    );
  });

  it('a RIPA expiry is always the day before the corresponding date (the last day of the month where there is none)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ripaRules), isoDate, (rule, date) => {
        const r = computeDeadline({ rule: rule.id, date, calendar });
        const start = rule.periodStarts === 'day-after-date' ? addDays(date, 1) : date;
        const { year, month, day } = partsOf(start);
        const target = shiftMonth(year, month, rule.amount);
        const dayAfterExpiry = partsOf(addDays(r.due, 1));
        if (day <= daysInMonth(target.year, target.month)) {
          expect(addDays(r.due, 1)).toBe(toIso({ ...target, day }));
        } else {
          const next = shiftMonth(target.year, target.month, 1);
          expect(dayAfterExpiry).toEqual({ ...next, day: 1 });
        }
        expect(r.due > start).toBe(true);
      }),
      RUNS,
    );
  });

  it('dates round-trip through every accepted written form', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const { year, month, day } = partsOf(iso);
        const long = formatDayLong(iso); // e.g. "Mon 21 Dec 2026"
        expect(parseDateText(iso)).toBe(iso);
        expect(parseDateText(`${day}/${month}/${year}`)).toBe(iso);
        expect(parseDateText(long)).toBe(iso);
        expect(parseDateText(long.slice(4))).toBe(iso);
      }),
      RUNS,
    );
  });
});
