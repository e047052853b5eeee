import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const minutes = (date: string, body: string): string =>
  `Wessex City Council\nMinutes of the Transport Policy Committee\n\n${date} at 5.00 pm\n\nMembers Present:-\nCouncillors: A Chair (Chair)\n\n1 Bus lane review\n\n${body}\n`;
const report = (council: string, committee: string, body: string): string =>
  `Meeting: ${committee}\n\nDate: 19 March 2026\n\nSubject: Bus lane review\n\nReport Of: Director of Place\n\n1.0 Purpose of Report\n\n1.1 ${body} This report is from ${council}.\n`;

describe('search preferring a scope without confining to it', () => {
  const dir = tempDir();
  let store: PassageStore;

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    const files: Record<string, string> = {
      'minutes.txt': minutes('19 March 2026', 'The bus lane review FELL (2 voting for, 7 against).'),
      'report.txt': report('Wessex City Council', 'Transport Policy Committee', 'The bus lane review proposes removing three bus lanes; the committee is asked to vote on the bus lane review recommendations.'),
      'terms.txt': 'Terms of reference\n\nThe committee chooses its chair and vice-chair each year and reviews bus lane proposals before any vote.\n',
      'other.txt': report('Mercia Borough Council', 'Cabinet', 'The bus lane review in Mercia proposes two new bus lanes and a vote on the bus lane review.'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(corpusDir, name), text);
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger: memoryLogger().logger });
    store = await openStore({ indexDir: join(dir, 'index') });
  });

  it('puts the preferred minutes first for "what was the vote"', async () => {
    const [top] = await store.search('bus lane review vote', { k: 5, prefer: { docTypes: ['minutes'], meetingDates: ['2026-03-19'] } });
    expect(top!.chunk.source).toBe('minutes.txt');
  });

  it('does not lift a paper of no committee as inside a preferred committee', async () => {
    const score = async (prefer?: { committees: string[] }): Promise<number | undefined> =>
      (await store.search('bus lane vote chair', { k: 10, prefer })).find((h) => h.chunk.source === 'terms.txt')?.score;
    expect(await score({ committees: ['Transport Policy Committee'] })).toBe(await score());
  });

  it('still returns passages outside the preferred scope', async () => {
    const hits = await store.search('bus lane review vote', { k: 10, prefer: { committees: ['Transport Policy Committee'] } });
    expect(hits.some((h) => h.chunk.source === 'other.txt')).toBe(true);
  });
});
