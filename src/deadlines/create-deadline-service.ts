import type { Nation } from './bank-holidays-schema.js';
import type { Calendar } from './calendar.js';
import { computeDeadline } from './compute-deadline.js';
import type { DeadlineRule, RuleOverrides } from './deadline-rule.js';
import type { DeadlineResult } from './deadline-result.js';
import { DEFAULT_CALENDAR_PATH, loadCalendar } from './load-calendar.js';
import { DEFAULT_RULES_PATH, listRules, loadRules, type RuleSummary } from './load-rules.js';
import { parseDateText } from './parse-date-text.js';
import { parseDeadlineQuestion, type DeadlineQuestion } from './parse-deadline-question.js';

/** Where the service gets its calendar and rules, and the council's nation. */
export interface DeadlineServiceOptions {
  /** gov.uk-layout bank holidays; default `data/bank-holidays.json`. Ignored if `calendar` is given. */
  calendarPath?: string;
  /** Rules file; default `data/deadline-rules.json`. Ignored if `rules` is given. */
  rulesPath?: string;
  /** A council's overrides of local-policy rules (object or JSON file path). */
  overrides?: RuleOverrides | string;
  /** The council's nation for rules that use it; default England and Wales. */
  nation?: Nation;
  /** A ready calendar (tests, or a caller that already loaded one). */
  calendar?: Calendar;
  /** Ready rules. */
  rules?: readonly DeadlineRule[];
}

/** The deadline calculator as the CLI, the Slack app and the router use it. */
export interface DeadlineService {
  /** Computes a rule from a typed date (any accepted format; `today` needs the `today` argument). */
  compute(rule: string, dateText: string, today?: string): DeadlineResult;
  /** Recognises a plain deadline question; null when it names no rule or no date. */
  parseQuestion(question: string, today: string): DeadlineQuestion | null;
  /** parseQuestion then compute, with progress as of `today`; null when not a deadline question. */
  answerQuestion(question: string, today: string): DeadlineResult | null;
  /** Summaries of the rules in force. */
  listRules(): RuleSummary[];
  readonly rules: readonly DeadlineRule[];
  readonly nation: Nation;
  readonly calendar: Calendar;
}

/**
 * Loads the calendar and rules once and returns the calculator. Reads files here, at the edge;
 * the computations themselves are pure. Throws an AppError if a file is missing or malformed.
 */
export function createDeadlineService(options: DeadlineServiceOptions = {}): DeadlineService {
  const calendar = options.calendar ?? loadCalendar(options.calendarPath ?? DEFAULT_CALENDAR_PATH);
  const rules = options.rules ?? loadRules(options.rulesPath ?? DEFAULT_RULES_PATH, options.overrides);
  const nation = options.nation ?? 'england-and-wales';
  const readToday = (today: string | undefined): string | undefined =>
    today === undefined ? undefined : parseDateText(today);

  return {
    compute(rule, dateText, today) {
      const todayIso = readToday(today);
      const date = parseDateText(dateText, { today: todayIso });
      return computeDeadline({ rule, date, today: todayIso, nation, rules, calendar });
    },
    parseQuestion(question, today) {
      return parseDeadlineQuestion(question, parseDateText(today));
    },
    answerQuestion(question, today) {
      const todayIso = parseDateText(today);
      const found = parseDeadlineQuestion(question, todayIso);
      return found ? computeDeadline({ ...found, today: todayIso, nation, rules, calendar }) : null;
    },
    listRules: () => listRules(rules),
    rules,
    nation,
    calendar,
  };
}
