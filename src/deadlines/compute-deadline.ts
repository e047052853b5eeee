import { InputError } from '../errors.js';
import { NATIONS, type Nation } from './bank-holidays-schema.js';
import type { Calendar } from './calendar.js';
import { endOfPeriodBeginningWith } from './end-of-period-beginning-with.js';
import { addWorkingDays, rollToWorkingDay, toSkipped, workingDaysBetween, type Walk } from './add-working-days.js';
import type { DeadlineRule } from './deadline-rule.js';
import type { DeadlineProgress, DeadlineResult } from './deadline-result.js';
import { describeCalendar, describeSkipped, nationsLabel, scopeNations } from './describe-days.js';
import { addDays, addMonthsClamped, daysBetween, formatDayLong, isIsoDate, MONTH_LONG, partsOf, weekdayShort } from './iso-date.js';
import { bundledRules, describeCount, findRule } from './load-rules.js';

/** What `computeDeadline` needs: everything comes in, nothing is read from the clock or disk. */
export interface ComputeDeadlineInput {
  /** Rule id, e.g. `foi`. */
  rule: string;
  /** The DATE the rule counts from, ISO `YYYY-MM-DD`. */
  date: string;
  /** If given (ISO), the result says how far along the deadline is. */
  today?: string;
  /** The council's nation for rules that use it; default England and Wales. */
  nation?: Nation;
  /** The rule set; default the bundled rules (data/deadline-rules.json, read once). */
  rules?: readonly DeadlineRule[];
  calendar: Calendar;
}

interface Outcome {
  due: string;
  walk: Walk;
  steps: string[];
}

function requireIso(value: string, what: string): string {
  if (isIsoDate(value)) return value;
  throw new InputError('DEADLINE_BAD_DATE', `The ${what} "${value}" is not a real date in the form YYYY-MM-DD.`);
}

function countWorkingDays(rule: DeadlineRule, start: string, calendar: Calendar, nations: Nation[]): Outcome {
  const walk = addWorkingDays(calendar, start, rule.amount, nations);
  const steps = [`${rule.subject} ${rule.dateVerb} ${formatDayLong(start)}: that is day 0.`];
  const startInfo = calendar.dayInfo(start, nations);
  if (!startInfo.working) {
    const why = startInfo.weekend
      ? 'a weekend day'
      : toSkipped(startInfo, nations).holidays.map((h) => `${h.title} ${nationsLabel(h.nations, nations)}`).join(' / ');
    steps.push(`${formatDayLong(start)} is not a working day (${why}), but it is still day 0.`);
  }
  steps.push(`Day 1 is ${formatDayLong(walk.day1!)}, the next working day.`);
  steps.push(
    walk.skipped.length > 0
      ? `Weekday non-working days skipped: ${walk.skipped.map((s) => describeSkipped(s, true, nations)).join('; ')}.`
      : 'No bank holidays fall in the period.',
  );
  steps.push(`Day ${rule.amount} is ${formatDayLong(walk.date)}: the due date.`);
  return { due: walk.date, walk, steps };
}

function countCalendarMonths(rule: DeadlineRule, start: string, calendar: Calendar, nations: Nation[]): Outcome {
  // ICO method (and Dodds v Walker [1981]): the same day number, else the month's last day.
  const target = addMonthsClamped(start, rule.amount);
  const months = `${rule.amount} calendar month${rule.amount === 1 ? '' : 's'}`;
  const steps = [`${rule.subject} ${rule.dateVerb} ${formatDayLong(start)}: that is day 1; the time is ${months}.`];
  if (target.clamped) {
    const { month, year } = partsOf(target.date);
    steps.push(
      `There is no ${partsOf(start).day} ${MONTH_LONG[month - 1]} ${year}, so the period ends on the last day of that month, ${formatDayLong(target.date)}.`,
    );
  } else {
    steps.push(`The corresponding date ${months} later is ${formatDayLong(target.date)}.`);
  }
  const walk = rollToWorkingDay(calendar, target.date, nations);
  if (walk.date === target.date) {
    steps.push(`${formatDayLong(target.date)} is a working day, so it is the due date.`);
  } else {
    const passed = [
      ...(walk.weekendDays > 0 ? [`${walk.weekendDays} weekend day${walk.weekendDays === 1 ? '' : 's'}`] : []),
      ...walk.skipped.map((s) => describeSkipped(s, true, nations)),
    ];
    steps.push(
      `${formatDayLong(target.date)} is not a working day, so the due date is the next working day, ${formatDayLong(walk.date)} (passing over ${passed.join('; ')}).`,
    );
  }
  return { due: walk.date, walk, steps };
}

function countPeriodOfMonths(rule: DeadlineRule, date: string, calendar: Calendar): Outcome {
  const start = rule.periodStarts === 'day-after-date' ? addDays(date, 1) : date;
  const steps: string[] = [];
  if (start !== date) {
    steps.push(`The current authorisation ends ${formatDayLong(date)}, so the renewal takes effect on ${formatDayLong(start)}.`);
  } else {
    steps.push(`${rule.subject} ${rule.dateVerb} ${formatDayLong(date)}.`);
  }
  const period = endOfPeriodBeginningWith(start, rule.amount);
  const months = `${rule.amount} month${rule.amount === 1 ? '' : 's'}`;
  if (period.correspondingDate) {
    steps.push(
      `A period of ${months} beginning with ${formatDayLong(start)} (that day counts) ends at the end of the day before the corresponding date ${months} later, ${formatDayLong(period.correspondingDate)}.`,
    );
  } else {
    const { year, month } = partsOf(`${period.targetMonth}-01`);
    steps.push(
      `A period of ${months} beginning with ${formatDayLong(start)} would end the day before ${partsOf(start).day} ${MONTH_LONG[month - 1]} ${year}, which does not exist, so it ends at the end of the last day of that month.`,
    );
  }
  const endInfo = calendar.dayInfo(period.end, NATIONS);
  const kindOfDay = endInfo.weekend
    ? ' (a weekend day: no adjustment)'
    : endInfo.holidays.length > 0
      ? ` (a bank holiday, ${endInfo.holidays.map((h) => `${h.title} ${nationsLabel(h.nations)}`).join(' / ')}: no adjustment)`
      : '';
  steps.push(
    rule.resultIs === 'last-day-of-effect'
      ? `It ceases to have effect at 23:59 on ${formatDayLong(period.end)}${kindOfDay}.`
      : `The period ends at the end of ${formatDayLong(period.end)}${kindOfDay}, so that is the due date.`,
  );
  return { due: period.end, walk: { date: period.end, day1: null, skipped: [], weekendDays: 0, projected: false }, steps };
}

function progressOf(
  rule: DeadlineRule,
  start: string,
  due: string,
  today: string,
  calendar: Calendar,
  nations: Nation[],
): DeadlineProgress {
  const workingDays = rule.method === 'working-days';
  const left = daysBetween(today, due);
  const status = daysBetween(start, today) < 0 ? 'not-started' : left > 0 ? 'running' : left === 0 ? 'due-today' : 'overdue';
  const used = workingDays ? (status === 'not-started' ? 0 : workingDaysBetween(calendar, start, left < 0 ? due : today, nations)) : null;
  return {
    today,
    status,
    calendarDaysLeft: left >= 0 ? left : null,
    calendarDaysLate: left < 0 ? -left : null,
    workingDaysUsed: used,
    workingDaysLeft: workingDays && used !== null ? (left < 0 ? 0 : rule.amount - used) : null,
    workingDaysLate: workingDays && left < 0 ? workingDaysBetween(calendar, due, today, nations) : null,
  };
}

function projectedYears(calendar: Calendar, from: string, to: string, nations: readonly Nation[]): number[] {
  const years: number[] = [];
  for (let y = partsOf(from).year; y <= partsOf(to).year; y++) {
    if (nations.some((n) => calendar.isProjected(n, y))) years.push(y);
  }
  return years;
}

/**
 * Computes a statutory or policy deadline and explains it: due date, day 1, the holidays
 * passed over (with the divisions keeping them), the basis with its citation, notes on clock
 * stops and extensions, and, given `today`, how much time is used, left or overdue.
 * Pure: the calendar and rules are passed in and the clock is never read.
 * Throws an InputError for an unknown rule (listing the valid ones) or a malformed date.
 */
export function computeDeadline(input: ComputeDeadlineInput): DeadlineResult {
  const rule = findRule(input.rules ?? bundledRules(), input.rule);
  const date = requireIso(input.date, 'date');
  const today = input.today === undefined ? undefined : requireIso(input.today, 'today date');
  const nation = input.nation ?? 'england-and-wales';
  const nations = scopeNations(rule.calendar, nation);
  const { calendar } = input;

  const outcome =
    rule.method === 'working-days'
      ? countWorkingDays(rule, date, calendar, nations)
      : rule.method === 'calendar-months'
        ? countCalendarMonths(rule, date, calendar, nations)
        : countPeriodOfMonths(rule, date, calendar);

  const warnings: string[] = [];
  const years = nations.length > 0 ? projectedYears(calendar, date, outcome.due, nations) : [];
  if (years.length > 0) {
    warnings.push(
      `This result relies on projected bank holidays for ${years.join(', ')} (no published gov.uk dates for that period); check it against gov.uk/bank-holidays once the dates are published.`,
    );
  }
  const periodStart = rule.periodStarts === 'day-after-date' ? addDays(date, 1) : date;

  return {
    rule: rule.id,
    ruleName: rule.name,
    subject: rule.subject,
    kind: rule.kind,
    method: rule.method,
    amount: rule.amount,
    counts: describeCount(rule),
    dateIs: rule.dateIs,
    dateVerb: rule.dateVerb,
    date,
    dateWeekday: weekdayShort(date),
    periodStart,
    due: outcome.due,
    dueWeekday: weekdayShort(outcome.due),
    dueText: formatDayLong(outcome.due),
    resultIs: rule.resultIs,
    day1: outcome.walk.day1,
    calendar: { scope: rule.calendar, nations, description: describeCalendar(rule.calendar, nation) },
    skipped: outcome.walk.skipped,
    weekendDaysSkipped: outcome.walk.weekendDays,
    projectedHolidays: years.length > 0,
    basis: rule.basis,
    notes: rule.notes,
    steps: outcome.steps,
    warnings,
    progress: today === undefined ? null : progressOf(rule, periodStart, outcome.due, today, calendar, nations),
  };
}
