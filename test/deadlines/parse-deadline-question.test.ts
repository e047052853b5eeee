import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDeadlineQuestion, ruleFromKeywords } from '../../src/deadlines/parse-deadline-question.js';

const TODAY = '2026-01-10';

describe('parseDeadlineQuestion', () => {
  it.each([
    ["FOI received 21 December 2026, when's it due?", { rule: 'foi', date: '2026-12-21' }],
    ['an FOI came in on 18 December: when is it due?', { rule: 'foi', date: '2025-12-18' }],
    ['when does a directed surveillance authorisation approved on 1 June 2026 expire?', { rule: 'ripa-directed-surveillance', date: '2026-06-01' }],
    ['SAR received 31/01/2025 deadline', { rule: 'sar', date: '2025-01-31' }],
    ['subject access request received 2025-11-25', { rule: 'sar', date: '2025-11-25' }],
    ['complex SAR received 3 March 2026 - extended deadline?', { rule: 'sar-extended', date: '2026-03-03' }],
    ['Freedom of information request came in 5th Jan 2026', { rule: 'foi', date: '2026-01-05' }],
    ['public interest extension for an FOI received 14/03/2026', { rule: 'foi-pit-extension', date: '2026-03-14' }],
    ['internal review requested 6 April 2026', { rule: 'foi-internal-review', date: '2026-04-06' }],
    ['EIR request received 21/12/2026', { rule: 'eir', date: '2026-12-21' }],
    ['environmental information request, complex and voluminous, received 21/12/2026', { rule: 'eir-extended', date: '2026-12-21' }],
    ['when must we acknowledge a complaint received 23 December 2026?', { rule: 'complaint-ack', date: '2026-12-23' }],
    ['stage 1 complaint received 31/07/2026, response due?', { rule: 'complaint-response', date: '2026-07-31' }],
    ['complex complaint received 5 Jan 2026', { rule: 'complaint-complex', date: '2026-01-05' }],
    ["children's complaint stage 2 received 18 May 2026", { rule: 'children-complaint-stage2', date: '2026-05-18' }],
    ["children's complaint review panel requested 3/8/2026", { rule: 'children-complaint-review-panel', date: '2026-08-03' }],
    ['adult social care complaint received 25 June 2026', { rule: 'asc-complaint-response', date: '2026-06-25' }],
    ['ombudsman code: complaint received 18/12/2026, acknowledge by?', { rule: 'lgsco-ack', date: '2026-12-18' }],
    ['ombudsman stage 2 response, acknowledged 15 March 2027', { rule: 'lgsco-stage2', date: '2027-03-15' }],
    ['CHIS authorisation approved 15 January 2026, expiry?', { rule: 'ripa-chis', date: '2026-01-15' }],
    ['juvenile CHIS approved on 1 June 2026', { rule: 'ripa-juvenile-chis', date: '2026-06-01' }],
    ['renewal of directed surveillance ending 31 Aug 2026', { rule: 'ripa-directed-surveillance-renewal', date: '2026-08-31' }],
    ['RIPA authorisation dated 23/12/2026: when must the copy reach the central register?', { rule: 'ripa-register-copy', date: '2026-12-23' }],
    ['FOI received today', { rule: 'foi', date: TODAY }],
  ])('%s', (question, expected) => {
    expect(parseDeadlineQuestion(question, TODAY)).toEqual(expected);
  });

  it('resolves a date with no year to this year unless that is over 183 days ahead', () => {
    expect(parseDeadlineQuestion('FOI received 1 July', '2026-01-10')).toEqual({ rule: 'foi', date: '2026-07-01' }); // 172 days ahead
    expect(parseDeadlineQuestion('FOI received 15 July', '2026-01-10')).toEqual({ rule: 'foi', date: '2025-07-15' }); // 186 days ahead
    expect(parseDeadlineQuestion('FOI received 18 December', '2026-12-20')).toEqual({ rule: 'foi', date: '2026-12-18' });
  });

  it('returns null when there is no rule or no date', () => {
    expect(parseDeadlineQuestion('what was the FOI performance last year?', TODAY)).toBeNull();
    expect(parseDeadlineQuestion('what happened at the meeting on 15 September 2017?', TODAY)).toBeNull();
    expect(parseDeadlineQuestion('when is it due?', TODAY)).toBeNull();
  });

  it('leaves statistics and meeting questions that mention a rule and a date to the documents', () => {
    expect(parseDeadlineQuestion('How many FOI requests were received on 1 April 2022?', TODAY)).toBeNull();
    expect(parseDeadlineQuestion('What did the committee say about RIPA at the meeting on 25 October 2023?', TODAY)).toBeNull();
    expect(parseDeadlineQuestion('What percentage of complaints received by 31/03/2023 were answered in time?', TODAY)).toBeNull();
  });

  it('throws a plain InputError for an impossible date in a deadline question', () => {
    expect(() => parseDeadlineQuestion('FOI received 31/02/2026', TODAY)).toThrow(InputError);
  });

  it('does not read "20 working days" or "may" as dates', () => {
    expect(parseDeadlineQuestion('is an FOI due in 20 working days?', TODAY)).toBeNull();
    expect(parseDeadlineQuestion('when may 20 FOIs be late?', TODAY)).toBeNull();
  });

  it('picks the most specific rule', () => {
    expect(ruleFromKeywords('FOI internal review, extended')).toBe('foi-internal-review-extended');
    expect(ruleFromKeywords('CHIS renewal')).toBe('ripa-chis-renewal');
    expect(ruleFromKeywords('complaint to the ombudsman')).toBe('lgsco-ack');
    expect(ruleFromKeywords('hello')).toBeNull();
  });
});
