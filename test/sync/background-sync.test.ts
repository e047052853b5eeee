import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { createDeadlineService } from '../../src/deadlines/index.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';
import { defaultExtractors } from '../../src/runtime.js';
import { createPapersNotifier } from '../../src/slack/post-new-papers.js';
import { startWebApiStub, type WebApiStub } from '../../src/slack/loopback/web-api-stub.js';
import { swappableAssistant } from '../../src/swappable-assistant.js';
import { startBackgroundSync } from '../../src/sync/background-sync.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { gloucesterSite } from './gloucester-site.js';
import { startStubModernGov, type StubModernGov } from './stub-moderngov.js';

const QUESTION = 'Until when was Gloucester City Council its own highways agent?';

/** `npm start` with MODERNGOV_SYNC_MINUTES and SLACK_PAPERS_CHANNEL_ID: sync, swap the index in, tell the channel. */
describe('background sync while running', () => {
  const dir = tempDir();
  const corpusDir = join(dir, 'corpus');
  const indexDir = join(dir, 'index');
  const { logger } = memoryLogger();
  const deadlines = createDeadlineService({ nation: 'england-and-wales' });
  const now = (): Date => new Date('2026-01-20T09:00:00Z');
  const assistantOf = (store: PassageStore) => createAssistant({ store, logger, deadlines, now });
  let moderngov: StubModernGov;
  let slack: WebApiStub;
  let live: ReturnType<typeof swappableAssistant>;
  let before: string;

  beforeAll(async () => {
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(join(corpusDir, 'notes.txt'), 'Waste collections take place every fortnight across the district.\n');
    await buildIndex({ corpusDir, indexDir, logger, extractors: defaultExtractors() });
    live = swappableAssistant(assistantOf(await openStore({ indexDir })));
    before = (await live.assistant.ask(QUESTION)).kind;
    moderngov = await startStubModernGov(gloucesterSite());
    slack = await startWebApiStub();
    const sync = startBackgroundSync({
      request: { site: moderngov.url, council: 'Gloucester City Council', committees: ['129'], from: '2025-11-01', to: '2025-12-31' },
      build: { corpusDir, indexDir, logger, extractors: defaultExtractors() },
      intervalMs: 3_600_000,
      pauseMs: 0,
      logger,
      now,
      swap: (store) => live.swap(assistantOf(store)),
      announce: createPapersNotifier({ token: 'xoxb-test', apiUrl: slack.apiUrl, channelId: 'CPAPERS', logger }),
    });
    await sync.runOnce();
    sync.stop();
  }, 180_000);
  afterAll(async () => {
    await moderngov.close();
    await slack.close();
  });

  it('swaps in the updated index without a restart', async () => {
    const after = await live.assistant.ask(QUESTION);
    expect({ before, after: after.kind, date: after.citations[0]?.meetingDate }).toEqual({ before: 'not_found', after: 'answer', date: '2025-11-21' });
  });

  it('posts one message per meeting with new papers to the papers channel', () => {
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((p) => [p.body.channel, p.body.text])).toEqual([
      ['CPAPERS', 'Cabinet, 12 Nov 2025: 1 report published'],
      ['CPAPERS', 'Cabinet, 21 Nov 2025: 2 reports, 5 appendices and minutes published'],
      ['CPAPERS', 'Cabinet, 10 Dec 2025: 1 report and minutes published'],
    ]);
  });
});
