import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionStatus, findRefs, findRefTitles, mentionsRef, opinionLevel, readOpinionLine, readPriority, readProspects, sentenceSpans } from '../../src/audit/audit-text.js';

describe('audit wording', () => {
  it('finds references in the forms councils use, but not dates or years', () => {
    expect(findRefs('F4. CA07-2023 – Procurement and RB21/2023, IA/24/03, AUD-2023-07')).toEqual(['CA07-2023', 'RB21/2023', 'IA/24/03', 'AUD-2023-07']);
    expect(findRefs('On 2023-10-25 the 2022-23 report, CFT-02, CRR0055')).toEqual([]);
  });

  it('matches a reference by its head in any spelling', () => {
    for (const q of ['CA07', 'ca07', 'CA 07', 'CA7', 'CA07-2023']) expect(mentionsRef(`what did ${q} say?`, 'CA07-2023')).toBe(true);
    expect(mentionsRef('what did CA070 say?', 'CA07-2023')).toBe(false);
    expect(mentionsRef('RCA07 results', 'CA07-2023')).toBe(false);
  });

  it('reads opinions and prospects in whatever words', () => {
    expect(readOpinionLine('Audit Opinion\tLIMITED')).toBe('LIMITED');
    expect(readOpinionLine('Audit Opinion LIMITED')).toBe('LIMITED');
    expect(readOpinionLine('Assurance level: Reasonable')).toBe('Reasonable');
    expect(readOpinionLine('Overall opinion - No assurance')).toBe('No assurance');
    expect(readOpinionLine('Opinion of the committee on the budget')).toBeNull();
    expect(['Substantial', 'Adequate', 'Reasonable', 'Limited', 'No assurance', 'Nil'].map(opinionLevel)).toEqual(['substantial', 'adequate', 'adequate', 'limited', 'none', 'none']);
    expect(readProspects('Prospects for Improvement\tVERY GOOD')).toBe('VERY GOOD');
    expect(readProspects('Our overall opinion of **Good** for Prospects for Improvement is based on the following factors:')).toBe('Good');
  });

  it('reads a printed priority but not a finding that ends in the word "low"', () => {
    expect(readPriority('The records being input are accurate. Medium')).toEqual({ level: 'medium', label: 'Medium', text: 'The records being input are accurate.' });
    expect(readPriority('Key information was not documented. **High**')?.level).toBe('high');
    expect(readPriority('Starters had no contracts. (Medium)')?.level).toBe('medium');
    expect(readPriority('High: overtime was not approved')?.text).toBe('overtime was not approved');
    expect(readPriority('Take-up of the training remains low')).toBeNull();
  });

  it('reads titles printed with references and the status of actions', () => {
    expect(findRefTitles("In relation to 'CS05-2023 Social Care Debt Recovery', and CA07-2023 (Procurement)")).toEqual([
      { ref: 'CS05-2023', title: 'Social Care Debt Recovery' },
      { ref: 'CA07-2023', title: 'Procurement' },
    ]);
    expect(actionStatus('3 Overdue')).toBe('overdue');
    expect(actionStatus('All actions have been implemented.')).toBe('implemented');
    expect(actionStatus('The Division is currently undertaking an array of activity')).toBe('in-progress');
    expect(actionStatus('Further reports will be provided.')).toBe('planned');
  });

  it('splits any text into sentence spans that cover only its sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Alpha beta.', 'Gamma 2.5 delta!', 'Is it? ', 'No.', ' ', 'e.g. this'), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        let last = 0;
        for (const [a, b] of sentenceSpans(text)) {
          expect(a).toBeGreaterThanOrEqual(last);
          expect(b).toBeGreaterThan(a);
          expect(text.slice(a, b).trim()).not.toBe('');
          last = b;
        }
      }),
    );
  });
});
