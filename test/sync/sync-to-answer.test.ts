import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/assistant.js';
import { createDeadlineService } from '../../src/deadlines/index.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import { defaultExtractors } from '../../src/runtime.js';
import { syncPapers } from '../../src/sync/sync-papers.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { gloucesterSite } from './gloucester-site.js';
import { startStubModernGov, type StubModernGov } from './stub-moderngov.js';

/** The bar of issue 15: sync Gloucester's Cabinet from a loopback ModernGov, then ask as `npm run ask` does. */
describe('sync, ingest and ask', () => {
  const dir = tempDir();
  const corpusDir = join(dir, 'corpus');
  const indexDir = join(dir, 'index');
  let server: StubModernGov;
  let assistant: Assistant;

  beforeAll(async () => {
    server = await startStubModernGov(gloucesterSite());
    const { logger } = memoryLogger();
    await syncPapers({ site: server.url, council: 'Gloucester City Council', corpusDir, committees: ['129'], from: '2025-11-01', to: '2025-12-31', now: new Date('2026-01-20T09:00:00Z'), logger, http: { pauseMs: 0 } });
    await buildIndex({ corpusDir, indexDir, logger, extractors: defaultExtractors() });
    const store = await openStore({ indexDir });
    assistant = createAssistant({ store, logger, deadlines: createDeadlineService({ nation: 'england-and-wales' }), now: () => new Date('2026-01-20T09:00:00Z') });
  }, 180_000);
  afterAll(() => server.close());

  it('answers from a synced report, citing Cabinet on 10 Dec 2025 with a link to the cited page', async () => {
    const answer = await assistant.ask('What share of the working age caseload is eligible for a 100% discount under the current Council Tax Support scheme?');
    expect(answer.citations[0]).toMatchObject({
      council: 'Gloucester City Council',
      committee: 'Cabinet',
      meetingDate: '2025-12-10',
      itemNumber: '7',
      url: expect.stringMatching(new RegExp(`^${server.url}/mgConvert2PDF\\.aspx\\?ID=66202#page=\\d+$`)),
    });
  });

  it('answers from the inline minutes of the 21 Nov 2025 special meeting, linking to the meeting page', async () => {
    const answer = await assistant.ask('Until when was Gloucester City Council its own highways agent?');
    expect(answer.citations[0]).toMatchObject({
      council: 'Gloucester City Council',
      committee: 'Cabinet',
      meetingDate: '2025-11-21',
      itemNumber: '3',
      item: 'Public Question Time (15 minutes)',
      docType: 'minutes',
      url: `${server.url}/ieListDocuments.aspx?CId=129&MId=7837`,
    });
  });
});
