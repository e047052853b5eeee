import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/parse/parse-document.js';
import { readQuestion } from '../../src/understand/read-question.js';
import { outOfScope, sentenceInPeriod } from '../../src/understand/scope-check.js';
import { namedPeriods } from '../../src/understand/question-dates.js';
import { buildScopeRegistry } from '../../src/understand/scope-registry.js';
import type { Place } from '../../src/types.js';

const place = (council: string | null): Place => ({
  source: 'paper.txt', council, committee: null, meetingDate: null, item: null, itemNumber: null, page: null, paragraph: null, section: null, docType: 'constitution', url: null,
});
const chunk = (council: string | null, source = 'paper.txt'): Chunk => ({ id: `${source}#0`, source, start: 0, end: 10, text: 'Monitoring Officer', indexText: 'Monitoring Officer', place: place(council), dupKey: 'k', tableHeader: null });
const registry = buildScopeRegistry([place('Riverton City Council'), place('Northshire County Council')], {});

describe('what keeps a passage out of a question\'s scope', () => {
  it('puts out of scope a paper that names no council when the question names one', () => {
    expect(outOfScope(chunk(null), readQuestion("Who is Riverton City Council's Monitoring Officer?", { registry }), registry)).toBe('council');
  });

  it('takes a paper that names no council as the council its file name names', () => {
    expect(outOfScope(chunk(null, 'riverton/constitution_part-3-4.txt'), readQuestion("Who is Riverton City Council's Monitoring Officer?", { registry }), registry)).toBe(null);
  });

  it('takes a community council\'s minutes in Welsh as the council\'s own when its English name is held too', () => {
    const both = buildScopeRegistry([place('Llan and Bryn Community Council'), place('Cyngor Cymuned Llan a Bryn')], {});
    expect(outOfScope(chunk('Cyngor Cymuned Llan a Bryn'), readQuestion('Who chaired Llan and Bryn Community Council in June?', { registry: both }), both)).toBe(null);
  });

  it('puts another council\'s paper out of scope', () => {
    expect(outOfScope(chunk('Northshire County Council'), readQuestion("Who is Riverton City Council's Monitoring Officer?", { registry }), registry)).toBe('council');
  });
});

describe('whether a sentence speaks of the period asked about', () => {
  it('takes a sentence dated by months of other years as about another period', () => {
    expect(sentenceInPeriod('From April 2023 until March 2024 the council deployed 35 officers.', chunk(null), namedPeriods('in 2019/20')[0]!)).toBe(false);
  });
});
