import { addDays, daysInMonth, isRealDate, partsOf, shiftMonth, toIso } from './iso-date.js';

/** The end of a period of months, with the corresponding date it was measured against. */
export interface PeriodEnd {
  /** The last day of the period (the period ends at the end of this day). */
  end: string;
  /** The corresponding date N months after the start, or null where that month has no such day. */
  correspondingDate: string | null;
  /** The month the corresponding date falls in, as `YYYY-MM`. */
  targetMonth: string;
}

/**
 * The last day of a period of `months` months beginning with (and including) `start`: the day
 * before the corresponding date `months` later; where the target month has no such day (a period
 * beginning 30 November), the last day of the target month. So 1 June + 3 months ends 31 August,
 * and 30 November + 3 months ends 28 (or 29) February. RIPA s.43(3): "the period of three months
 * beginning with the day on which it took effect"; Zoan v Rouamba [2000] for "beginning with".
 */
export function endOfPeriodBeginningWith(start: string, months: number): PeriodEnd {
  const { year, month, day } = partsOf(start);
  const target = shiftMonth(year, month, months);
  const targetMonth = `${target.year}-${String(target.month).padStart(2, '0')}`;
  const candidate = { ...target, day };
  if (isRealDate(candidate)) {
    const correspondingDate = toIso(candidate);
    return { end: addDays(correspondingDate, -1), correspondingDate, targetMonth };
  }
  return { end: toIso({ ...target, day: daysInMonth(target.year, target.month) }), correspondingDate: null, targetMonth };
}
