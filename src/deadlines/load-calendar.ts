import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { BankHolidaysFileSchema, describeIssues } from './bank-holidays-schema.js';
import { Calendar } from './calendar.js';
import type { HolidayProjector } from './project-holidays.js';

/** The bundled gov.uk-layout calendar, `data/bank-holidays.json` at the repository root. */
export const DEFAULT_CALENDAR_PATH = fileURLToPath(new URL('../../data/bank-holidays.json', import.meta.url));

/**
 * Reads a calendar file in gov.uk's `bank-holidays.json` layout and validates it.
 * Throws an AppError (`DEADLINE_CALENDAR_INVALID`) naming the file when it is missing or malformed.
 */
export function loadCalendar(path: string = DEFAULT_CALENDAR_PATH, projector?: HolidayProjector): Calendar {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('DEADLINE_CALENDAR_INVALID', `The bank-holiday calendar ${path} could not be read as JSON.`, { cause });
  }
  const parsed = BankHolidaysFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'DEADLINE_CALENDAR_INVALID',
      `The bank-holiday calendar ${path} is not in gov.uk's bank-holidays.json layout (${describeIssues(parsed.error)}).`,
    );
  }
  return new Calendar(parsed.data, projector);
}
