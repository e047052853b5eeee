import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';
import { expandQuery, mineGlossary } from '../../src/extract/mine-glossary.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const pack = (committee: string, date: string, body: string): string =>
  `${committee.toUpperCase()}\n\n${date}\n\nAGENDA\n\n1. Apologies\n2. Reports (Pages 1 - 9)\n\nKent County Council\n\nTo: ${committee}\n\nSubject: Reports\n\n${body}\n`;

const APPENDIX = '2.1 The Covert Human Intelligence Source (CHIS) policy requires authorisation by the Head of Paid Service for a juvenile source.';

describe('search', () => {
  const dir = tempDir();
  let store: PassageStore;

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'a.txt'), pack('Governance and Audit Committee', 'Wednesday, 25th October, 2023', `Appendix A: CHIS policy\n\n${APPENDIX}\n\n3. Performance\n\n3.1 Pothole repairs within 28 days reached 89% this quarter.`));
    writeFileSync(join(corpusDir, 'b.txt'), pack('Governance and Audit Committee', 'Thursday, 14 March 2024', `Appendix A: CHIS policy\n\n${APPENDIX}\n\n3. Performance\n\n3.1 Pothole repairs within 28 days reached 93% this quarter.`));
    writeFileSync(join(corpusDir, 'c.txt'), pack('Cabinet', 'Monday, 3 July 2017', '2.1 Pothole repairs within 28 days reached 71% this quarter.\n\n2.2 The library service opened two new branches.'));
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger: memoryLogger().logger });
    store = await openStore({ indexDir: join(dir, 'index') });
  });

  it('shows a passage reprinted in two packs only once', async () => {
    const hits = await store.search('Who authorises a juvenile CHIS?', { k: 10 });
    expect(hits.filter((h) => h.chunk.text.includes('juvenile source'))).toHaveLength(1);
  });

  it('filters by committee and by date range', async () => {
    const cabinet = await store.search('pothole repairs', { filters: { committee: 'cabinet' } });
    expect(new Set(cabinet.map((h) => h.chunk.source))).toEqual(new Set(['c.txt']));
    const recent = await store.search('pothole repairs', { filters: { from: '2024-01-01' } });
    expect(new Set(recent.map((h) => h.chunk.source))).toEqual(new Set(['b.txt']));
  });

  it('prefers the newest meeting when the question asks for the latest', async () => {
    const [top] = await store.search('What is the latest pothole repairs figure?');
    expect(top!.chunk.text).toContain('93%');
  });

  it('expands acronyms with the glossary mined from the corpus', () => {
    const glossary = mineGlossary('Requests under the Freedom of Information (FOI) Act and Key Performance Indicators (KPIs).');
    expect(glossary).toEqual({ FOI: 'Freedom of Information', KPI: 'Key Performance Indicators' });
    expect(expandQuery('latest FOI KPI', glossary)).toBe('latest FOI KPI (Freedom of Information; Key Performance Indicators)');
    expect(expandQuery('freedom of information requests', glossary)).toBe('freedom of information requests (FOI)');
    expect(store.glossary.CHIS).toBe('Covert Human Intelligence Source');
  });
});
