import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { openStore } from '../../src/store/open-store.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';
import { answerQuestion } from '../../src/route/answer-question.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const pack = (council: string, committee: string, date: string, body: string): string =>
  `${committee.toUpperCase()}\n\n${date}\n\nAGENDA\n\n1. Apologies\n2. Customer Feedback (Pages 1 - 9)\n\n${council}\n\nTo: ${committee}\n\nSubject: Customer Feedback\n\n${body}\n`;

describe('extractive answers', () => {
  const dir = tempDir();
  let store: PassageStore;
  const corpusDir = join(dir, 'corpus');
  const { logger } = memoryLogger();
  const ask = (q: string, history?: string[]) => answerQuestion({ store, logger }, q, { history });

  beforeAll(async () => {
    mkdirSync(corpusDir);
    writeFileSync(
      join(corpusDir, 'kent-2017.txt'),
      pack('Kent County Council', 'Policy and Resources Cabinet Committee', 'Friday, 15 September 2017',
        '3. Stage 2: Complaint Escalation\n\n3.1 If a complainant remains dissatisfied, they can have their complaint investigated by the Corporate Director.\n\n3.2 The timescale for a formal response is **20 working days**. For more complex cases it will be a maximum of 65 working days.\n\n4. Digital feedback\n\n4.1 In 2016/17, 61% of feedback arrived digitally.'),
    );
    writeFileSync(
      join(corpusDir, 'kent-2023.txt'),
      pack('Kent County Council', 'Governance and Audit Committee', 'Wednesday, 25th October, 2023',
        '5. Digital feedback\n\n5.1 In 2022/23, 83% of feedback received is now arriving digitally either by email or via the online form.\n\n5.2 The library service opened two new branches in Ashford.'),
    );
    writeFileSync(
      join(corpusDir, 'wessex-2024.txt'),
      pack('Wessex Borough Council', 'Audit and Standards Committee', 'Tuesday, 5 March 2024',
        '2. Complaints\n\n2.1 The timescale for a formal stage 2 response is 15 working days at Wessex Borough Council.'),
    );
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger });
    store = await openStore({ indexDir: join(dir, 'index') });
  });

  it('answers with the sentence that states the fact, cited verbatim', async () => {
    const answer = await ask('If a complainant escalates to stage 2, how long do we have to respond at Kent?');
    expect(answer.kind).toBe('answer');
    expect(answer.answer).toMatch(/20 working days/);
    expect(answer.answer).toMatch(/\[1\]/);
    for (const c of answer.citations) {
      const source = readFileSync(join(corpusDir, c.source), 'utf8');
      expect(source.slice(c.start!, c.end!)).toBe(c.quote);
    }
    expect(answer.citations[0]).toMatchObject({ council: 'Kent County Council', committee: 'Policy and Resources Cabinet Committee', meetingDate: '2017-09-15', item: 'Customer Feedback', itemNumber: '2' });
    expect(answer.retrieved.length).toBeGreaterThanOrEqual(3);
  });

  // Known bug (issue 14): the reader answers from Wessex alone (15 working days) and never shows Kent's
  // 20 working days, so the labels are never drawn. it.fails until the reader gives both; then make it it().
  it.fails('says whose and when when councils disagree, rather than blending them', async () => {
    const answer = await ask('What is the timescale for a formal stage 2 complaint response?');
    expect(answer.answer).toMatch(/Kent County Council, .*2017: .*20 working days[\s\S]*Wessex Borough Council, .*2024: .*15 working days|Wessex Borough Council, .*2024: .*15 working days[\s\S]*Kent County Council, .*2017: .*20 working days/);
  });

  it('prefers the newest meeting for "latest" questions and says its date', async () => {
    const answer = await ask('What is the latest share of feedback arriving digitally?');
    expect(answer.answer).toContain('83%');
    expect(answer.answer).toMatch(/25 October 2023/);
  });

  it('declines when the papers do not cover the question', async () => {
    for (const q of ["What's the council's gender pay gap?", 'How many parking fines were issued last year?']) {
      const answer = await ask(q);
      expect(answer.kind).toBe('not_found');
      expect(answer.citations).toEqual([]);
      expect(answer.answer).toMatch(/can't find this in the committee papers/);
    }
  });

  it('declines a "how many" question when no number in the papers counts that thing', async () => {
    const answer = await ask('How many branches did the library service close?');
    expect(answer.kind).toBe('not_found');
  });

  it('understands a follow-up with the earlier question as context', async () => {
    const answer = await ask('and for complex cases?', ['How long do we have to respond to a stage 2 complaint?']);
    expect(answer.answer).toContain('65 working days');
  });
});

describe('reprinted reports', () => {
  const dir = tempDir();
  const GT = 'The Cabinet Member\'s Meeting becomes a political meeting, for Cabinet members only.';

  it('cites the standalone report rather than its reprint inside a meeting pack', async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'review.txt'), `Kent County Council Governance Review\n\nMay 2023\n\nRecommendations\n\n${GT}\n\nCreate post-decision Scrutiny panels.\n`);
    writeFileSync(
      join(corpusDir, 'pack.txt'),
      pack('Kent County Council', 'Governance and Audit Committee', 'Wednesday, 25th October, 2023', `Appendix: External Audit Governance Review\n\nPage 90\n\n${GT}\n\nThe committee noted the review.`),
    );
    const { logger } = memoryLogger();
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger });
    const store = await openStore({ indexDir: join(dir, 'index') });
    const answer = await answerQuestion({ store, logger }, 'What did the governance review recommend for the Cabinet Members Meeting?');
    const cited = answer.citations.find((c) => c.quote.includes('political meeting'))!;
    expect(cited.source).toBe('review.txt');
    expect(readFileSync(join(corpusDir, 'review.txt'), 'utf8').slice(cited.start!, cited.end!)).toBe(cited.quote);
  });
});
