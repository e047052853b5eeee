import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../src/deadlines/compute-deadline.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';

const calendar = loadCalendar();

// Every case of /work/shared/eval/deadlines-dev.jsonl, copied literally (the `why` is abridged).
const DEV_CASES = [
  { id: 'd02', rule: 'foi', date: '2026-03-14', expected: '2026-04-15', why: 'Saturday receipt; skips St Patrick (NI), Good Friday, Easter Monday' },
  { id: 'd05', rule: 'foi', date: '2026-04-06', expected: '2026-05-05', why: 'received on Easter Monday; skips Early May BH' },
  { id: 'd31', rule: 'sar', date: '2025-01-31', expected: '2025-02-28', why: '31 January, non-leap year -> 28 Feb' },
  { id: 'd35', rule: 'sar', date: '2024-11-25', expected: '2024-12-27', why: 'ICO worked example: 25 Dec -> next working day 27 Dec' },
  { id: 'd42', rule: 'complaint-ack', date: '2026-12-23', expected: '2026-12-30', why: '3 WD across Christmas 2026 substitute days' },
  { id: 'd53', rule: 'ripa-directed-surveillance', date: '2026-06-01', expected: '2026-08-31', why: '1 June -> 31 Aug, a bank holiday: no adjustment' },
] as const;

describe('dev deadline cases', () => {
  it.each(DEV_CASES)('$id $rule $date -> $expected ($why)', ({ rule, date, expected }) => {
    expect(computeDeadline({ rule, date, calendar }).due).toBe(expected);
  });

  it('explains d02 the way the dev set does: day 1, skipped days with their nations', () => {
    const r = computeDeadline({ rule: 'foi', date: '2026-03-14', calendar });
    expect(r.day1).toBe('2026-03-16');
    expect(r.skipped.map((s) => [s.date, s.title, s.nations])).toEqual([
      ['2026-03-17', 'St Patrick’s Day', ['northern-ireland']],
      ['2026-04-03', 'Good Friday', ['england-and-wales', 'scotland', 'northern-ireland']],
      ['2026-04-06', 'Easter Monday', ['england-and-wales', 'northern-ireland']],
    ]);
  });

  it('explains d35: the corresponding date is Christmas Day, so the next working day', () => {
    const r = computeDeadline({ rule: 'sar', date: '2024-11-25', calendar });
    expect(r.skipped.map((s) => s.title)).toEqual(['Christmas Day', 'Boxing Day']);
    expect(r.steps.join(' ')).toContain('Wed 25 Dec 2024');
  });

  it('explains d53: expiry on a bank holiday is not adjusted', () => {
    const r = computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-06-01', calendar });
    expect(r.resultIs).toBe('last-day-of-effect');
    expect(r.steps.join(' ')).toMatch(/23:59 on Mon 31 Aug 2026 \(a bank holiday, Summer bank holiday/);
  });
});

const SHARED = '/work/shared/eval/deadlines-dev.jsonl';

describe.skipIf(!existsSync(SHARED))('the shared dev file itself', () => {
  const lines = existsSync(SHARED) ? readFileSync(SHARED, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
  const cases = lines.map((l) => JSON.parse(l) as { id: string; rule: string; date: string; expected_due: string });

  it('is fully covered by the literal table above', () => {
    expect(cases.map((c) => [c.id, c.rule, c.date, c.expected_due])).toEqual(
      DEV_CASES.map((c) => [c.id, c.rule, c.date, c.expected]),
    );
  });

  it.each(cases)('$id computes $expected_due', (c) => {
    expect(computeDeadline({ rule: c.rule, date: c.date, calendar }).due).toBe(c.expected_due);
  });
});
