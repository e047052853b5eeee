/**
 * `npm run deadline -- [--json] [--today DATE] RULE DATE`, `--cases FILE.jsonl`, `--question "..."`, `--list`.
 * A thin wrapper: reads the real clock and configuration here, then hands over to runDeadlineCli.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { runDeadlineCli } from '../src/deadlines/run-deadline-cli.js';

/** Today's civil date in the UK, as YYYY-MM-DD. */
function ukToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function main(): number {
  let nation;
  try {
    nation = loadConfig().COUNCIL_NATION;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return runDeadlineCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    clockToday: ukToday(new Date()),
    nation,
  });
}

process.exitCode = main();
