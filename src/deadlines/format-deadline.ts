import type { DeadlineProgress, DeadlineResult } from './deadline-result.js';
import { nationsLabel } from './describe-days.js';
import { formatDayLong, formatDayShort } from './iso-date.js';

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** One sentence on where a deadline stands today. */
export function describeProgress(result: DeadlineResult, progress: DeadlineProgress): string {
  const on = `Today (${formatDayLong(progress.today)})`;
  const lapses = result.resultIs === 'last-day-of-effect';
  switch (progress.status) {
    case 'not-started':
      return `${on} is before the ${result.dateIs}; the clock has not started.`;
    case 'due-today':
      return lapses ? `${on} is the last day it has effect.` : `${on} is the due date.`;
    case 'running':
      if (progress.workingDaysUsed !== null && progress.workingDaysLeft !== null) {
        return `${on}: ${plural(progress.workingDaysUsed, 'working day')} used, ${plural(progress.workingDaysLeft, 'working day')} left (${plural(progress.calendarDaysLeft ?? 0, 'calendar day')}).`;
      }
      return `${on}: ${plural(progress.calendarDaysLeft ?? 0, 'calendar day')} left${lapses ? ' before it ceases to have effect' : ''}.`;
    case 'overdue': {
      const late = progress.calendarDaysLate ?? 0;
      if (lapses) return `${on}: it ceased to have effect ${plural(late, 'day')} ago.`;
      const working = progress.workingDaysLate !== null ? `${plural(progress.workingDaysLate, 'working day')} (${plural(late, 'calendar day')})` : plural(late, 'calendar day');
      return `${on}: ${working} late.`;
    }
  }
}

function skippedList(result: DeadlineResult): string {
  return result.skipped
    .map((s) => {
      const names = s.holidays
        .map((h) => (h.nations.length < result.calendar.nations.length ? `${h.title} ${nationsLabel(h.nations, result.calendar.nations)}` : h.title))
        .join(' / ');
      return `${formatDayShort(s.date)} ${names}`;
    })
    .join(', ');
}

/** The start date in words; "today (Tue 1 Dec 2026)" when it is today, so an assumed date is said aloud. */
function startDay(result: DeadlineResult): string {
  const day = formatDayLong(result.date);
  return result.progress?.today === result.date ? `today (${day})` : day;
}

/**
 * A short human answer in plain text (each front end adds its own emphasis), e.g. "FOI request received
 * Mon 21 Dec 2026: due Fri 22 Jan 2027 (20 working days, FOIA s.10(1)). Skipped: Fri 25 Dec Christmas Day, …".
 */
export function formatDeadline(result: DeadlineResult): string {
  const when = startDay(result);
  const lead =
    result.periodStart !== result.date
      ? `${result.subject} (current authorisation ends ${when})`
      : `${result.subject} ${result.dateVerb} ${when}`;
  const verdict =
    result.resultIs === 'last-day-of-effect'
      ? `ceases to have effect at the end of ${result.dueText}`
      : `due ${result.dueText}`;
  const parts = [`${lead}: ${verdict} (${result.counts.replace(/ \(period beginning with the day\)$/, '')}, ${result.basis.citation}).`];
  if (result.skipped.length > 0) parts.push(`Skipped: ${skippedList(result)}.`);
  if (result.progress) parts.push(describeProgress(result, result.progress));
  if (result.projectedHolidays) parts.push('This relies on projected bank holidays.');
  return parts.join(' ');
}

function basisLines(result: DeadlineResult): string[] {
  const b = result.basis;
  const lines = [`Basis: ${b.text}`];
  if (b.document) {
    const where = [b.paragraph ? `para ${b.paragraph}` : null, b.page ? `page ${b.page}` : null].filter(Boolean).join(', ');
    lines.push(`  Source: ${b.council ? `${b.council}, ` : ''}${b.document}${where ? ` (${where})` : ''}${b.source ? ` [${b.source}]` : ''}`);
  }
  if (b.quote) lines.push(`  Quote: "${b.quote}${b.quoteContinued ? ` ${b.quoteContinued}` : ''}"`);
  if (b.url) lines.push(`  ${b.url}`);
  return lines;
}

/** The full readable explanation printed by the CLI (plain text, the headline once): result, working, basis, notes, warnings. */
export function explainDeadline(result: DeadlineResult): string {
  const head =
    result.resultIs === 'last-day-of-effect'
      ? `${result.subject}: ceases to have effect at 23:59 on ${result.dueText} (${result.due})`
      : `${result.subject} ${result.dateVerb} ${startDay(result)}: due ${result.dueText} (${result.due})`;
  const lines = [
    head,
    `Rule: ${result.rule}, ${result.ruleName} (${result.kind}); DATE is the ${result.dateIs}.`,
    `Counting: ${result.counts}. ${result.calendar.description}`,
  ];
  if (result.day1) lines.push(`Day 1: ${formatDayLong(result.day1)}`);
  if (result.skipped.length > 0) {
    lines.push('Non-working weekdays skipped:');
    for (const s of result.skipped) {
      const names = s.holidays.map((h) => `${h.title} ${nationsLabel(h.nations, result.calendar.nations)}`).join(' / ');
      lines.push(`  - ${formatDayLong(s.date)}: ${names}${s.projected ? ' (projected)' : ''}`);
    }
  }
  lines.push('Working:', ...result.steps.map((s, i) => `  ${i + 1}. ${s}`));
  lines.push(...basisLines(result));
  if (result.notes.length > 0) lines.push('Notes (clock stops and extensions):', ...result.notes.map((n) => `  - ${n}`));
  for (const w of result.warnings) lines.push(`Warning: ${w}`);
  if (result.progress) lines.push(describeProgress(result, result.progress));
  return lines.join('\n');
}
