import { z } from 'zod';
import { NationSchema } from './bank-holidays-schema.js';
import { CalendarScopeSchema, CountingMethodSchema, RuleBasisSchema, RuleKindSchema } from './deadline-rule.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A weekday holiday passed over, with its name(s) and the divisions that keep it. */
export const SkippedDaySchema = z.object({
  date: IsoDate,
  weekday: z.string(),
  title: z.string(),
  nations: z.array(NationSchema),
  holidays: z.array(z.object({ title: z.string(), nations: z.array(NationSchema) })),
  projected: z.boolean(),
});
export type SkippedDay = z.infer<typeof SkippedDaySchema>;

/** Where things stand on `today`, when a today was given. */
export const DeadlineProgressSchema = z.object({
  today: IsoDate,
  status: z.enum(['not-started', 'running', 'due-today', 'overdue']),
  /** Calendar days from today to the due date (0 on the day; null once past). */
  calendarDaysLeft: z.number().int().nullable(),
  /** Calendar days past the due date (null until then). */
  calendarDaysLate: z.number().int().nullable(),
  /** Working-day rules only: working days used so far (today included). */
  workingDaysUsed: z.number().int().nullable(),
  /** Working-day rules only: working days left after today. */
  workingDaysLeft: z.number().int().nullable(),
  /** Working-day rules only: working days past the due date. */
  workingDaysLate: z.number().int().nullable(),
});
export type DeadlineProgress = z.infer<typeof DeadlineProgressSchema>;

/** The full, explained answer to "when is it due?". */
export const DeadlineResultSchema = z.object({
  rule: z.string(),
  ruleName: z.string(),
  subject: z.string(),
  kind: RuleKindSchema,
  method: CountingMethodSchema,
  amount: z.number().int(),
  /** e.g. "20 working days". */
  counts: z.string(),
  /** What the DATE means for this rule, e.g. "date received". */
  dateIs: z.string(),
  dateVerb: z.string(),
  date: IsoDate,
  dateWeekday: z.string(),
  /** The first day of the period (the day after the DATE for renewals). */
  periodStart: IsoDate,
  due: IsoDate,
  dueWeekday: z.string(),
  /** e.g. "Wed 20 Jan 2027". */
  dueText: z.string(),
  resultIs: z.enum(['due-date', 'last-day-of-effect']),
  /** First working day after the DATE (working-day rules only). */
  day1: IsoDate.nullable(),
  calendar: z.object({
    scope: CalendarScopeSchema,
    nations: z.array(NationSchema),
    description: z.string(),
  }),
  skipped: z.array(SkippedDaySchema),
  weekendDaysSkipped: z.number().int(),
  /** The result depends on holidays projected by a library, not on published gov.uk data. */
  projectedHolidays: z.boolean(),
  basis: RuleBasisSchema,
  notes: z.array(z.string()),
  /** The working, step by step. */
  steps: z.array(z.string()),
  warnings: z.array(z.string()),
  progress: DeadlineProgressSchema.nullable(),
});
export type DeadlineResult = z.infer<typeof DeadlineResultSchema>;
