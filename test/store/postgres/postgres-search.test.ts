import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileWrite } from '../../../src/retrieve/passage-store.js';
import type { Chunk } from '../../../src/parse/parse-document.js';
import type { Database } from '../../../src/store/postgres/database.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { PostgresWriter } from '../../../src/store/postgres/postgres-writer.js';
import { chunk, fakeEmbedder, handleOn, testEngines } from '../../helpers/postgres-engines.js';

const META = { parserVersion: 'test', embedder: { id: fakeEmbedder.id, dims: fakeEmbedder.dims }, extractors: '', embedderState: null };

function file(name: string, chunks: Chunk[]): FileWrite {
  return {
    entry: { name, hash: name, bytes: 1, status: 'indexed', reason: null, chunks: chunks.length },
    chunks,
    vectors: chunks.map((c) => fakeEmbedder.embed(c.indexText)),
    records: {},
    glossary: {},
  };
}

const filler = (source: string, n: number): Chunk[] =>
  Array.from({ length: n }, (_, i) => chunk(source, i, `Item ${i}: the committee noted the minutes of the previous meeting and the report.`, { council: 'North Council' }));

describe.each(testEngines())('hybrid search on $name', (engine) => {
  let db: Database;
  let store: PostgresStore;

  beforeAll(async () => {
    db = await engine.open();
    const writer = await PostgresWriter.open(handleOn(db), { location: 'test', vectors: engine.vectors });
    const batch = await writer.begin();
    await batch.replaceFile(file('north.txt', [
      ...filler('north.txt', 6),
      chunk('north.txt', 6, 'Members approved the arboricultural survey of street trees.', { council: 'North Council' }),
      chunk('north.txt', 7, 'The parking budget was reviewed.', { council: 'North Council', committee: 'Transport Committee', meetingDate: '2024-01-10' }),
    ]));
    await batch.replaceFile(file('south.txt', [
      chunk('south.txt', 0, 'The arboricultural survey of street trees was deferred.', { council: 'South Council' }),
      chunk('south.txt', 1, 'The parking budget was reviewed.', { council: 'South Council', committee: 'Finance Committee', meetingDate: '2024-01-10' }),
      chunk('south.txt', 2, 'A constitution part on arboricultural matters names no council.', { council: null }),
      chunk('south.txt', 3, 'The consultation on the highway scheme closed in March.', { council: 'South Council' }),
    ]));
    // A report published on its own and the same text reprinted in a pack: one passage, shown as the original.
    const text = 'The library refurbishment budget of two million pounds was agreed unanimously.';
    await batch.replaceFile(file('pack.txt', [chunk('pack.txt', 0, text, { docType: 'report' }, { dupKey: 'same-text', reprint: true })]));
    await batch.replaceFile(file('report.txt', [chunk('report.txt', 0, text, { docType: 'document' }, { dupKey: 'same-text', reprint: false })]));
    await batch.commit(META);
    await writer.close();
    store = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
  });
  afterAll(() => db.close());

  it('ranks first the passage sharing the query\'s rarest word', async () => {
    const hits = await store.search('arboricultural survey', { k: 3 });
    expect(hits[0]!.chunk.text).toContain('arboricultural survey');
  });

  it('matches words as the project tokenizer reads them: "consultant" is not "consultation"', async () => {
    const hits = await store.search('consultant', { k: 10 });
    expect(hits.filter((h) => h.keywordRank !== null).map((h) => h.chunk.text)).toEqual([]);
  });

  it('keeps only the named councils\' passages and those of no council', async () => {
    const hits = await store.search('arboricultural', { k: 10, filters: { councils: ['South Council'] } });
    expect([...new Set(hits.map((h) => h.chunk.place.council ?? 'none'))].sort()).toEqual(['South Council', 'none']);
  });

  it('filters by committee name substring and meeting date range', async () => {
    const hits = await store.search('parking budget', { k: 10, filters: { committee: 'transport', from: '2024-01-01', to: '2024-01-31' } });
    expect(hits.map((h) => h.chunk.id)).toEqual(['north.txt#7']);
  });

  it('returns a passage reprinted in a pack once, as the paper published on its own', async () => {
    const hits = await store.search('library refurbishment', { k: 10 });
    expect(hits.filter((h) => h.chunk.dupKey === 'same-text').map((h) => h.chunk.source)).toEqual(['report.txt']);
  });

  it('lifts the preferred scope above the same text outside it', async () => {
    const hits = await store.search('parking budget reviewed', { k: 2, prefer: { committees: ['Finance Committee'] } });
    expect(hits[0]!.chunk.id).toBe('south.txt#1');
  });

  it('does not lift a passage of no council as inside a preferred council', async () => {
    const score = async (prefer?: { councils: string[] }): Promise<number | undefined> =>
      (await store.search('arboricultural', { k: 10, prefer })).find((h) => h.chunk.id === 'south.txt#2')?.score;
    expect(await score({ councils: ['South Council'] })).toBe(await score());
  });

  it.skipIf(!engine.vectors)('finds by vector a passage that shares no word with the query', async () => {
    // "school" and "waste" are one fake dimension each; no passage has them, so only vectors can rank.
    const hits = await store.search('library', { k: 1 });
    expect(hits[0]!.vectorRank).toBe(0);
  });

  it.skipIf(!engine.vectors)('fuses the vector and keyword rankings of one passage', async () => {
    const hits = await store.search('library refurbishment budget', { k: 1 });
    expect([hits[0]!.vectorRank, hits[0]!.keywordRank]).toEqual([0, 0]);
  });
});
