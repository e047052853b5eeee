import { describe, expect, it } from 'vitest';
import { stem } from '../../src/index/tokenize.js';
import { correctTypos } from '../../src/understand/correct-typos.js';

const vocabulary = (words: string[]) => {
  const known = new Set(words.map((w) => stem(w.toLowerCase())));
  return { known: (t: string) => known.has(t), idf: () => 1 };
};
const papers = vocabulary(['parking', 'review', 'Northridge', 'Penybanc', 'dau', 'berry']);

describe('misspelt and mutated words in a question', () => {
  it('reads a word one slip from a word the papers use as that word', () => {
    expect(correctTypos('the parking reveiw', papers)).toBe('the parking review');
  });

  it('leaves a capitalised name as typed, though the papers name a place one letter away', () => {
    expect(correctTypos('What does Northbridge charge?', papers)).toBe('What does Northbridge charge?');
  });

  it('leaves an English name one letter from a word the papers use, where no Welsh word mutates it', () => {
    expect(correctTypos('When does the Ferry service start?', papers)).toBe('When does the Ferry service start?');
  });

  it('reads a mutated Welsh word as the word the papers write', () => {
    expect(correctTypos('y ddau ddyfynbris ym Mhenybanc', papers)).toBe('y dau ddyfynbris ym Penybanc');
  });
});
