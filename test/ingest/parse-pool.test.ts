import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusFiles } from '../../src/ingest/parse-pool.js';
import { defaultExtractors } from '../../src/runtime.js';
import { tempDir } from '../helpers/temp-dir.js';

const CORPUS = new URL('../../corpus/', import.meta.url).pathname;

/** Files parsed in worker threads come back as the same passages, records and skip reasons as in one thread. */
describe('parsing corpus files in workers', () => {
  const dir = tempDir();
  const names: string[] = [];
  for (const n of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    for (const copy of [1, 2]) {
      copyFileSync(join(CORPUS, n), join(dir, `${copy}-${n}`));
      names.push(`${copy}-${n}`);
    }
  }
  writeFileSync(join(dir, 'empty.txt'), '   \n');
  names.push('empty.txt');
  mkdirSync(join(dir, 'not-a-file.txt'));
  names.push('not-a-file.txt');
  const files = names.map((name) => ({ path: join(dir, name), name }));
  const options = { defaultCouncil: null };

  it('gives what one thread gives, in the files’ order', async () => {
    const strip = (o: Awaited<ReturnType<typeof readCorpusFiles>>): unknown => o.map((x) => ('file' in x ? x.file : x.reason));
    const [inWorkers, inOne] = await Promise.all([readCorpusFiles(files, options, defaultExtractors(), 2), readCorpusFiles(files, options, defaultExtractors(), 0)]);
    expect(strip(inWorkers)).toEqual(strip(inOne));
  });
});
