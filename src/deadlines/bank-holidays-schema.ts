import { z } from 'zod';
import type { Config } from '../config.js';
import { isIsoDate } from './iso-date.js';

/** The three bank-holiday divisions of the United Kingdom, as gov.uk names them. */
export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

/** A UK bank-holiday division; the same values as `COUNCIL_NATION` in config. */
export const NationSchema = z.enum(NATIONS);
export type Nation = z.infer<typeof NationSchema>;

// Compile-time check that config's COUNCIL_NATION and Nation stay the same set.
const sameNations: [Nation, Config['COUNCIL_NATION']] extends [Config['COUNCIL_NATION'], Nation] ? true : never = true;
void sameNations;

/** Short labels used in explanations, e.g. `[E&W+Scot+NI]`. */
export const NATION_LABEL: Record<Nation, string> = {
  'england-and-wales': 'E&W',
  scotland: 'Scot',
  'northern-ireland': 'NI',
};

/** Human names of the divisions. */
export const NATION_NAME: Record<Nation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

const IsoDateSchema = z.string().refine(isIsoDate, { message: 'must be a real date as YYYY-MM-DD' });

/** One event in gov.uk's `bank-holidays.json`. */
export const BankHolidayEventSchema = z.object({
  title: z.string().min(1),
  date: IsoDateSchema,
  notes: z.string().default(''),
  bunting: z.boolean().default(true),
});
export type BankHolidayEvent = z.infer<typeof BankHolidayEventSchema>;

const DivisionSchema = z.object({
  division: NationSchema,
  events: z.array(BankHolidayEventSchema).min(1),
});

/**
 * The layout of https://www.gov.uk/bank-holidays.json: one object per division, each naming
 * itself and listing its events. Checked: the division names match their keys, and no date
 * appears twice within a division.
 */
export const BankHolidaysFileSchema = z
  .object({
    'england-and-wales': DivisionSchema,
    scotland: DivisionSchema,
    'northern-ireland': DivisionSchema,
  })
  .superRefine((file, ctx) => {
    for (const nation of NATIONS) {
      const division = file[nation];
      if (division.division !== nation) {
        ctx.addIssue({ code: 'custom', path: [nation, 'division'], message: `should be "${nation}"` });
      }
      const seen = new Set<string>();
      division.events.forEach((event, i) => {
        if (seen.has(event.date)) {
          ctx.addIssue({ code: 'custom', path: [nation, 'events', i, 'date'], message: `duplicate date ${event.date}` });
        }
        seen.add(event.date);
      });
    }
  });
export type BankHolidaysFile = z.infer<typeof BankHolidaysFileSchema>;

/** One line per problem, for error messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
