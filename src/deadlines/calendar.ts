import { NATIONS, type BankHolidaysFile, type Nation } from './bank-holidays-schema.js';
import { addDays, easterSunday, isWeekend, partsOf } from './iso-date.js';
import { projectHolidays, type HolidayProjector } from './project-holidays.js';

/** Where a holiday came from. */
export type HolidaySource = 'bank-holidays-data' | 'projected' | 'always-non-working';

/** A named holiday on one date and the divisions that keep it under that name. */
export interface HolidayEntry {
  title: string;
  nations: Nation[];
  source: HolidaySource;
}

/** Everything the counting code needs to know about one day. */
export interface DayInfo {
  date: string;
  weekend: boolean;
  /** Holidays on this date kept in at least one of the divisions asked about. */
  holidays: HolidayEntry[];
  /** Not a weekend and not a holiday in any of the divisions asked about. */
  working: boolean;
  /** Some division asked about has no published data for this year, so its holidays are projected. */
  projected: boolean;
}

interface NationYear {
  titles: Map<string, string>;
  source: HolidaySource;
}

/** The display title of a gov.uk event: its title, plus "(substitute day)" when the notes say so. */
function eventTitle(title: string, notes: string): string {
  return /substitute/i.test(notes) && !/substitute/i.test(title) ? `${title} (substitute day)` : title;
}

/**
 * The UK bank-holiday calendar: gov.uk's published data for the years it covers, projected
 * holidays (from `date-holidays`) outside them, and Christmas Day and Good Friday always, since
 * the statutes name them as non-working days whether or not a data file lists them.
 */
export class Calendar {
  private readonly data = new Map<Nation, Map<number, Map<string, string>>>();
  private readonly cache = new Map<string, NationYear>();

  constructor(
    file: BankHolidaysFile,
    private readonly projector: HolidayProjector = projectHolidays,
  ) {
    for (const nation of NATIONS) {
      const years = new Map<number, Map<string, string>>();
      for (const event of file[nation].events) {
        const year = partsOf(event.date).year;
        const titles = years.get(year) ?? new Map<string, string>();
        titles.set(event.date, eventTitle(event.title, event.notes));
        years.set(year, titles);
      }
      this.data.set(nation, years);
    }
  }

  /** The first and last year of published data for each division. */
  coverage(): { nation: Nation; firstYear: number; lastYear: number }[] {
    return NATIONS.map((nation) => {
      const years = [...this.data.get(nation)!.keys()];
      return { nation, firstYear: Math.min(...years), lastYear: Math.max(...years) };
    });
  }

  /** Whether a division's holidays for a year are projected rather than published. */
  isProjected(nation: Nation, year: number): boolean {
    return !this.data.get(nation)!.has(year);
  }

  /** All holidays of a division in a year, by date. */
  holidaysOf(nation: Nation, year: number): ReadonlyMap<string, string> {
    return this.nationYear(nation, year).titles;
  }

  /** What kind of day `iso` is for the given divisions (a day is non-working if it is a holiday in any). */
  dayInfo(iso: string, nations: readonly Nation[]): DayInfo {
    const year = partsOf(iso).year;
    const groups = new Map<string, HolidayEntry>();
    for (const nation of NATIONS) {
      const ny = this.nationYear(nation, year);
      const title = ny.titles.get(iso);
      if (title === undefined) continue;
      const source = ny.source === 'projected' ? 'projected' : this.sourceOf(nation, year, iso);
      const group = groups.get(title) ?? { title, nations: [], source };
      group.nations.push(nation);
      groups.set(title, group);
    }
    const holidays = [...groups.values()].filter((g) => g.nations.some((n) => nations.includes(n)));
    const weekend = isWeekend(iso);
    return {
      date: iso,
      weekend,
      holidays,
      working: !weekend && holidays.length === 0,
      projected: nations.some((n) => this.isProjected(n, year)),
    };
  }

  private sourceOf(nation: Nation, year: number, iso: string): HolidaySource {
    return this.data.get(nation)!.get(year)?.has(iso) ? 'bank-holidays-data' : 'always-non-working';
  }

  private nationYear(nation: Nation, year: number): NationYear {
    const key = `${nation}:${year}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const published = this.data.get(nation)!.get(year);
    const titles = new Map<string, string>();
    let source: HolidaySource = 'bank-holidays-data';
    if (published) {
      for (const [date, title] of published) titles.set(date, title);
    } else {
      source = 'projected';
      for (const h of this.projector(nation, year)) titles.set(h.date, h.title);
    }
    // FOIA s.10(6) and the Banking and Financial Dealings Act 1971 leave Christmas Day and Good
    // Friday out of the schedule because they are common-law holidays: add them if missing.
    const christmas = `${String(year).padStart(4, '0')}-12-25`;
    const goodFriday = addDays(easterSunday(year), -2);
    if (!titles.has(christmas)) titles.set(christmas, 'Christmas Day');
    if (!titles.has(goodFriday)) titles.set(goodFriday, 'Good Friday');
    const entry = { titles, source };
    this.cache.set(key, entry);
    return entry;
  }
}
