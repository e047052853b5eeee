import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDateText } from '../../src/deadlines/parse-date-text.js';

function failure(text: string, today?: string): InputError {
  try {
    parseDateText(text, { today });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseDateText', () => {
  it.each([
    ['2026-12-21', '2026-12-21'],
    ['21/12/2026', '2026-12-21'],
    ['1/2/2026', '2026-02-01'],
    ['01/02/2026', '2026-02-01'],
    ['21.12.2026', '2026-12-21'],
    ['21-12-2026', '2026-12-21'],
    ['21 Dec 2026', '2026-12-21'],
    ['21 December 2026', '2026-12-21'],
    ['21st December 2026', '2026-12-21'],
    ['2nd Jan 2027', '2027-01-02'],
    ['3rd of March 2026', '2026-03-03'],
    ['21 Sept 2026', '2026-09-21'],
    ['December 21, 2026', '2026-12-21'],
    ['Mon 21 Dec 2026', '2026-12-21'],
    ['Monday, 21st December 2026', '2026-12-21'],
    ['  21 december 2026. ', '2026-12-21'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('reads today (and yesterday) from the given today, never the clock', () => {
    expect(parseDateText('today', { today: '2026-12-21' })).toBe('2026-12-21');
    expect(parseDateText('Today', { today: '2026-12-21' })).toBe('2026-12-21');
    expect(parseDateText('yesterday', { today: '2026-03-01' })).toBe('2026-02-28');
    expect(failure('today').code).toBe('DEADLINE_DATE_NEEDS_TODAY');
  });

  it('always reads numbers as day/month/year', () => {
    expect(parseDateText('03/04/2026')).toBe('2026-04-03');
  });

  it('says plainly that 31/02/2026 is impossible', () => {
    const e = failure('31/02/2026');
    expect(e.code).toBe('DEADLINE_DATE_IMPOSSIBLE');
    expect(e.userMessage).toBe('The date "31/02/2026" is impossible: February 2026 has only 28 days.');
  });

  it('rejects a US-style date with one sentence', () => {
    expect(failure('12/21/2026').userMessage).toBe(
      'The date "12/21/2026" is impossible: dates are read as day/month/year and there is no month 21.',
    );
  });

  it('rejects 29 February in a non-leap year and accepts it in a leap year', () => {
    expect(failure('29 February 2026').code).toBe('DEADLINE_DATE_IMPOSSIBLE');
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
  });

  it('calls a two-digit year, a missing year or a wrong weekday ambiguous', () => {
    expect(failure('21/12/26').userMessage).toMatch(/two-digit year, which is ambiguous/);
    expect(failure('21 December').userMessage).toBe(
      'The date "21 December" has no year, so it is ambiguous; please give it in full, e.g. 21 December 2026.',
    );
    expect(failure('Tue 21 Dec 2026').userMessage).toBe(
      'The date "Tue 21 Dec 2026" does not add up: 21 December 2026 is a Monday, not a Tuesday.',
    );
  });

  it('rejects text that is not a date', () => {
    expect(failure('next week').code).toBe('DEADLINE_DATE_UNREADABLE');
    expect(failure('').code).toBe('DEADLINE_DATE_MISSING');
    expect(failure('2026-12-21x').code).toBe('DEADLINE_DATE_UNREADABLE');
  });

  it('gives a single sentence in every error', () => {
    for (const bad of ['31/02/2026', '21/12/26', 'soon', '32 Jan 2026', '0/1/2026']) {
      const message = failure(bad).userMessage;
      expect(message.trim().split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
    }
  });
});
