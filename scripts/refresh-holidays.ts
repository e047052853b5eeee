/**
 * `tsx scripts/refresh-holidays.ts [--from FILE] [--out FILE] [--replace]`
 * Refreshes data/bank-holidays.json from a file, or from gov.uk when no --from is given.
 * The data is validated (gov.uk layout) and written atomically; older years that the new data
 * no longer lists are kept unless --replace is given.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { userMessageOf } from '../src/errors.js';
import { DEFAULT_CALENDAR_PATH } from '../src/deadlines/load-calendar.js';
import { GOV_UK_BANK_HOLIDAYS_URL, refreshBankHolidays } from '../src/deadlines/refresh-bank-holidays.js';

const FETCH_TIMEOUT_MS = 20_000;

async function fetchGovUk(): Promise<string> {
  let response: Response;
  try {
    response = await fetch(GOV_UK_BANK_HOLIDAYS_URL, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`Could not reach ${GOV_UK_BANK_HOLIDAYS_URL} (${error instanceof Error ? error.message : String(error)}); use --from FILE offline.`);
  }
  if (!response.ok) throw new Error(`${GOV_UK_BANK_HOLIDAYS_URL} answered HTTP ${response.status}.`);
  return response.text();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, out: { type: 'string' }, replace: { type: 'boolean' } },
  });
  const from = values.from;
  try {
    const report = await refreshBankHolidays({
      outPath: values.out ?? DEFAULT_CALENDAR_PATH,
      origin: from ?? GOV_UK_BANK_HOLIDAYS_URL,
      load: from ? () => readFile(from, 'utf8') : fetchGovUk,
      keepOlderYears: !values.replace,
    });
    console.log(`Wrote ${report.outPath} from ${report.origin}:`);
    for (const d of report.divisions) console.log(`  ${d.nation}: ${d.events} holidays, ${d.firstYear} to ${d.lastYear}`);
    for (const k of report.keptYears) console.log(`  kept from the old file for ${k.nation}: ${k.years.join(', ')}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error && !('userMessage' in error) ? error.message : userMessageOf(error));
    return 1;
  }
}

process.exitCode = await main();
