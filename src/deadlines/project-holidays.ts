import Holidays from 'date-holidays';
import type { Nation } from './bank-holidays-schema.js';

/** A projected holiday: a date and its name. */
export interface ProjectedHoliday {
  date: string;
  title: string;
}

/** Supplies holidays for a division and year that the bundled calendar does not cover. */
export type HolidayProjector = (nation: Nation, year: number) => readonly ProjectedHoliday[];

// date-holidays regions for each division; England and Wales are two regions with one list.
const REGIONS: Record<Nation, readonly string[]> = {
  'england-and-wales': ['ENG', 'WLS'],
  scotland: ['SCT'],
  'northern-ireland': ['NIR'],
};

const cache = new Map<string, readonly ProjectedHoliday[]>();

/**
 * Bank holidays projected by the `date-holidays` library (regions GB-ENG/GB-WLS, GB-SCT,
 * GB-NIR) for years outside the bundled gov.uk data. These follow the usual pattern and
 * miss one-off days announced later, so results that use them are flagged as projected.
 */
export const projectHolidays: HolidayProjector = (nation, year) => {
  const key = `${nation}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const byDate = new Map<string, string>();
  for (const region of REGIONS[nation]) {
    for (const h of new Holidays('GB', region).getHolidays(year)) {
      // 'public' and 'bank' are days off; 'observance' (Mother's Day, Easter Sunday) is not.
      if (h.type !== 'public' && h.type !== 'bank') continue;
      const date = h.date.slice(0, 10);
      if (!byDate.has(date)) byDate.set(date, h.name);
    }
  }
  const list = [...byDate].map(([date, title]) => ({ date, title })).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(key, list);
  return list;
};
