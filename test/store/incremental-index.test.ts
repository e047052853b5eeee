import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { currentVersionDir } from '../../src/index/index-files.js';
import { vectorBlockFile } from '../../src/index/load-index.js';
import { TEXTS } from '../../src/index/passage-texts.js';
import { openStore, openStoreWriter } from '../../src/store/open-store.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const CORPUS = new URL('../../corpus/', import.meta.url).pathname;
const KEPT = '000_1f87ef84fb8f7cad.txt';
const CHANGED = '001_952b029969f02f1c.txt';

/** A fresh corpus folder holding copies of the named bundled files, and where its index goes. */
function corpusOf(files: readonly string[]): { corpusDir: string; indexDir: string; logger: ReturnType<typeof memoryLogger>['logger'] } {
  const dir = tempDir();
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir);
  for (const n of files) copyFileSync(join(CORPUS, n), join(corpusDir, n));
  return { corpusDir, indexDir: join(dir, 'index'), logger: memoryLogger().logger };
}

/** One changed file updates the index in place: the other files' segments are shared, not rewritten. */
describe('an incremental build', () => {
  const { corpusDir, indexDir, logger } = corpusOf([KEPT, CHANGED]);

  const segmentOf = async (name: string): Promise<string> => {
    const entry = (await (await openStoreWriter({ indexDir })).files()).find((f) => f.name === name) as { segment?: string };
    return join((await currentVersionDir(indexDir))!, 'segments', entry.segment!);
  };

  it('keeps an unchanged file as the same segment file (a hard link), and finds the changed file under new labels', async () => {
    await buildIndex({ corpusDir, indexDir, logger });
    const before = statSync(await segmentOf(KEPT)).ino;
    writeFileSync(join(corpusDir, CHANGED), 'Kent County Council\n\nThe allotment rents for 2025 were frozen by the Cabinet.\n');
    const report = await buildIndex({ corpusDir, indexDir, logger });
    const store = await openStore({ indexDir });
    const [top] = await store.search('allotment rents frozen');
    expect({ embedded: report.embedded, inode: statSync(await segmentOf(KEPT)).ino, source: top!.chunk.source }).toEqual({ embedded: 1, inode: before, source: CHANGED });
  });

  it('no longer finds the old text of a changed file', async () => {
    const store = await openStore({ indexDir });
    const hits = await store.search('scrutiny', { k: 50, filters: { source: CHANGED } });
    expect(hits.map((h) => h.chunk.text).filter((t) => !t.includes('allotment'))).toEqual([]);
  });
});

/** The local embedder's vectors are one block file per corpus file: an unchanged file's block is shared, not rewritten. */
describe('an incremental build of the vector blocks', () => {
  const { corpusDir, indexDir, logger } = corpusOf([KEPT, CHANGED]);

  it('keeps an unchanged file’s vector block as the same file (a hard link)', async () => {
    await buildIndex({ corpusDir, indexDir, logger });
    const blockOf = async (): Promise<number> => {
      const entry = (await (await openStoreWriter({ indexDir })).files()).find((f) => f.name === KEPT) as { firstLabel?: number };
      return statSync(join((await currentVersionDir(indexDir))!, 'segments', vectorBlockFile(entry.firstLabel!))).ino;
    };
    const before = await blockOf();
    writeFileSync(join(corpusDir, CHANGED), 'Kent County Council\n\nThe allotment rents for 2025 were frozen by the Cabinet.\n');
    await buildIndex({ corpusDir, indexDir, logger });
    expect(await blockOf()).toBe(before);
  });
});

/** Passages' texts live in one file, appended to by each version and read when needed. */
describe('the passages’ texts file', () => {
  const { corpusDir, indexDir, logger } = corpusOf([KEPT]);
  const texts = async (): Promise<string> => join((await currentVersionDir(indexDir))!, TEXTS);

  it('still gives a store its passages after a newer version has replaced the store’s folder', async () => {
    writeFileSync(join(corpusDir, 'rents.txt'), 'Example Borough Council\n\nThe allotment rents for 2025 were frozen by the Cabinet.\n');
    await buildIndex({ corpusDir, indexDir, logger });
    const old = await openStore({ indexDir });
    const [hit] = await old.search('allotment rents frozen');
    writeFileSync(join(corpusDir, 'rents.txt'), 'Example Borough Council\n\nThe allotment rents for 2026 rise by 3%.\n');
    await buildIndex({ corpusDir, indexDir, logger });
    expect((await old.passage(hit!.chunk.id))!.text).toContain('were frozen by the Cabinet');
  });

  it('is written afresh, with only the live texts, once most of it is texts of files no longer indexed', async () => {
    rmSync(join(corpusDir, KEPT));
    const before = statSync(await texts()).size;
    await buildIndex({ corpusDir, indexDir, logger });
    const store = await openStore({ indexDir });
    const [hit] = await store.search('allotment rents rise');
    expect({ smaller: statSync(await texts()).size < before / 10, text: hit!.chunk.text }).toEqual({ smaller: true, text: 'Example Borough Council\n\nThe allotment rents for 2026 rise by 3%.' });
  });
});
