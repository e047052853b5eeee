import { describe, expect, it } from 'vitest';
import { rerank } from '../../src/retrieve/rerank.js';
import type { Chunk } from '../../src/parse/parse-document.js';
import type { SearchHit } from '../../src/retrieve/passage-store.js';
import { readQuestion } from '../../src/understand/read-question.js';
import { buildScopeRegistry } from '../../src/understand/scope-registry.js';

function hit(id: string, text: string, score: number): SearchHit {
  const chunk: Chunk = {
    id, source: 'paper.txt', start: 0, end: text.length, text, indexText: text, dupKey: id, tableHeader: null,
    place: { source: 'paper.txt', council: null, committee: null, meetingDate: null, item: null, itemNumber: null, page: null, paragraph: null, section: null, docType: 'report', url: null },
  };
  return { chunk, score, vectorRank: 0, keywordRank: 0 };
}

describe('reranking fused passages', () => {
  it('puts the passage holding the question and its amount above one that only ranked higher', () => {
    const reading = readQuestion('How much will the bus gate exemption cost?', { registry: buildScopeRegistry([], {}) });
    const hits = [
      hit('intro', 'The report seeks approval of an exemption package.', 0.033),
      hit('costs', 'The bus gate exemption will cost about £27,500 to set up.', 0.029),
    ];
    expect(rerank(hits, reading, { idf: () => 3, known: () => true })[0]!.chunk.id).toBe('costs');
  });
});
