import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createDeadlineService } from '../../src/deadlines/create-deadline-service.js';
import { formatDeadline } from '../../src/deadlines/format-deadline.js';

describe('createDeadlineService', () => {
  const service = createDeadlineService();

  it('computes from typed dates in any accepted form', () => {
    expect(service.compute('foi', '21/12/2026').due).toBe('2027-01-22');
    expect(service.compute('foi', '21 Dec 2026').due).toBe('2027-01-22');
    expect(service.compute('sar', 'today', '2025-01-31').due).toBe('2025-02-28');
    expect(service.compute('sar', 'today', '31/01/2025').progress?.status).toBe('running');
  });

  it('needs a today for "today", and never reads the clock', () => {
    expect(() => service.compute('foi', 'today')).toThrow(InputError);
  });

  it('parses and answers plain questions', () => {
    expect(service.parseQuestion('SAR received 31/01/2025 deadline', '2025-02-10')).toEqual({ rule: 'sar', date: '2025-01-31' });
    const answer = service.answerQuestion('FOI received 21 December 2026, when is it due?', '2027-01-12');
    expect(answer && formatDeadline(answer)).toMatch(/^FOI request received Mon 21 Dec 2026: due Fri 22 Jan 2027/);
    expect(service.answerQuestion('who chairs the audit committee?', '2027-01-12')).toBeNull();
  });

  it('uses the configured nation for council rules', () => {
    const scottish = createDeadlineService({ nation: 'scotland' });
    expect(scottish.nation).toBe('scotland');
    expect(scottish.compute('complaint-ack', '2026-04-02').due).toBe('2026-04-08');
    expect(scottish.compute('foi', '2026-04-02').due).toBe(service.compute('foi', '2026-04-02').due);
  });

  it('applies council overrides and lists the rules in force', () => {
    const custom = createDeadlineService({ overrides: { rules: { 'complaint-response': { amount: 10 } } } });
    expect(custom.compute('complaint-response', '2026-07-31').amount).toBe(10);
    expect(custom.listRules().find((r) => r.id === 'complaint-response')?.counts).toBe('10 working days');
    expect(() => createDeadlineService({ overrides: { rules: { 'ripa-chis': { amount: 6 } } } })).toThrow(/statutory/);
  });
});
