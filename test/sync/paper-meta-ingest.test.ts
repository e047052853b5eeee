import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { currentVersionDir, listCorpus } from '../../src/index/index-files.js';
import { openStore } from '../../src/store/open-store.js';
import type { PaperMeta } from '../../src/sync/paper-meta.js';
import { Staging } from '../../src/sync/staging.js';
import { readSyncState } from '../../src/sync/sync-state.js';
import { syncAndIndex } from '../../src/sync/sync-and-index.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { gloucesterSite } from './gloucester-site.js';
import { startStubModernGov } from './stub-moderngov.js';

const REPORT = 'Report of the Head of Finance\n\n1.1 The scheme keeps the 100% discount for the lowest incomes.\n';

const meta = (over: Partial<PaperMeta> = {}): PaperMeta => ({
  council: 'Example City Council',
  committee: 'Cabinet',
  committeeId: '129',
  meetingId: '7610',
  meetingDate: '2025-12-10',
  approvedAtMeetingDate: null,
  meetingStatus: 'Confirmed',
  itemNumber: '7',
  itemTitle: 'Council Tax Support Scheme',
  title: 'Council Tax Support Scheme',
  docType: 'report',
  publishedAt: '2025-12-02',
  url: 'https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=66202',
  meetingUrl: 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=129&MId=7610',
  pageLinks: true,
  attachmentId: '66202',
  minuteItems: [],
  ...over,
});

function corpusWithReport(dir: string, sidecar: PaperMeta): string {
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(join(corpusDir, 'report.txt'), REPORT);
  writeFileSync(join(corpusDir, 'report.txt.meta.json'), JSON.stringify(sidecar));
  return corpusDir;
}

describe('ingest of synced papers', () => {
  it('does not take a sidecar for a paper', async () => {
    expect(await listCorpus(corpusWithReport(tempDir(), meta()))).toEqual(['report.txt']);
  });

  it('gives every passage the metadata of its sidecar, not what the text suggests', async () => {
    const dir = tempDir();
    const corpusDir = corpusWithReport(dir, meta());
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger: memoryLogger().logger });
    const [place] = (await openStore({ indexDir: join(dir, 'index') })).places();
    expect(place).toMatchObject({ council: 'Example City Council', committee: 'Cabinet', meetingDate: '2025-12-10', itemNumber: '7', item: 'Council Tax Support Scheme', docType: 'report', url: 'https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=66202' });
  });

  it('re-indexes a paper whose metadata changed', async () => {
    const dir = tempDir();
    const corpusDir = corpusWithReport(dir, meta());
    const indexDir = join(dir, 'index');
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir, indexDir, logger });
    writeFileSync(join(corpusDir, 'report.txt.meta.json'), JSON.stringify(meta({ meetingDate: '2026-01-14' })));
    const again = await buildIndex({ corpusDir, indexDir, logger });
    expect({ indexed: again.indexed, date: (await openStore({ indexDir })).places()[0]!.meetingDate }).toEqual({ indexed: 1, date: '2026-01-14' });
  });
});

describe('a sync that fails', () => {
  it('leaves the previous index in service', async () => {
    const dir = tempDir();
    const corpusDir = corpusWithReport(dir, meta());
    const indexDir = join(dir, 'index');
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir, indexDir, logger });
    const live = await currentVersionDir(indexDir);
    const server = await startStubModernGov({ ...gloucesterSite(), misbehave: (path, n) => (path.endsWith('/GetMeeting') && n > 3 ? 'error-500' : 'ok') });
    try {
      await syncAndIndex({ site: server.url, council: 'Gloucester City Council', corpusDir, committees: ['129'], from: '2025-11-01', to: '2025-12-31', now: new Date('2026-01-20T09:00:00Z'), logger, http: { pauseMs: 0, backoffMs: 1 } }, { corpusDir, indexDir, logger }).catch(() => undefined);
    } finally {
      await server.close();
    }
    expect({ current: await currentVersionDir(indexDir), papers: await listCorpus(corpusDir) }).toEqual({ current: live, papers: ['report.txt'] });
  });

  it('has its commit finished by the next sync when it stopped while moving papers in', async () => {
    const dir = tempDir();
    const corpusDir = join(dir, 'corpus');
    const staging = await Staging.open(corpusDir);
    await staging.put('paper.pdf', '%PDF-1.4 a paper', meta());
    // What a sync that stopped after writing its journal leaves behind.
    writeFileSync(join(staging.dir, 'commit.json'), JSON.stringify({ move: ['paper.pdf'], remove: [], state: { version: 1, sites: { s: { attachments: { '66202': { publishedAt: '2025-12-02', fileName: 'paper.pdf' } }, minutes: {}, meetings: {} } } } }));
    await Staging.open(corpusDir);
    expect({ papers: await listCorpus(corpusDir), text: readFileSync(join(corpusDir, 'paper.pdf'), 'utf8'), state: (await readSyncState(corpusDir)).sites.s?.attachments['66202']?.fileName }).toEqual({ papers: ['paper.pdf'], text: '%PDF-1.4 a paper', state: 'paper.pdf' });
  });
});
