import { describe, expect, it } from 'vitest';
import { answerCorrect, EvalItemSchema } from '../../src/eval/score-answer.js';
import type { Answer } from '../../src/types.js';

const answer = (text: string): Answer => ({ question: 'q', kind: 'answer', answer: text, citations: [], retrieved: [], notes: [], timings: { totalMs: 1 } });

describe('scoring an answer against must_include', () => {
  it('compares after normalising, as the eval README says ("14-day" holds "14 day")', () => {
    const item = EvalItemSchema.parse({ id: 'x', category: 'policy', question: 'q', answer: 'a', must_include: [['14 day']], sources: [{ file: 'f.txt', quote: 'q' }] });
    expect(answerCorrect(item, answer('Challenges have a maximum of a 14-day turnaround. [1]'))).toBe(true);
  });
});
