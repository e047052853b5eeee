import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { NATIONS, type Nation } from '../../src/deadlines/bank-holidays-schema.js';
import { Calendar } from '../../src/deadlines/calendar.js';
import { easterSunday } from '../../src/deadlines/iso-date.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';
import { projectHolidays } from '../../src/deadlines/project-holidays.js';

const calendar = loadCalendar();
const holiday = (date: string, nation: Nation): string | undefined =>
  calendar.holidaysOf(nation, Number(date.slice(0, 4))).get(date);

describe('the bundled bank-holiday data', () => {
  it('covers 2017 to 2027 in every division', () => {
    expect(calendar.coverage()).toEqual(NATIONS.map((nation) => ({ nation, firstYear: 2017, lastYear: 2027 })));
  });

  it.each([
    ['2020-05-08', 'england-and-wales', 'Early May bank holiday (VE day)'],
    ['2022-06-02', 'scotland', 'Spring bank holiday'],
    ['2022-06-03', 'northern-ireland', 'Queen’s Platinum Jubilee'],
    ['2022-09-19', 'england-and-wales', "Queen Elizabeth's Funeral Day"],
    ['2023-05-08', 'scotland', "King Charles III's Coronation"],
    ['2026-06-15', 'scotland', 'World Cup bank holiday'],
    ['2026-12-28', 'england-and-wales', 'Boxing Day (substitute day)'],
    ['2027-01-04', 'scotland', 'January 2nd (substitute day)'],
    ['2026-07-13', 'northern-ireland', 'Battle of the Boyne (Orangemen’s Day) (substitute day)'],
    ['2025-12-01', 'scotland', 'St Andrew’s Day (substitute day)'],
  ] as const)('has %s in %s: %s', (date, nation, title) => {
    expect(holiday(date, nation)).toBe(title);
  });

  it('does not have the days the moved holidays replaced', () => {
    expect(holiday('2020-05-04', 'england-and-wales')).toBeUndefined();
    expect(holiday('2022-05-30', 'england-and-wales')).toBeUndefined();
    expect(holiday('2026-06-15', 'england-and-wales')).toBeUndefined();
  });

  it('groups a date by name and division, and knows weekends', () => {
    const info = calendar.dayInfo('2017-01-02', NATIONS);
    expect(info.holidays.map((h) => [h.title, h.nations])).toEqual([
      ["New Year's Day (substitute day)", ['england-and-wales', 'northern-ireland']],
      ['January 2nd', ['scotland']],
    ]);
    expect(calendar.dayInfo('2026-03-17', ['england-and-wales']).working).toBe(true);
    expect(calendar.dayInfo('2026-03-17', NATIONS).working).toBe(false);
    expect(calendar.dayInfo('2026-03-14', NATIONS)).toMatchObject({ weekend: true, working: false, holidays: [] });
  });
});

describe('outside the published years', () => {
  it('projects holidays with date-holidays and flags them', () => {
    expect(calendar.isProjected('scotland', 2028)).toBe(true);
    const info = calendar.dayInfo('2028-12-26', NATIONS);
    expect(info).toMatchObject({ working: false, projected: true });
    expect(info.holidays[0]!.source).toBe('projected');
    expect(calendar.dayInfo('2028-08-07', ['scotland']).working).toBe(false); // Scottish summer holiday
    expect(calendar.dayInfo('2028-08-07', ['england-and-wales']).working).toBe(true);
  });

  it('projects the usual pattern for each region', () => {
    const ni = projectHolidays('northern-ireland', 2029).map((h) => h.date);
    expect(ni).toContain('2029-03-19'); // St Patrick's Day (Sat 17) substitute
    expect(ni).toContain('2029-07-12');
    expect(projectHolidays('england-and-wales', 2029).map((h) => h.title)).not.toContain("Mother's Day");
  });

  it('uses a supplied projector, and still adds Christmas Day and Good Friday', () => {
    const file = JSON.parse(JSON.stringify({
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'x', date: '2026-01-01', notes: '', bunting: true }] },
      scotland: { division: 'scotland', events: [{ title: 'x', date: '2026-01-01', notes: '', bunting: true }] },
      'northern-ireland': { division: 'northern-ireland', events: [{ title: 'x', date: '2026-01-01', notes: '', bunting: true }] },
    }));
    const thin = new Calendar(file, () => []);
    expect(thin.dayInfo('2031-12-25', ['scotland']).holidays[0]!.title).toBe('Christmas Day');
    const goodFriday2031 = '2031-04-11';
    expect(easterSunday(2031)).toBe('2031-04-13');
    expect(thin.dayInfo(goodFriday2031, ['england-and-wales']).working).toBe(false);
  });
});

describe('loadCalendar', () => {
  it('rejects a file that is not in the gov.uk layout, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [] } }));
    expect(() => loadCalendar(path)).toThrow(AppError);
    expect(() => loadCalendar(path)).toThrow(/is not in gov.uk's bank-holidays.json layout/);
    expect(() => loadCalendar(join(dir, 'missing.json'))).toThrow(/could not be read/);
  });

  it('computes Easter correctly for known years', () => {
    expect([2017, 2019, 2024, 2025, 2026, 2027].map(easterSunday)).toEqual([
      '2017-04-16', '2019-04-21', '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28',
    ]);
  });
});
