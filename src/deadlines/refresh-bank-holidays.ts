import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors.js';
import { BankHolidaysFileSchema, describeIssues, NATIONS, type BankHolidaysFile, type Nation } from './bank-holidays-schema.js';
import { partsOf } from './iso-date.js';

/** gov.uk's published bank holidays. */
export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';

/** What a refresh did. */
export interface RefreshReport {
  origin: string;
  outPath: string;
  divisions: { nation: Nation; events: number; firstYear: number; lastYear: number }[];
  /** Years kept from the old file because the new data no longer lists them (gov.uk drops old years). */
  keptYears: { nation: Nation; years: number[] }[];
}

/** Options for `refreshBankHolidays`. */
export interface RefreshOptions {
  /** The file to write, e.g. `data/bank-holidays.json`. */
  outPath: string;
  /** Returns the new data as text (read from a file, or fetched from gov.uk). */
  load: () => Promise<string>;
  /** Where the data came from, for the report. */
  origin: string;
  /** Keep years the old file has and the new one lacks (default true). */
  keepOlderYears?: boolean;
}

/** Parses and validates text in gov.uk's bank-holidays.json layout. */
export function parseBankHolidays(text: string, origin: string): BankHolidaysFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AppError('HOLIDAYS_INVALID', `The bank holidays from ${origin} are not JSON.`, { cause });
  }
  const parsed = BankHolidaysFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('HOLIDAYS_INVALID', `The bank holidays from ${origin} are not in gov.uk's layout (${describeIssues(parsed.error)}).`);
  }
  return parsed.data;
}

/** Writes a file so that readers see the old or the new contents, never half of one: temp file, then rename. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw new AppError('HOLIDAYS_WRITE_FAILED', `Could not write ${path}.`, { cause });
  }
}

function readJsonOrNull(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null; // an unreadable old file is simply replaced
  }
}

function mergeOlderYears(fresh: BankHolidaysFile, old: BankHolidaysFile): { merged: BankHolidaysFile; kept: RefreshReport['keptYears'] } {
  const merged = structuredClone(fresh);
  const kept: RefreshReport['keptYears'] = [];
  for (const nation of NATIONS) {
    const freshYears = new Set(fresh[nation].events.map((e) => partsOf(e.date).year));
    const carried = old[nation].events.filter((e) => !freshYears.has(partsOf(e.date).year));
    if (carried.length === 0) continue;
    merged[nation].events = [...carried, ...merged[nation].events].sort((a, b) => a.date.localeCompare(b.date));
    kept.push({ nation, years: [...new Set(carried.map((e) => partsOf(e.date).year))].sort() });
  }
  return { merged, kept };
}

/**
 * Refreshes the bundled calendar: loads new data, validates it with zod, keeps older years that
 * the new data no longer lists, and writes the file atomically. Throws an AppError (and leaves
 * the old file untouched) if the new data is not in gov.uk's layout.
 */
export async function refreshBankHolidays(options: RefreshOptions): Promise<RefreshReport> {
  let data = parseBankHolidays(await options.load(), options.origin);
  let keptYears: RefreshReport['keptYears'] = [];
  if ((options.keepOlderYears ?? true) && existsSync(options.outPath)) {
    const old = BankHolidaysFileSchema.safeParse(readJsonOrNull(options.outPath));
    if (old.success) ({ merged: data, kept: keptYears } = mergeOlderYears(data, old.data));
  }
  writeFileAtomic(options.outPath, `${JSON.stringify(data, null, 2)}\n`);
  const divisions = NATIONS.map((nation) => {
    const years = data[nation].events.map((e) => partsOf(e.date).year);
    return { nation, events: years.length, firstYear: Math.min(...years), lastYear: Math.max(...years) };
  });
  return { origin: options.origin, outPath: options.outPath, divisions, keptYears };
}
