import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError, InputError } from '../errors.js';
import { describeIssues } from './bank-holidays-schema.js';
import {
  RuleOverridesSchema,
  RulesFileSchema,
  type DeadlineRule,
  type RuleOverrides,
} from './deadline-rule.js';

/** The bundled rules file, `data/deadline-rules.json` at the repository root. */
export const DEFAULT_RULES_PATH = fileURLToPath(new URL('../../data/deadline-rules.json', import.meta.url));

/** Parses and validates the contents of a rules file. */
export function parseRules(raw: unknown, origin = 'the deadline rules'): DeadlineRule[] {
  const parsed = RulesFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('DEADLINE_RULES_INVALID', `${origin} are not valid (${describeIssues(parsed.error)}).`);
  }
  return parsed.data.rules;
}

let bundled: readonly DeadlineRule[] | undefined;

/** The bundled rules, read and validated once on first use, then shared. */
export function bundledRules(): readonly DeadlineRule[] {
  bundled ??= Object.freeze(parseRules(readJson(DEFAULT_RULES_PATH, 'deadline rules file'), 'The bundled deadline rules'));
  return bundled;
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('DEADLINE_RULES_INVALID', `The ${what} ${path} could not be read as JSON.`, { cause });
  }
}

/**
 * Applies a council's overrides. Only local-policy rules may change (amount, basis, name, notes);
 * overriding a statutory rule or an unknown rule throws an AppError saying which and why.
 */
export function applyRuleOverrides(rules: readonly DeadlineRule[], overrides: RuleOverrides): DeadlineRule[] {
  const parsed = RuleOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    throw new AppError('DEADLINE_OVERRIDES_INVALID', `The deadline rule overrides are not valid (${describeIssues(parsed.error)}).`);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out = new Map(byId);
  for (const [id, change] of Object.entries(parsed.data.rules)) {
    const rule = byId.get(id);
    if (!rule) {
      throw new AppError('DEADLINE_OVERRIDE_UNKNOWN_RULE', `The override for "${id}" names no known deadline rule.`);
    }
    if (rule.kind === 'statutory') {
      throw new AppError(
        'DEADLINE_OVERRIDE_STATUTORY',
        `The rule "${id}" is statutory (${rule.basis.citation}) and cannot be changed by a council override.`,
      );
    }
    out.set(id, {
      ...rule,
      ...(change.amount !== undefined ? { amount: change.amount } : {}),
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.basis !== undefined ? { basis: change.basis } : {}),
      ...(change.notes !== undefined ? { notes: change.notes } : {}),
    });
  }
  return [...out.values()];
}

/**
 * Reads a rules file, then applies a council's overrides if given (an object, or the path of a
 * JSON file holding one). Throws an AppError with a one-sentence message on any problem.
 */
export function loadRules(path: string = DEFAULT_RULES_PATH, overrides?: RuleOverrides | string): DeadlineRule[] {
  const rules = parseRules(readJson(path, 'deadline rules file'), `The deadline rules in ${path}`);
  if (overrides === undefined) return rules;
  const changes = typeof overrides === 'string' ? readJson(overrides, 'deadline rule overrides file') : overrides;
  return applyRuleOverrides(rules, changes as RuleOverrides);
}

/** A rule's one-line summary for listings. */
export interface RuleSummary {
  id: string;
  name: string;
  kind: DeadlineRule['kind'];
  dateIs: string;
  counts: string;
  basis: string;
}

/** Describes a rule's count, e.g. "20 working days" or "3 months beginning with the day". */
export function describeCount(rule: Pick<DeadlineRule, 'method' | 'amount'>): string {
  const plural = (unit: string): string => `${rule.amount} ${unit}${rule.amount === 1 ? '' : 's'}`;
  if (rule.method === 'working-days') return plural('working day');
  if (rule.method === 'calendar-months') return plural('calendar month');
  return `${plural('month')} (period beginning with the day)`;
}

/** Summaries of the rules (the bundled ones by default), in file order. */
export function listRules(rules: readonly DeadlineRule[] = bundledRules()): RuleSummary[] {
  return rules.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    dateIs: r.dateIs,
    counts: describeCount(r),
    basis: r.basis.citation,
  }));
}

/** Finds a rule by id; an unknown id throws an InputError listing the valid ones. */
export function findRule(rules: readonly DeadlineRule[], id: string): DeadlineRule {
  const wanted = id.trim().toLowerCase();
  const rule = rules.find((r) => r.id === wanted);
  if (rule) return rule;
  throw new InputError(
    'DEADLINE_UNKNOWN_RULE',
    `There is no deadline rule called "${id}"; the valid rules are: ${rules.map((r) => r.id).join(', ')}.`,
  );
}
