import { describe, expect, it } from 'vitest';
import { terms } from '../../src/index/tokenize.js';

describe('search terms', () => {
  it('read a four-letter plural as its word, and leave words that only end in s', () => {
    expect(terms('fees pays cars bias plus axis')).toEqual(['fee', 'pay', 'car', 'bias', 'plus', 'axis']);
  });

  it('read a figure run into its unit as the figure and the unit ("20mph" is "20 mph"), ordinals and decades as written', () => {
    expect(terms('20mph 5km 2nd 1990s')).toEqual(['20', 'mph', '5', 'km', '2nd', '1990s']);
  });

  it('drop "according" as a word that carries nothing', () => {
    expect(terms('according to the report')).toEqual(['report']);
  });
});

describe('search terms of casual and Welsh questions', () => {
  it('drop casual filler and common Welsh function words', () => {
    expect(terms('was getting rid of it agreed? Faint oedd y pris?')).toEqual(['agre', 'pris']);
  });
});

describe('a label and its letter', () => {
  it('make one term ("Band D")', () => {
    expect(terms('the Band D council tax')).toEqual(['band', 'council', 'tax', 'band0d']);
  });

  it('are not read into a lower-case article ("the plan a council adopted")', () => {
    expect(terms('the plan a council adopted')).toEqual(['plan', 'council', 'adopt']);
  });
});
