import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { currentVersionDir } from '../../src/index/index-files.js';
import { openStore } from '../../src/store/open-store.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const REPORT = 'The library service will open two new branches in the spring, funded from the capital programme agreed in February.';

/** The passage look-ups of the seam, on a two-file corpus: a report published on its own, and a pack reprinting it. */
describe('the embedded store through the PassageStore seam', () => {
  const dir = tempDir();
  let store: PassageStore;

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    const paras = Array.from({ length: 8 }, (_, i) => `${i + 1}. Section ${i + 1}\n\n${i + 1}.1 ${`Reading room ${i + 1} opens on weekdays and the mobile library visits each village in turn. `.repeat(12)}`);
    writeFileSync(join(corpusDir, 'report.txt'), `Kent County Council\n\nLibraries report\n\n${REPORT}\n\n${paras.join('\n\n')}\n`);
    writeFileSync(join(corpusDir, 'pack.txt'), `CABINET\n\nMonday, 3 July 2017\n\nAGENDA\n\n1. Apologies\n2. Libraries (Pages 1 - 9)\n\nKent County Council\n\nTo: Cabinet\n\nSubject: Libraries\n\n${REPORT}\n`);
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger: memoryLogger().logger });
    store = await openStore({ indexDir: join(dir, 'index') });
  });

  it('walks a file passage by passage and stops at its ends', async () => {
    const first = (await store.passage('report.txt#0'))!;
    const second = (await store.adjacent(first.id, 1))!;
    expect([second.source, await store.adjacent(first.id, -1), (await store.adjacent(second.id, -1))!.id]).toEqual(['report.txt', null, first.id]);
  });

  it('finds the passage holding a character offset', async () => {
    const second = (await store.adjacent('report.txt#0', 1))!;
    expect((await store.atOffset('report.txt', second.start + 1))!.id).toBe(second.id);
  });

  it('finds a quote in a paper published on its own, outside the pack that reprints it', async () => {
    expect((await store.findOriginal(REPORT, 'pack.txt'))!.source).toBe('report.txt');
  });

  it('lists each file among the places it holds', () => {
    expect(new Set(store.places().map((p) => p.source))).toEqual(new Set(['pack.txt', 'report.txt']));
  });

  it('returns no passage for an unknown id', async () => {
    expect(await store.passage('nowhere.txt#0')).toBeNull();
  });
});

describe('an index made by another version', () => {
  it('is refused with a sentence that says to ingest again', async () => {
    const dir = tempDir();
    const corpusDir = join(dir, 'corpus');
    const indexDir = join(dir, 'index');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'a.txt'), 'Example Borough Council\n\nThe allotment rents for 2025 were frozen by the Cabinet.\n');
    await buildIndex({ corpusDir, indexDir, logger: memoryLogger().logger });
    const manifest = join((await currentVersionDir(indexDir))!, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), formatVersion: 3 }));
    await expect(openStore({ indexDir })).rejects.toMatchObject({ userMessage: 'The index was made by another version of the assistant: run `npm run ingest` to build it again.' });
  });
});

describe('an index of this format from before passage texts had their own file', () => {
  it('is refused with a sentence that says to ingest again', async () => {
    const dir = tempDir();
    const corpusDir = join(dir, 'corpus');
    const indexDir = join(dir, 'index');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'a.txt'), 'Example Borough Council\n\nThe allotment rents for 2025 were frozen by the Cabinet.\n');
    await buildIndex({ corpusDir, indexDir, logger: memoryLogger().logger });
    const version = (await currentVersionDir(indexDir))!;
    rmSync(join(version, 'texts.bin'));
    await expect(openStore({ indexDir })).rejects.toMatchObject({ userMessage: 'The index was made by another version of the assistant: run `npm run ingest` to build it again.' });
  });

  it('is built again by the next ingest', async () => {
    const dir = tempDir();
    const corpusDir = join(dir, 'corpus');
    const indexDir = join(dir, 'index');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'a.txt'), 'Example Borough Council\n\nThe allotment rents for 2025 were frozen by the Cabinet.\n');
    await buildIndex({ corpusDir, indexDir, logger: memoryLogger().logger });
    const manifest = join((await currentVersionDir(indexDir))!, 'manifest.json');
    const old = JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, unknown>[] };
    writeFileSync(manifest, JSON.stringify({ ...old, files: old.files.map(({ texts: _texts, ...f }) => f) }));
    await buildIndex({ corpusDir, indexDir, logger: memoryLogger().logger });
    const store = await openStore({ indexDir });
    expect((await store.passage('a.txt#0'))?.text).toContain('allotment rents');
  });
});
