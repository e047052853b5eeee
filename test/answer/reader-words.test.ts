import { describe, expect, it } from 'vitest';
import { spells } from '../../src/answer/reader-words.js';

const gt = { term: 'gt', letters: 'GT', spelled: [] };

describe('a two-letter short form the papers never define', () => {
  it('is matched by a proper name mid-sentence whose initials it is', () => {
    expect(spells('The review by Grant Thornton found two significant failures.', new Set(), gt, 3)).toBe(true);
  });

  it('is not matched by the first words of a longer name', () => {
    expect(spells('It was reported to the General Teaching Council today.', new Set(), gt, 3)).toBe(false);
  });
});
