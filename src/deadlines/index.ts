/** The deadline calculator: statutory and policy deadlines, computed by code from rules as data. */
export { NATIONS, NationSchema, BankHolidaysFileSchema, type Nation, type BankHolidaysFile } from './bank-holidays-schema.js';
export { Calendar, type DayInfo, type HolidayEntry } from './calendar.js';
export { computeDeadline, type ComputeDeadlineInput } from './compute-deadline.js';
export { createDeadlineService, type DeadlineService, type DeadlineServiceOptions } from './create-deadline-service.js';
export {
  DeadlineRuleSchema,
  RuleOverridesSchema,
  RulesFileSchema,
  type DeadlineRule,
  type RuleBasis,
  type RuleOverrides,
} from './deadline-rule.js';
export { DeadlineResultSchema, DeadlineProgressSchema, SkippedDaySchema, type DeadlineResult, type DeadlineProgress, type SkippedDay } from './deadline-result.js';
export { formatDeadline, explainDeadline } from './format-deadline.js';
export { DEFAULT_CALENDAR_PATH, loadCalendar } from './load-calendar.js';
export { DEFAULT_RULES_PATH, applyRuleOverrides, bundledRules, findRule, listRules, loadRules, type RuleSummary } from './load-rules.js';
export { parseDateText } from './parse-date-text.js';
export { parseDeadlineQuestion, type DeadlineQuestion } from './parse-deadline-question.js';
