import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/assistant.js';
import { createDeadlineService } from '../../src/deadlines/index.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import { defaultExtractors } from '../../src/runtime.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Questions a new user asked of the bundled papers, where the nearest passage is not an answer. */
describe('declining what the papers do not hold', () => {
  const dir = tempDir();
  let assistant: Assistant;

  beforeAll(async () => {
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir: fileURLToPath(new URL('../../corpus/', import.meta.url)), indexDir: join(dir, 'index'), logger, extractors: defaultExtractors() });
    const store = await openStore({ indexDir: join(dir, 'index') });
    assistant = createAssistant({ store, logger, deadlines: createDeadlineService(), now: () => new Date('2026-12-01T12:00:00Z') });
  }, 60_000);

  it('declines a follow-up for a year the papers do not cover rather than giving the earlier year', async () => {
    const answer = await assistant.ask('and for 2012/13?', { history: ['How many stage 1 complaints did the council receive in 2022/23?'] });
    expect(answer.kind).toBe('not_found');
  });

  it('says which years the papers do hold when declining a year', async () => {
    const answer = await assistant.ask('How many stage 1 complaints did the council receive in 2012/13?');
    expect(answer.answer).toMatch(/2022\/23/);
  });

  it('declines a staff car parking policy question rather than quoting a station car park', async () => {
    const answer = await assistant.ask("What is the council's car parking policy for staff?");
    expect(answer.kind).toBe('not_found');
  });

  it('declines who chaired a meeting whose papers do not say', async () => {
    const answer = await assistant.ask('Who chaired the committee on 25 October 2023?');
    expect(answer.kind).toBe('not_found');
  });

  it('declines what a meeting resolved when the papers hold its reports but not its minutes', async () => {
    const answer = await assistant.ask('What did Cabinet actually resolve on the provisional local government finance settlement item on 5/1/23?');
    expect(answer.kind).toBe('not_found');
  });

  it('declines a meeting day the papers hold no meeting on', async () => {
    const answer = await assistant.ask('Who sent apologies to the meeting on 3 February 2021?');
    expect(answer.kind).toBe('not_found');
  });

  it('declines an audit opinion for a year the audit records do not cover', async () => {
    const answer = await assistant.ask('What was the annual internal audit opinion for 2010/11?');
    expect(answer.kind).toBe('not_found');
  });

  it('says the papers never mention a place the question names', async () => {
    const answer = await assistant.ask('What does Northbridge charge for a bus lane penalty?');
    expect(answer.answer).toMatch(/never mention “Northbridge”/);
  });

  it('says the papers never mention a lettered thing the question names ("Band D")', async () => {
    const answer = await assistant.ask("What is the council's Band D council tax for 2023/24?");
    expect(answer.answer).toMatch(/never mention “Band D”/);
  });

  it('answers a part about a report put to a meeting, not only what the minutes record', async () => {
    const answer = await assistant.ask('At the 25 October 2023 meeting, how many interviews did the governance review hold, and what did the committee decide?');
    expect(answer.answer).toMatch(/Twenty-four structured/);
  });

  it('does not read "who should chair" as asking what a meeting did', async () => {
    const answer = await assistant.ask('What did the Governance Review (May 2023) say about the Cabinet and who should chair Scrutiny?');
    expect(answer.answer).not.toMatch(/no meeting in May 2023/);
  });

  it('says there was no meeting in a month the question asks what a committee decided in', async () => {
    const answer = await assistant.ask('What did the Governance and Audit Committee decide in July 2019?');
    expect(answer.answer).toMatch(/no meeting in July 2019/);
  });
});
