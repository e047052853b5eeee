import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError, InputError, userMessageOf } from '../errors.js';
import { NationSchema, type Nation } from './bank-holidays-schema.js';
import { computeDeadline } from './compute-deadline.js';
import { createDeadlineService, type DeadlineService, type DeadlineServiceOptions } from './create-deadline-service.js';
import { explainDeadline } from './format-deadline.js';
import { parseDateText } from './parse-date-text.js';

/** What the CLI needs from the outside world; the script supplies the real ones. */
export interface DeadlineCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  /** Today's date (ISO) from the real clock, used for the DATE `today` when `--today` is not given. */
  clockToday: string;
  /** The council's nation from configuration. */
  nation: Nation;
}

/** Usage text. */
export const DEADLINE_USAGE = `Usage:
  npm run deadline -- [--json] [--today DATE] [--nation NATION] RULE DATE
  npm run deadline -- --cases FILE.jsonl [--today DATE] [--nation NATION]
  npm run deadline -- [--json] [--today DATE] --question "FOI received 21 December 2026, when is it due?"
  npm run deadline -- [--json] --list
DATE: 2026-12-21, 21/12/2026 (day/month/year), 21 Dec 2026, 21 December 2026, 21st December 2026 or today.
NATION: england-and-wales (default), scotland or northern-ireland.
Other options: --rules FILE, --overrides FILE, --calendar FILE.`;

const CaseLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    rule: z.string(),
    date: z.string(),
    today: z.string().optional(),
    nation: NationSchema.optional(),
  })
  .passthrough();

function readNation(value: string | undefined, fallback: Nation): Nation {
  if (value === undefined) return fallback;
  const parsed = NationSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError('DEADLINE_BAD_NATION', `"${value}" is not a nation; use england-and-wales, scotland or northern-ireland.`);
}

function runCases(path: string, io: DeadlineCliIo, service: DeadlineService, nation: Nation, today: string | undefined): void {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (cause) {
    throw new InputError('DEADLINE_CASES_UNREADABLE', `The cases file ${path} could not be read.`, { cause });
  }
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let id: string | number = `line ${i + 1}`;
    try {
      const raw: unknown = JSON.parse(line);
      const rawId = (raw as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string' || typeof rawId === 'number') id = rawId;
      const c = CaseLineSchema.parse(raw);
      const caseToday = c.today !== undefined ? parseDateText(c.today) : today;
      const date = parseDateText(c.date, { today: caseToday ?? io.clockToday });
      const result = computeDeadline({
        rule: c.rule,
        date,
        today: caseToday,
        nation: c.nation ?? nation,
        rules: service.rules,
        calendar: service.calendar,
      });
      const { due, ...rest } = result;
      io.stdout(`${JSON.stringify({ id, due, ...rest })}\n`);
    } catch (error) {
      const message = error instanceof SyntaxError || error instanceof z.ZodError
        ? 'This line is not a JSON object with id, rule and date.'
        : userMessageOf(error);
      io.stdout(`${JSON.stringify({ id, error: message })}\n`);
    }
  });
}

/**
 * The `deadline` command: parses arguments, computes, prints. Returns the exit code: 0 on
 * success, 1 with one plain sentence (on stderr, and as `{error}` JSON with --json) otherwise.
 * In --cases mode a bad line prints `{id, error}` and the other lines still run.
 */
export function runDeadlineCli(argv: readonly string[], io: DeadlineCliIo, serviceOptions: DeadlineServiceOptions = {}): number {
  let json = argv.includes('--json');
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        today: { type: 'string' },
        cases: { type: 'string' },
        nation: { type: 'string' },
        question: { type: 'string' },
        list: { type: 'boolean' },
        rules: { type: 'string' },
        overrides: { type: 'string' },
        calendar: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    json = values.json ?? false;
    if (values.help) {
      io.stdout(`${DEADLINE_USAGE}\n`);
      return 0;
    }
    const nation = readNation(values.nation, io.nation);
    const service = createDeadlineService({
      ...serviceOptions,
      ...(values.rules ? { rulesPath: values.rules } : {}),
      ...(values.overrides ? { overrides: values.overrides } : {}),
      ...(values.calendar ? { calendarPath: values.calendar } : {}),
      nation,
    });
    const today = values.today !== undefined ? parseDateText(values.today) : undefined;

    if (values.list) {
      const rules = service.listRules();
      io.stdout(json ? `${JSON.stringify(rules, null, 2)}\n` : `${rules.map((r) => `${r.id.padEnd(36)} ${r.counts} from the ${r.dateIs} (${r.basis})`).join('\n')}\n`);
      return 0;
    }
    if (values.cases !== undefined) {
      runCases(values.cases, io, service, nation, today);
      return 0;
    }
    let result;
    if (values.question !== undefined) {
      const found = service.parseQuestion(values.question, today ?? io.clockToday);
      if (!found) throw new InputError('DEADLINE_NOT_A_QUESTION', 'That question names no deadline rule and date that I recognise.');
      result = service.compute(found.rule, found.date, today);
    } else {
      const [rule, ...dateWords] = positionals;
      if (!rule || dateWords.length === 0) {
        throw new InputError('DEADLINE_USAGE', 'Give a rule and a date, e.g. npm run deadline -- --json foi 21/12/2026.');
      }
      const date = parseDateText(dateWords.join(' '), { today: today ?? io.clockToday });
      result = service.compute(rule, date, today);
    }
    io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : `${explainDeadline(result)}\n`);
    return 0;
  } catch (error) {
    const code = error instanceof AppError ? error.code : undefined;
    const message =
      error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
        ? `${error.message.split('. ')[0]}; run with --help for usage.`
        : userMessageOf(error);
    if (json) io.stdout(`${JSON.stringify({ error: message, ...(code ? { code } : {}) })}\n`);
    io.stderr(`${message}\n`);
    return 1;
  }
}
