import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileWrite } from '../../../src/retrieve/passage-store.js';
import type { Database } from '../../../src/store/postgres/database.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { PostgresWriter } from '../../../src/store/postgres/postgres-writer.js';
import { chunk, fakeEmbedder, handleOn, testEngines } from '../../helpers/postgres-engines.js';

const META = { parserVersion: 'test', embedder: { id: fakeEmbedder.id, dims: fakeEmbedder.dims }, extractors: '', embedderState: null };

function file(name: string, texts: string[], extra: Partial<FileWrite> = {}): FileWrite {
  const chunks = texts.map((t, i) => chunk(name, i, t));
  return {
    entry: { name, hash: `hash-${texts.join('|').length}`, bytes: 100, status: 'indexed', reason: null, chunks: chunks.length },
    chunks,
    vectors: chunks.map((c) => fakeEmbedder.embed(c.indexText)),
    records: {},
    glossary: {},
    ...extra,
  };
}

/** The stored document frequencies, and the same counted again from the passages. */
async function dfAndRecount(db: Database): Promise<[unknown, unknown]> {
  const stored = await db.query('SELECT term, df FROM term_stats WHERE df > 0 ORDER BY term');
  const recount = await db.query('SELECT t AS term, count(*)::int AS df FROM passages, unnest(terms) AS t GROUP BY t ORDER BY t');
  return [stored, recount];
}

describe.each(testEngines())('PostgreSQL store writes on $name', (engine) => {
  let db: Database;
  let writer: PostgresWriter;

  async function write(...files: FileWrite[]): Promise<void> {
    const batch = await writer.begin();
    for (const f of files) await batch.replaceFile(f);
    await batch.commit(META);
  }

  beforeAll(async () => {
    db = await engine.open();
    writer = await PostgresWriter.open(handleOn(db), { location: 'test', vectors: engine.vectors });
    await write(file('a.txt', ['The library opens on Saturdays.', 'Parking charges rise in April.', 'The budget is balanced.']));
  });
  afterAll(async () => {
    await writer.close();
    await db.close();
  });

  it('gives back a passage exactly as it was written', async () => {
    const store = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
    expect(await store.passage('a.txt#1')).toEqual(chunk('a.txt', 1, 'Parking charges rise in April.'));
  });

  it('replaces every passage of a file written again', async () => {
    await write(file('b.txt', ['Old flood defences.', 'Old school meals.', 'Old waste rounds.']));
    await write(file('b.txt', ['New flood defences.']));
    const rows = await db.query<{ text: string }>("SELECT text FROM passages WHERE source = 'b.txt' ORDER BY ord");
    expect(rows.map((r) => r.text)).toEqual(['New flood defences.']);
  });

  it('keeps the document frequencies equal to a recount after files are replaced and removed', async () => {
    await write(file('c.txt', ['Housing repairs backlog.', 'Housing waiting list.']));
    await write(file('c.txt', ['Housing repairs cleared.']));
    const batch = await writer.begin();
    await batch.removeFile('b.txt');
    await batch.commit(META);
    const [stored, recount] = await dfAndRecount(db);
    expect(stored).toEqual(recount);
  });

  it('leaves the old file whole when writing its new version fails', async () => {
    await write(file('d.txt', ['Waste collection moves to fortnightly.']));
    const broken = file('d.txt', ['First new passage.', 'Second new passage.']);
    broken.chunks = broken.chunks.map((c) => ({ ...c, id: 'd.txt#same' }));
    await expect(write(broken)).rejects.toThrow();
    const rows = await db.query<{ text: string }>("SELECT text FROM passages WHERE source = 'd.txt'");
    expect(rows.map((r) => r.text)).toEqual(['Waste collection moves to fortnightly.']);
  });

  it('removes a file with its records and glossary', async () => {
    await write(file('e.txt', ['School transport policy.'], { records: { kpi: [{ code: 'E1' }] }, glossary: { SEN: 'Special Educational Needs' } }));
    const batch = await writer.begin();
    await batch.removeFile('e.txt');
    await batch.commit(META);
    const rows = await db.query("SELECT source FROM records WHERE source = 'e.txt' UNION ALL SELECT source FROM glossary WHERE source = 'e.txt'");
    expect(rows).toEqual([]);
  });

  it('returns records of a kind in file order, and the glossary with the first file defining a short form winning', async () => {
    await write(
      file('f2.txt', ['Second file.'], { records: { kpi: [{ code: 'F2' }] }, glossary: { CIL: 'Community Infrastructure Levy (second)' } }),
      file('f1.txt', ['First file.'], { records: { kpi: [{ code: 'F1a' }, { code: 'F1b' }] }, glossary: { CIL: 'Community Infrastructure Levy' } }),
    );
    const store = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
    expect([store.records('kpi'), store.glossary.CIL]).toEqual([[{ code: 'F1a' }, { code: 'F1b' }, { code: 'F2' }], 'Community Infrastructure Levy']);
  });

  it('walks a file passage by passage and stops at its ends', async () => {
    const store = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
    expect([(await store.adjacent('a.txt#0', 2))!.id, await store.adjacent('a.txt#2', 1), (await store.adjacent('a.txt#1', -1))!.id]).toEqual(['a.txt#2', null, 'a.txt#0']);
  });

  it('finds the passage of a file holding a character offset', async () => {
    const store = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
    expect((await store.atOffset('a.txt', 1005))!.id).toBe('a.txt#1');
  });

  it('finds a quote in a paper published on its own rather than in the pack reprinting it', async () => {
    const quote = 'The mobile library visits each village in turn every fortnight.';
    await write(
      file('g-pack.txt', [quote]),
      { ...file('g-report.txt', [quote]), chunks: [chunk('g-report.txt', 0, quote, { docType: 'document' })] },
    );
    const store = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
    expect((await store.findOriginal(quote, 'g-pack.txt'))!.source).toBe('g-report.txt');
  });

  it('shows another replica a file written after it opened, once it refreshes', async () => {
    const replica = await PostgresStore.open(handleOn(db), { embedder: fakeEmbedder });
    await write(file('h.txt', ['Flood wardens recruited.']));
    await replica.refresh(true);
    expect(replica.places().some((p) => p.source === 'h.txt')).toBe(true);
  });
});
