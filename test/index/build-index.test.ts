import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import type { Embedder } from '../../src/index/embedder.js';
import { LocalEmbedder } from '../../src/index/local-embedder.js';
import { openStore, openStoreWriter } from '../../src/store/open-store.js';
import { passagesOf, sourcesOf } from '../helpers/stored-passages.js';
import { isIndexStale } from '../../src/index/open-index.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const CORPUS = new URL('../../corpus/', import.meta.url).pathname;

function corpusCopy(dir: string, names: string[]): string {
  const out = join(dir, 'corpus');
  mkdirSync(out, { recursive: true });
  for (const n of names) copyFileSync(join(CORPUS, n), join(out, n));
  return out;
}

describe('buildIndex', () => {
  const dir = tempDir();
  const corpusDir = corpusCopy(dir, ['000_1f87ef84fb8f7cad.txt', '001_952b029969f02f1c.txt']);
  const indexDir = join(dir, 'index');
  const { logger, lines } = memoryLogger();

  it('indexes every file, then re-ingests unchanged files with no parsing or embedding work', async () => {
    const first = await buildIndex({ corpusDir, indexDir, logger });
    expect(first).toMatchObject({ files: 2, indexed: 2, reused: 0, skipped: [] });
    expect(first.embedded).toBe(first.chunks);
    const second = await buildIndex({ corpusDir, indexDir, logger });
    expect(second).toMatchObject({ files: 2, indexed: 0, reused: 2, embedded: 0, chunks: first.chunks });
    expect(await isIndexStale(corpusDir, indexDir, (await openStore({ indexDir })).embedderId)).toBe(false);
  });

  it('replaces a changed file and drops a removed one', async () => {
    writeFileSync(join(corpusDir, '001_952b029969f02f1c.txt'), 'Kent County Council\n\nThe new scrutiny protocol was adopted on 1 May 2024 by the Scrutiny Committee.\n');
    expect(await isIndexStale(corpusDir, indexDir, 'local-tfidf-hash-v1:768')).toBe(true);
    const changed = await buildIndex({ corpusDir, indexDir, logger });
    expect(changed).toMatchObject({ indexed: 1, reused: 1 });
    expect(changed.embedded).toBe(1);
    let store = await openStore({ indexDir });
    expect(await passagesOf(store, '001_952b029969f02f1c.txt')).toHaveLength(1);
    rmSync(join(corpusDir, '001_952b029969f02f1c.txt'));
    await buildIndex({ corpusDir, indexDir, logger });
    store = await openStore({ indexDir });
    expect(sourcesOf(store)).toEqual(new Set(['000_1f87ef84fb8f7cad.txt']));
    expect((await openStoreWriter({ indexDir }).then((w) => w.files())).map((f) => f.name)).toEqual(['000_1f87ef84fb8f7cad.txt']);
  });

  it('skips empty, binary, corrupt and unsupported files by name with the reason, and indexes the rest', async () => {
    writeFileSync(join(corpusDir, 'empty.txt'), '');
    writeFileSync(join(corpusDir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    writeFileSync(join(corpusDir, 'broken.pdf'), '%PDF-1.4\nthis is not really a pdf');
    writeFileSync(join(corpusDir, 'slides.pptx'), 'PK whatever');
    const report = await buildIndex({ corpusDir, indexDir, logger });
    expect(report.skipped.map((s) => s.file).sort()).toEqual(['broken.pdf', 'empty.txt', 'image.txt', 'slides.pptx']);
    expect(report.skipped.find((s) => s.file === 'empty.txt')!.reason).toBe('empty.txt: is empty');
    expect(report.skipped.find((s) => s.file === 'image.txt')!.reason).toMatch(/binary/);
    expect(report.skipped.find((s) => s.file === 'broken.pdf')!.reason).toMatch(/could not be read as a PDF/);
    expect(report.skipped.find((s) => s.file === 'slides.pptx')!.reason).toMatch(/unsupported file type/);
    expect((await openStore({ indexDir })).size).toBeGreaterThan(100);
    expect(lines().filter((l) => l.msg === 'file skipped').map((l) => l.file)).toContain('broken.pdf');
    for (const f of ['empty.txt', 'image.txt', 'broken.pdf', 'slides.pptx']) rmSync(join(corpusDir, f));
  });

  it('logs one line per skipped file without its stack, and remembers it by hash so an unchanged re-ingest reads nothing', async () => {
    writeFileSync(join(corpusDir, 'broken.pdf'), '%PDF-1.4\nthis is not really a pdf');
    const { logger: log, lines: logged } = memoryLogger();
    await buildIndex({ corpusDir, indexDir, logger: log });
    const warned = logged().filter((l) => l.msg === 'file skipped');
    expect(warned).toEqual([expect.objectContaining({ file: 'broken.pdf', reason: expect.stringMatching(/could not be read as a PDF/) })]);
    expect(warned[0]).not.toHaveProperty('err');
    const again = await buildIndex({ corpusDir, indexDir, logger: log });
    expect(again).toMatchObject({ indexed: 0, embedded: 0, skipped: [{ file: 'broken.pdf', reason: warned[0]!.reason }] });
    expect(logged().at(-1)!.msg).toBe('index up to date');
    rmSync(join(corpusDir, 'broken.pdf'));
  });

  it('keeps the previous index usable when a build is interrupted', async () => {
    const before = await openStore({ indexDir });
    const dims = 768;
    writeFileSync(join(corpusDir, 'new.txt'), 'Kent County Council\n\nA brand new paragraph about allotments and their rents.\n');
    const failing: Embedder = {
      id: before.embedderId,
      dims,
      embedDocuments: async () => {
        throw new Error('power cut');
      },
      embedQuery: async () => new Float32Array(dims),
    };
    await expect(buildIndex({ corpusDir, indexDir, logger, embedder: failing })).rejects.toThrow('power cut');
    // A half-written version folder left behind by a crash must not be picked up either.
    mkdirSync(join(indexDir, 'v-0-crashed'));
    const after = await openStore({ indexDir });
    expect(after.size).toBe(before.size);
    const hits = await after.search('How long must RIPA records be kept?');
    expect(hits.length).toBeGreaterThan(0);
    await buildIndex({ corpusDir, indexDir, logger });
    expect(readdirSync(indexDir).filter((d) => d.startsWith('v-'))).toHaveLength(1);
    rmSync(join(corpusDir, 'new.txt'));
  });

  it('rebuilds everything when the embedder changes', async () => {
    const other = LocalEmbedder.fit(['a few words'], 64);
    const report = await buildIndex({ corpusDir, indexDir, logger, embedder: other });
    expect(report.reused).toBe(0);
    expect(report.embedded).toBe(report.chunks);
    await expect(openStore({ indexDir })).resolves.toBeTruthy();
    expect((await openStore({ indexDir, embedder: other })).embedderId).toBe(other.id);
  });
});
