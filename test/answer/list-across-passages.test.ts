import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/assistant.js';
import { createDeadlineService } from '../../src/deadlines/index.js';
import { buildIndex } from '../../src/index/build-index.js';
import { chunkDocument, parseDocument } from '../../src/parse/parse-document.js';
import { openStore } from '../../src/store/open-store.js';
import type { Chunk } from '../../src/parse/parse-document.js';
import type { PassageStore, SearchHit } from '../../src/retrieve/passage-store.js';
import { retrievePool } from '../../src/route/answer-question.js';
import { readQuestion } from '../../src/understand/read-question.js';
import { buildScopeRegistry } from '../../src/understand/scope-registry.js';
import { chunk } from '../helpers/postgres-engines.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const BUNDLED = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** Access-to-information rules whose list of what is kept runs on past the passage its lead sentence is in. */
const RULES = [
  'PART 4.2 - ACCESS TO INFORMATION PROCEDURE RULES',
  '',
  'APR7 INSPECTION OF MINUTES AND REPORTS AFTER MEETINGS',
  '',
  'The Council will make available copies of the following for six years after a meeting:',
  '',
  ...['the minutes of the meeting or records of decisions taken, together with the reasons for them, for all meetings, excluding any part of the minutes of proceedings when the meeting was not open to the public', 'a summary of any proceedings not open to the public where the minutes open to inspection would not provide a reasonably fair and coherent record of the business transacted', 'the agenda for the meeting, together with any supplementary agenda and any papers tabled at the meeting by officers', 'reports relating to items when the meeting was open to the public, with their appendices and any addenda'].flatMap((item, i) => [`(${['i', 'ii', 'iii', 'iv'][i]}) ${item}, kept in the form in which it was published on the council’s website and in the paper copy held by Democratic Services for any member of the public who asks to see it;`, '']),
  'APR8 BACKGROUND PAPERS',
  '',
  'The Council will make available for public inspection for four years after the date of the meeting one copy of each of the documents on the list of background papers.',
  '',
].join('\n');

describe('a list that runs on past the passage that introduces it', () => {
  const dir = tempDir();
  let assistant: Assistant;

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'access-to-information-rules.txt'), RULES);
    // Other councils' papers, so that search ranks passages rather than returning the whole file.
    for (const name of readdirSync(BUNDLED)) copyFileSync(join(BUNDLED, name), join(corpusDir, name));
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger });
    assistant = createAssistant({ store: await openStore({ indexDir: join(dir, 'index') }), logger, deadlines: createDeadlineService(), now: () => new Date('2026-12-01T12:00:00Z') });
  }, 60_000);

  it('is cut into passages so that a later one opens inside the list', () => {
    expect(chunkDocument(parseDocument('rules.txt', RULES)).some((c) => /^\(iii\)/.test(c.text))).toBe(true);
  });

  it('answers from the sentence that introduces the list, in the passage before the one that matched', async () => {
    const answer = await assistant.ask('How long are the agenda and reports for a meeting kept available after it?');
    expect(answer.answer).toMatch(/six years after a meeting/);
  });

});

describe('retrieval around a best passage that opens inside a list', () => {
  it('brings the passage before it, which introduces the list', async () => {
    const chunks = chunkDocument(parseDocument('rules.txt', RULES));
    const mid = chunks.findIndex((c) => /^\(iii\)/.test(c.text));
    const hit = (c: Chunk): SearchHit => ({ chunk: c, score: 1, vectorRank: 0, keywordRank: 0 });
    const store = {
      search: async () => [hit(chunks[mid]!)],
      adjacent: async (id: string, step: number) => chunks[chunks.findIndex((c) => c.id === id) + step] ?? null,
      idf: () => 1,
      known: () => true,
    } as unknown as PassageStore;
    const reading = readQuestion('How long are papers tabled by officers kept?', { registry: buildScopeRegistry([], {}) });
    const { pool } = await retrievePool(store, reading, {});
    expect(pool.map((h) => h.chunk.id).slice(0, 2)).toEqual([chunks[mid]!.id, chunks[mid - 1]!.id]);
  });
});

describe('retrieval around a best passage that opens on a table', () => {
  it('brings the passage before it when that ends with the sentence saying what the table is of', async () => {
    const before = chunk('p.txt', 0, 'Bus Lane PCNs\nPenalty Charge Notices are issued for bus lane contraventions, currently set at £60.00.');
    const table = chunk('p.txt', 1, "Bus Lane Penalty Charge Notices 2022/2023\nTotal\nNumber of PCNs issued 85,911\nNumber of PCNs paid 70,376");
    const store = {
      search: async () => [{ chunk: table, score: 1, vectorRank: 0, keywordRank: 0 }],
      adjacent: async (id: string, step: number) => (id === table.id && step === -1 ? before : null),
      idf: () => 1,
      known: () => true,
    } as unknown as PassageStore;
    const reading = readQuestion('How much is a bus lane penalty?', { registry: buildScopeRegistry([], {}) });
    const { pool } = await retrievePool(store, reading, {});
    expect(pool.map((h) => h.chunk.id)).toContain(before.id);
  });
});

describe('retrieval for a part of a compound question', () => {
  it('reads the part\'s own search as the part asks, best first', async () => {
    const mk = (id: number, text: string): SearchHit => ({ chunk: chunk('p.txt', id, text), score: 1 / (id + 1), vectorRank: id, keywordRank: id });
    const main = [mk(0, 'The harbour committee meets four times a year.')];
    const clause = [mk(1, 'A list of the harbour berths and their moorings.'), mk(2, 'The harbour committee quorum is five members.')];
    const store = {
      search: async (q: string) => (q.startsWith('How') ? main : clause),
      adjacent: async () => null,
      idf: () => 2,
      known: () => true,
    } as unknown as PassageStore;
    const reading = readQuestion('How often does the harbour committee meet, and what is its quorum?', { registry: buildScopeRegistry([], {}) });
    const { pool } = await retrievePool(store, reading, {});
    expect(pool.map((h) => h.chunk.id).indexOf('p.txt#2')).toBeLessThan(pool.map((h) => h.chunk.id).indexOf('p.txt#1'));
  });
});
