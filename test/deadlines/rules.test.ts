import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { computeDeadline } from '../../src/deadlines/compute-deadline.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';
import { applyRuleOverrides, bundledRules, DEFAULT_RULES_PATH, listRules, loadRules } from '../../src/deadlines/load-rules.js';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
const calendar = loadCalendar();

// The table from the issue: id, what the DATE is, the amount, the method.
const EXPECTED: [string, number, string, 'statutory' | 'local-policy'][] = [
  ['foi', 20, 'working-days', 'statutory'],
  ['foi-pit-extension', 40, 'working-days', 'statutory'],
  ['foi-internal-review', 20, 'working-days', 'statutory'],
  ['foi-internal-review-extended', 40, 'working-days', 'statutory'],
  ['eir', 20, 'working-days', 'statutory'],
  ['eir-extended', 40, 'working-days', 'statutory'],
  ['sar', 1, 'calendar-months', 'statutory'],
  ['sar-extended', 3, 'calendar-months', 'statutory'],
  ['complaint-ack', 3, 'working-days', 'local-policy'],
  ['complaint-response', 20, 'working-days', 'local-policy'],
  ['complaint-complex', 65, 'working-days', 'local-policy'],
  ['children-complaint-stage2', 25, 'working-days', 'local-policy'],
  ['children-complaint-stage2-extended', 65, 'working-days', 'local-policy'],
  ['children-complaint-review-panel', 30, 'working-days', 'local-policy'],
  ['lgsco-ack', 5, 'working-days', 'statutory'],
  ['lgsco-stage1', 10, 'working-days', 'statutory'],
  ['lgsco-stage2', 20, 'working-days', 'statutory'],
  ['asc-complaint-response', 6, 'months-beginning-with', 'statutory'],
  ['ripa-directed-surveillance', 3, 'months-beginning-with', 'statutory'],
  ['ripa-chis', 12, 'months-beginning-with', 'statutory'],
  ['ripa-juvenile-chis', 4, 'months-beginning-with', 'statutory'],
  ['ripa-directed-surveillance-renewal', 3, 'months-beginning-with', 'statutory'],
  ['ripa-chis-renewal', 12, 'months-beginning-with', 'statutory'],
  ['ripa-register-copy', 5, 'working-days', 'local-policy'],
];

// Each rule's counting method beside the words of its basis that decide it: "working day(s)" count
// working days from day 0; "month ... of receipt" (ICO) runs to the corresponding date; a period
// "beginning with/on the day" counts that day, so it ends the day before the corresponding date.
const METHOD_AND_BASIS: Array<[string, string, string]> = [
  ['foi', 'working-days', 'not later than the twentieth working day following the date of receipt'],
  ['foi-pit-extension', 'working-days', 'no more than a further 20 working days, so 40 working days in all from receipt'],
  ['foi-internal-review', 'working-days', 'within 20 working days of the date the review was requested'],
  ['foi-internal-review-extended', 'working-days', 'no more than 40 working days in all'],
  ['eir', 'working-days', 'no later than 20 working days after the date of receipt'],
  ['eir-extended', 'working-days', 'the period is extended to 40 working days'],
  ['sar', 'calendar-months', 'to the corresponding calendar date in the next month'],
  ['sar-extended', 'calendar-months', 'counted by the corresponding-date method'],
  ['complaint-ack', 'working-days', 'within three working days'],
  ['complaint-response', 'working-days', 'within 20 working days'],
  ['complaint-complex', 'working-days', 'a maximum of 65 working days'],
  ['children-complaint-stage2', 'working-days', 'within 25 working days'],
  ['children-complaint-stage2-extended', 'working-days', 'a maximum of 65 working days'],
  ['children-complaint-review-panel', 'working-days', 'within 30 working days'],
  ['lgsco-ack', 'working-days', 'within five working days of receipt'],
  ['lgsco-stage1', 'working-days', 'within 10 working days of the complaint being acknowledged'],
  ['lgsco-stage2', 'working-days', 'within 20 working days of the stage 2 escalation being acknowledged'],
  ['asc-complaint-response', 'months-beginning-with', 'six months beginning on the day on which the complaint was received'],
  ['ripa-directed-surveillance', 'months-beginning-with', 'three months beginning with the day on which it took effect'],
  ['ripa-chis', 'months-beginning-with', 'twelve months beginning with the day on which it took effect'],
  ['ripa-juvenile-chis', 'months-beginning-with', 'four months beginning with the day it took effect'],
  ['ripa-directed-surveillance-renewal', 'months-beginning-with', 'lasts three months beginning with that day'],
  ['ripa-chis-renewal', 'months-beginning-with', 'lasts twelve months beginning with that day'],
  ['ripa-register-copy', 'working-days', 'within 5 working days'],
];

describe('the bundled rules', () => {
  const rules = bundledRules();

  it('hold exactly the rules of the issue, with their amounts, methods and kinds', () => {
    expect(rules.map((r) => [r.id, r.amount, r.method, r.kind])).toEqual(EXPECTED);
  });

  it('count each rule by the method the words of its basis give', () => {
    const found = rules.map((r) => {
      const [, , words] = METHOD_AND_BASIS.find(([id]) => id === r.id) ?? ['', '', '(no entry)'];
      return [r.id, r.method, r.basis.text.includes(words) ? words : `basis lacks: ${words}`];
    });
    expect(found).toEqual(METHOD_AND_BASIS);
  });

  it('use the UK-wide calendar for FOI and EIR, the council nation for the others, none for RIPA periods', () => {
    for (const r of rules) {
      const expected = /^(foi|eir)/.test(r.id) ? 'uk-any' : r.method === 'months-beginning-with' ? 'none' : 'council';
      expect([r.id, r.calendar]).toEqual([r.id, expected]);
    }
  });

  it('cite the statutes for statutory rules', () => {
    const text = (id: string): string => rules.find((r) => r.id === id)!.basis.text;
    expect(text('foi')).toContain('Freedom of Information Act 2000, s.10(1)');
    expect(text('eir-extended')).toContain('Environmental Information Regulations 2004, reg 5(2) and 7(1)');
    expect(text('sar')).toContain('UK GDPR Art 12(3)');
    expect(text('asc-complaint-response')).toContain('Complaints (England) Regulations 2009, reg 14');
    expect(text('ripa-directed-surveillance')).toContain('Regulation of Investigatory Powers Act 2000, s.43(3)');
    expect(text('ripa-juvenile-chis')).toContain('Regulation of Investigatory Powers (Juveniles) Order 2000');
    expect(text('foi-internal-review')).toContain('Code of Practice issued under s.45');
    expect(text('lgsco-ack')).toContain('Complaint Handling Code');
  });

  it('give every local-policy rule a corpus quote with council, document and paragraph', () => {
    for (const r of rules.filter((x) => x.kind === 'local-policy')) {
      expect(r.basis, r.id).toMatchObject({ council: 'Kent County Council' });
      expect(r.basis.source, r.id).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(r.basis.document, r.id).toBeTruthy();
      expect(r.basis.paragraph, r.id).toBeTruthy();
    }
  });

  it.each(rules.filter((r) => r.basis.quote !== undefined).map((r) => [r.id, r.basis] as const))(
    'quotes its corpus file verbatim: %s',
    (_id, basis) => {
      const text = readFileSync(join(CORPUS_DIR, basis.source!), 'utf8');
      expect(text).toContain(basis.quote!);
      if (basis.quoteContinued) {
        expect(text).toContain(basis.quoteContinued);
        expect(text.indexOf(basis.quoteContinued)).toBeGreaterThan(text.indexOf(basis.quote!));
      }
    },
  );

  it('quote the figure the rule uses', () => {
    for (const r of rules.filter((x) => x.kind === 'local-policy')) {
      const words: Record<number, string> = { 3: '3', 5: '5', 20: '20', 25: '25', 30: '30', 65: '65' };
      expect(`${r.basis.quote} ${r.basis.quoteContinued ?? ''}`, r.id).toContain(words[r.amount]!);
    }
  });

  it('list as summaries', () => {
    const list = listRules();
    expect(list).toHaveLength(24);
    expect(list[0]).toEqual({
      id: 'foi',
      name: 'Freedom of Information request: time for compliance',
      kind: 'statutory',
      dateIs: 'date received',
      counts: '20 working days',
      basis: 'FOIA s.10(1)',
    });
  });

  it('load from the file the same as bundled', () => {
    expect(loadRules(DEFAULT_RULES_PATH)).toEqual(bundledRules());
  });
});

describe('council overrides', () => {
  it('may change the amount and basis of a local-policy rule', () => {
    const rules = applyRuleOverrides(bundledRules(), {
      council: 'Example Borough Council',
      rules: { 'complaint-ack': { amount: 5, basis: { citation: 'EBC complaints policy, para 4.1', text: 'Example Borough Council complaints policy, para 4.1: five working days.' } } },
    });
    const r = computeDeadline({ rule: 'complaint-ack', date: '2026-12-23', rules, calendar });
    expect(r.amount).toBe(5);
    expect(r.due).toBe('2027-01-04'); // 24 = 1, 29 = 2, 30 = 3, 31 = 4, skip 1 Jan, 4 Jan = 5
    expect(r.basis.citation).toBe('EBC complaints policy, para 4.1');
    expect(bundledRules().find((x) => x.id === 'complaint-ack')!.amount).toBe(3);
  });

  it('rejects overriding a statutory rule with a clear error', () => {
    const attempt = (): unknown => applyRuleOverrides(bundledRules(), { rules: { foi: { amount: 30 } } });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow('The rule "foi" is statutory (FOIA s.10(1)) and cannot be changed by a council override.');
  });

  it('rejects an unknown rule and a change of method', () => {
    expect(() => applyRuleOverrides(bundledRules(), { rules: { nope: { amount: 3 } } })).toThrow(/names no known deadline rule/);
    const methodChange = { rules: { 'complaint-ack': { method: 'calendar-months' } } } as unknown as Parameters<typeof applyRuleOverrides>[1];
    expect(() => applyRuleOverrides(bundledRules(), methodChange)).toThrow(/overrides are not valid/);
  });

  it('can come from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadline-overrides-'));
    const path = join(dir, 'overrides.json');
    writeFileSync(path, JSON.stringify({ rules: { 'ripa-register-copy': { amount: 2 } } }));
    expect(loadRules(DEFAULT_RULES_PATH, path).find((r) => r.id === 'ripa-register-copy')!.amount).toBe(2);
    writeFileSync(path, JSON.stringify({ rules: { sar: { amount: 2 } } }));
    expect(() => loadRules(DEFAULT_RULES_PATH, path)).toThrow(/statutory/);
  });
});
