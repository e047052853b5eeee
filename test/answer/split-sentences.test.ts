import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/answer/split-sentences.js';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it("does not split at a person's initials", () => {
    expect(sentences('It was proposed by Cllr. J. Davies, seconded by Cllr. A. Thomas and approved. The Clerk then left.')).toEqual([
      'It was proposed by Cllr. J. Davies, seconded by Cllr. A. Thomas and approved.',
      'The Clerk then left.',
    ]);
  });

  it('goes on past a page break inside a sentence, over the page number and running lines', () => {
    const text = 'Blue Badge holders will have West End Car Park as an alternative, and both West\nTemplate approved March 25\nPage 71\nOFFICIAL\nEnd Car Park and Triangle South are accessible.';
    const running = new Set(['Template approved March 25', 'OFFICIAL']);
    expect(splitSentences(text, (line) => running.has(line)).map((s) => text.slice(s.start, s.end))).toEqual([text]);
  });

  it('reads the last line of a passage as a table row when it is one', () => {
    const text = 'Risk No.\tRisk Title\tCurrent Rating\nCRR0042\tBorder fluidity\tHigh (25)';
    expect(splitSentences(text).at(-1)!.row).toBe(true);
  });

  it('does not split at "c." for circa', () => {
    expect(sentences('Parking is falling short of its income target by c. £4m this year. The next report is due in June.')).toHaveLength(2);
  });

  it('splits at the end of a sentence that ends in a capital letter', () => {
    expect(sentences('The programme was rated RAG status A. The next report is due in June.')).toHaveLength(2);
  });
});
