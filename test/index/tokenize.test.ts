import { describe, expect, it } from 'vitest';
import { terms } from '../../src/index/tokenize.js';

describe('search terms', () => {
  it('read a four-letter plural as its word, and leave words that only end in s', () => {
    expect(terms('fees pays cars bias plus axis')).toEqual(['fee', 'pay', 'car', 'bias', 'plus', 'axis']);
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
