import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { DEFAULT_CALENDAR_PATH, loadCalendar } from '../../src/deadlines/load-calendar.js';
import { refreshBankHolidays } from '../../src/deadlines/refresh-bank-holidays.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bundled = JSON.parse(readFileSync(DEFAULT_CALENDAR_PATH, 'utf8')) as Record<string, { division: string; events: { date: string }[] }>;

/** The bundled data cut down to years from `fromYear`, as gov.uk's file drops old years. */
function recentOnly(fromYear: number): string {
  const out: Record<string, unknown> = {};
  for (const [key, division] of Object.entries(bundled)) {
    out[key] = { ...division, events: division.events.filter((e) => Number(e.date.slice(0, 4)) >= fromYear) };
  }
  return JSON.stringify(out);
}

describe('refreshBankHolidays', () => {
  it('writes validated data atomically, keeping older years the new data lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    const out = join(dir, 'bank-holidays.json');
    copyFileSync(DEFAULT_CALENDAR_PATH, out);
    const report = await refreshBankHolidays({ outPath: out, origin: 'test', load: async () => recentOnly(2020) });
    expect(report.keptYears).toEqual([
      { nation: 'england-and-wales', years: [2017, 2018, 2019] },
      { nation: 'scotland', years: [2017, 2018, 2019] },
      { nation: 'northern-ireland', years: [2017, 2018, 2019] },
    ]);
    expect(report.divisions[1]).toEqual({ nation: 'scotland', events: 103, firstYear: 2017, lastYear: 2027 });
    expect(loadCalendar(out).coverage()[0]).toEqual({ nation: 'england-and-wales', firstYear: 2017, lastYear: 2027 });
    expect(readdirSync(dir)).toEqual(['bank-holidays.json']); // no temp file left behind
  });

  it('replaces outright when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    const out = join(dir, 'bank-holidays.json');
    copyFileSync(DEFAULT_CALENDAR_PATH, out);
    await refreshBankHolidays({ outPath: out, origin: 'test', load: async () => recentOnly(2020), keepOlderYears: false });
    expect(loadCalendar(out).coverage()[2]).toEqual({ nation: 'northern-ireland', firstYear: 2020, lastYear: 2027 });
  });

  it('rejects data in the wrong layout and leaves the old file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    const out = join(dir, 'bank-holidays.json');
    copyFileSync(DEFAULT_CALENDAR_PATH, out);
    const before = readFileSync(out, 'utf8');
    const wrong = JSON.stringify({ 'england-and-wales': { division: 'scotland', events: [{ title: 'x', date: '2026-13-01' }] } });
    await expect(refreshBankHolidays({ outPath: out, origin: 'test', load: async () => wrong })).rejects.toThrow(AppError);
    await expect(refreshBankHolidays({ outPath: out, origin: 'test', load: async () => '<html>' })).rejects.toThrow(/are not JSON/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('runs as a script with --from FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    const from = join(dir, 'from.json');
    const out = join(dir, 'out.json');
    writeFileSync(from, recentOnly(2018));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/refresh-holidays.ts', '--from', from, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out} from ${from}:`);
    expect(r.stdout).toContain('scotland: 94 holidays, 2018 to 2027');
    expect(loadCalendar(out).dayInfo('2026-06-15', ['scotland']).working).toBe(false);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/refresh-holidays.ts', '--from', join(dir, 'missing.json'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });
});
