import { z } from 'zod';

/**
 * How a rule counts:
 * - `working-days`: the DATE is day 0; the due date is the Nth working day after it.
 * - `calendar-months`: the corresponding date N months later (the last day of the month if there
 *   is none), moved to the next working day if it is not one (ICO method for subject access).
 * - `months-beginning-with`: a period of N months beginning with (and including) the start day
 *   ends at the end of the day before the corresponding date N months later; where that date does
 *   not exist, at the end of the last day of that month; no working-day adjustment (RIPA s.43(3);
 *   the adult social care complaint response period, reg 14(2) of the 2009 Regulations).
 */
export const CountingMethodSchema = z.enum(['working-days', 'calendar-months', 'months-beginning-with']);
export type CountingMethod = z.infer<typeof CountingMethodSchema>;

/**
 * Which days are non-working:
 * - `uk-any`: weekends, Christmas Day, Good Friday and bank holidays in any part of the UK (FOIA s.10(6)).
 * - `council`: weekends and the bank holidays of the council's own nation.
 * - `none`: no adjustment at all (RIPA periods run on calendar days).
 */
export const CalendarScopeSchema = z.enum(['uk-any', 'council', 'none']);
export type CalendarScope = z.infer<typeof CalendarScopeSchema>;

/** Statutory rules are fixed by law; local-policy rules may be changed per council. */
export const RuleKindSchema = z.enum(['statutory', 'local-policy']);
export type RuleKind = z.infer<typeof RuleKindSchema>;

/**
 * The legal or policy basis of a rule. `citation` is the short form shown in answers; `text` the
 * full statement. Rules resting on a council document also carry a quote copied verbatim from the
 * corpus file `source` (and `quoteContinued` when the text runs over a page break).
 */
export const RuleBasisSchema = z
  .object({
    citation: z.string().min(1),
    text: z.string().min(1),
    url: z.string().url().optional(),
    source: z.string().optional(),
    quote: z.string().optional(),
    quoteContinued: z.string().optional(),
    council: z.string().optional(),
    document: z.string().optional(),
    paragraph: z.string().optional(),
    page: z.string().optional(),
  })
  .strict()
  .refine((b) => (b.source === undefined) === (b.quote === undefined), {
    message: 'source and quote go together',
  });
export type RuleBasis = z.infer<typeof RuleBasisSchema>;

/** One deadline rule, as stored in `data/deadline-rules.json`. */
export const DeadlineRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    name: z.string().min(1),
    /** What the thing is, for "FOI request received Mon 21 Dec 2026". */
    subject: z.string().min(1),
    kind: RuleKindSchema,
    /** What the DATE means, e.g. "date received". */
    dateIs: z.string().min(1),
    /** The verb for the DATE in sentences, e.g. "received", "took effect". */
    dateVerb: z.string().min(1),
    method: CountingMethodSchema,
    amount: z.number().int().positive().max(1000),
    /** For renewals: the period begins the day after the DATE. */
    periodStarts: z.enum(['on-date', 'day-after-date']).default('on-date'),
    calendar: CalendarScopeSchema,
    /** What the result is: a date by which to act, or the last day something has effect. */
    resultIs: z.enum(['due-date', 'last-day-of-effect']).default('due-date'),
    basis: RuleBasisSchema,
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const needsCalendar = rule.method !== 'months-beginning-with';
    if (needsCalendar === (rule.calendar === 'none')) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar'],
        message: needsCalendar ? `${rule.method} needs a calendar` : 'months-beginning-with takes calendar "none"',
      });
    }
    if (rule.kind === 'local-policy' && rule.basis.source === undefined && !/not (found )?in the corpus/i.test(rule.basis.text)) {
      ctx.addIssue({
        code: 'custom',
        path: ['basis'],
        message: 'a local-policy rule quotes its policy (source + quote) or says the figure is not in the corpus',
      });
    }
  });
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/** The rules file: a version and a list of rules with unique ids. */
export const RulesFileSchema = z
  .object({ version: z.literal(1), rules: z.array(DeadlineRuleSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate id ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type RulesFile = z.infer<typeof RulesFileSchema>;

/**
 * A council's changes to local-policy rules: a new amount, basis, name or notes. Method and
 * calendar cannot be changed, and statutory rules cannot be overridden at all.
 */
export const RuleOverridesSchema = z
  .object({
    council: z.string().min(1).optional(),
    rules: z.record(
      z.string(),
      z
        .object({
          amount: z.number().int().positive().max(1000).optional(),
          basis: RuleBasisSchema.optional(),
          name: z.string().min(1).optional(),
          notes: z.array(z.string().min(1)).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type RuleOverrides = z.infer<typeof RuleOverridesSchema>;
