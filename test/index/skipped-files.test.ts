import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('files the ingest skips, with a reason an officer understands', () => {
  const dir = tempDir('skipped-');
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, 'minutes.txt'), 'Audit Committee\n\nThe committee noted the internal audit annual report.\n');
  const { logger } = memoryLogger();

  it('skips an HTML file nested 60,000 deep as too deeply nested to read', async () => {
    writeFileSync(join(corpusDir, 'deep.html'), `${'<div>'.repeat(60_000)}text${'</div>'.repeat(60_000)}`);
    const report = await buildIndex({ corpusDir, indexDir: join(dir, 'index-deep'), logger });
    expect(report.skipped).toEqual([{ file: 'deep.html', reason: 'deep.html: is too deeply nested to read (more than 1000 levels of HTML elements inside each other)' }]);
  });

  it('reports a symbolic link as skipped, with the reason, and does not follow it', async () => {
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'Secret text from outside the corpus folder.\n');
    symlinkSync(outside, join(corpusDir, 'link.txt'));
    const report = await buildIndex({ corpusDir, indexDir: join(dir, 'index-link'), logger });
    expect(report.skipped.find((s) => s.file === 'link.txt')).toEqual({
      file: 'link.txt',
      reason: 'link.txt: is a symbolic link; links are not followed, so that only files inside the corpus folder are read (copy the file in instead)',
    });
  });
});
