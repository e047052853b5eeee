import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../src/assistant.js';
import { createDeadlineService } from '../src/deadlines/index.js';
import { buildIndex } from '../src/index/build-index.js';
import { openStore } from '../src/store/open-store.js';
import { defaultExtractors } from '../src/runtime.js';
import { memoryLogger } from './helpers/silent-logger.js';
import { tempDir } from './helpers/temp-dir.js';

const PACK = [
  'POLICY AND RESOURCES CABINET COMMITTEE',
  '',
  'Friday, 15 September 2017',
  '',
  'AGENDA',
  '',
  '1. Apologies',
  '2. Performance Dashboard (Pages 1 - 9)',
  '',
  'Kent County Council',
  '',
  'To: Policy and Resources Cabinet Committee',
  '',
  'Subject: Performance Dashboard',
  '',
  'Results up to the end of July 2017',
  '',
  'Ref\tIndicator\tActual\tRAG\tTarget\tFloor',
  'HR01\tStaff sickness days per FTE\t9.1\tRED\t8.5\t9.0',
  '',
  '3.1 Sickness absence rose over the summer.',
].join('\n');

describe('createAssistant routing', () => {
  const dir = tempDir();
  let assistant: Assistant;

  beforeAll(async () => {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'pack.txt'), PACK);
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index'), logger, extractors: defaultExtractors() });
    const store = await openStore({ indexDir: join(dir, 'index') });
    assistant = createAssistant({ store, logger, deadlines: createDeadlineService(), now: () => new Date('2026-11-23T12:00:00Z') });
  });

  it('routes a plain deadline question to the calculator', async () => {
    const answer = await assistant.ask('FOI received 21 December 2026, when is it due?');
    expect(answer.kind).toBe('deadline');
    expect(answer.answer).toContain('22 Jan 2027');
  });

  it('answers /kpi from the records, with citations that open their passage', async () => {
    const answer = await assistant.kpi('HR01');
    expect(answer.kind).toBe('kpi');
    expect(answer.answer).toContain('9.1');
    const citation = answer.citations[0]!;
    expect(citation.chunkId).not.toBeNull();
    expect((await assistant.source(citation.chunkId!))!.text).toContain(citation.quote);
    expect(answer.retrieved.length).toBeGreaterThan(0);
  });

  it('says /kpi matches nothing, and suggests, when the query shares one word with an indicator', async () => {
    const answer = await assistant.kpi('staff car parking');
    expect([answer.kind, answer.answer]).toEqual(['error', 'No KPI matches "staff car parking". Nearest indicators: HR01 Staff sickness days per FTE.']);
  });

  it('does not answer a count question with a KPI value', async () => {
    const answer = await assistant.ask('How many staff sickness days were there in 2017?');
    expect(answer.kind).not.toBe('kpi');
  });

  it('says aloud that /deadline without a date counts from today', () => {
    const answer = assistant.deadline('foi');
    expect(answer.answer).toMatch(/^FOI request received today \(Mon 23 Nov 2026\): due /);
  });

  it('turns bad slash-command input into one sentence', () => {
    const answer = assistant.deadline('foi 31/02/2026');
    expect(answer.kind).toBe('error');
    expect(answer.answer.split(/(?<=\.)\s/).length).toBe(1);
  });
});
