import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAuditRecords } from '../../src/audit/audit-record.js';
import { createDeadlineService } from '../../src/deadlines/index.js';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import { toKpiRecords } from '../../src/kpi/kpi-record.js';
import { readRipaPolicies } from '../../src/ripa/ripa-policy.js';
import { readInThread } from '../../src/route/answer-question.js';
import { defaultExtractors } from '../../src/runtime.js';
import { route } from '../../src/skills/router.js';
import type { SkillContext } from '../../src/skills/skill.js';
import { scopeRegistryOf } from '../../src/understand/index-scope.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Which skill answers: the routing policy of src/skills/claim-scores.ts, as a table. */
const TABLE: Array<[string, string]> = [
  ['FOI received 21 December 2026, when is it due?', 'deadline'],
  ['Who can authorise the use of a juvenile CHIS?', 'ripa'],
  ['How long does a directed surveillance authorisation last?', 'ripa'],
  ["Who reviews the council's use of RIPA powers?", 'documents'],
  ['Any RIPA reportable errors in 2022/23?', 'documents'],
  ['The TV streaming fraud in last years covert techniques report - what sentences did they get?', 'documents'],
  ['What did internal audit conclude on procurement?', 'audit'],
  ['What did the CA07 procurement audit say about purchase orders under £25k?', 'audit'],
  ['How is GL02 doing?', 'kpi'],
  ['FN11 - financial assessments completed within 15 days - latest and YTD?', 'kpi'],
  ['Why was highways asset management overspending at Q2 2022/23?', 'documents'],
  ['How many FOI requests did we receive in 2022/23?', 'documents'],
  ['Who sent apologies to the 14 September 2023 meeting?', 'documents'],
  ['What annual internal audit opinion did Wessex County Council get for 2022-23?', 'documents'],
  ['How is GL02 doing at Medway Council?', 'documents'],
  ['What annual opinion did internal audit give for 2023-24?', 'documents'],
  ['An FOI from Mr Quilliam came in on 18 December 2026: when is it due?', 'deadline'],
];

describe('the router', () => {
  const dir = tempDir();
  let context: SkillContext;

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    const bundled = fileURLToPath(new URL('../../corpus/', import.meta.url));
    for (const name of readdirSync(bundled)) copyFileSync(join(bundled, name), join(corpusDir, name));
    copyFileSync(fileURLToPath(new URL('../ripa/fixtures/anytown-ripa-policy.txt', import.meta.url)), join(corpusDir, 'anytown-ripa-policy.txt'));
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger, extractors: defaultExtractors() });
    const store = await openStore({ indexDir: join(dir, 'index') });
    context = {
      store,
      logger,
      deadlines: createDeadlineService(),
      kpis: toKpiRecords(store.records('kpi')),
      audits: readAuditRecords(store.records('audit')),
      ripaPolicies: readRipaPolicies(store.records('ripa-policy')),
      today: '2026-12-01',
    };
  }, 60_000);

  const skillFor = (question: string, filters = {}): string =>
    route({ reading: readInThread(question, [], scopeRegistryOf(context.store)), filters, history: [] }, context).skill;

  for (const [question, skill] of TABLE) {
    it(`routes "${question}" to ${skill}`, () => {
      expect(skillFor(question)).toBe(skill);
    });
  }

  it("answers a RIPA rules question with the named council's own policy", async () => {
    const claim = route({ reading: readInThread('Who authorises a CHIS at Anytown?', [], scopeRegistryOf(context.store)), filters: {}, history: [] }, context);
    const answer = await claim.answer();
    expect(answer.citations.every((c) => c.source === 'anytown-ripa-policy.txt')).toBe(true);
  });

  it('leaves an audit question about a council with no audit records to the documents', () => {
    expect(skillFor('What did internal audit conclude on procurement at Anytown?')).toBe('documents');
  });

  it('answers a KPI question naming a meeting by its date from that meeting\'s record', async () => {
    const claim = route({ reading: readInThread('At the 15 Sept 2017 committee, what was the year to date for GL03?', [], scopeRegistryOf(context.store)), filters: {}, history: [] }, context);
    expect((await claim.answer()).citations[0]!.meetingDate).toBe('2017-09-15');
  });

  it('honours a council filter for KPI look-ups', () => {
    expect(skillFor('How is GL02 doing?', { council: 'Anytown' })).toBe('documents');
  });
});
