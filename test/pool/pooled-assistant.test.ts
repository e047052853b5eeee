import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';
import { BUSY_TEXT, PooledAssistant } from '../../src/pool/pooled-assistant.js';
import { createRuntime } from '../../src/runtime.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startHarness } from '../slack/helpers/slack-harness.js';

const QUESTION = 'What was the annual internal audit opinion?';

describe('answering in worker threads', () => {
  const dir = tempDir('pool-');
  const corpusDir = join(dir, 'corpus');
  const indexDir = join(dir, 'index');
  const env = { LOG_LEVEL: 'silent' };
  let local: Assistant & { store: PassageStore };
  let pool: PooledAssistant;
  const { logger, lines } = memoryLogger();

  beforeAll(async () => {
    mkdirSync(corpusDir);
    const pack = readFileSync(new URL('../../corpus/000_1f87ef84fb8f7cad.txt', import.meta.url), 'utf8');
    writeFileSync(join(corpusDir, 'pack.txt'), pack.split('\n').slice(0, 400).join('\n'));
    local = await (await createRuntime({ corpusDir, indexDir, env })).assistant();
    pool = await PooledAssistant.start(local, { init: { corpusDir, indexDir, env }, logger, workers: 2 });
  });
  afterAll(async () => pool?.close());

  it('gives the same answers as the assistant in the main thread', async () => {
    const [inWorker, inMain] = await Promise.all([pool.ask(QUESTION, { id: 'a1' }), local.ask(QUESTION, { id: 'a1' })]);
    expect({ ...inWorker, timings: null }).toEqual({ ...inMain, timings: null });
    expect(inWorker.kind).not.toBe('error');
    expect((await pool.audit('annual opinion')).answer).toBe((await local.audit('annual opinion')).answer);
  });

  it('keeps the quick calls on the main thread', async () => {
    expect(pool.deadline('foi 21/12/2026').answer).toBe(local.deadline('foi 21/12/2026').answer);
    const chunkId = (await local.ask(QUESTION)).retrieved[0]!.chunkId;
    expect(await pool.source(chunkId)).toEqual(await local.source(chunkId));
  });

  it('turns calls away politely when every worker is busy and the queue is full', async () => {
    const small = await PooledAssistant.start(local, { init: { corpusDir, indexDir, env }, logger, workers: 1, perWorker: 1, maxQueue: 1 });
    try {
      const answers = await Promise.all([small.ask(QUESTION), small.ask(QUESTION), small.ask(QUESTION, { id: 'third' })]);
      expect(answers.map((a) => a.kind === 'error')).toEqual([false, false, true]);
      expect(answers[2]).toMatchObject({ id: 'third', kind: 'error', answer: BUSY_TEXT });
      expect(lines().some((l) => l.msg === 'answer pool full')).toBe(true);
    } finally {
      await small.close();
    }
  });
});

describe('the pooled assistant behind the real Slack app', () => {
  const dir = tempDir('pool-slack-');

  it('acknowledges /ask and delivers the answer searched in a worker', async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    const pack = readFileSync(new URL('../../corpus/000_1f87ef84fb8f7cad.txt', import.meta.url), 'utf8');
    writeFileSync(join(corpusDir, 'pack.txt'), pack.split('\n').slice(0, 400).join('\n'));
    const env = { LOG_LEVEL: 'silent' };
    const local = await (await createRuntime({ corpusDir, indexDir: join(dir, 'index'), env })).assistant();
    const pool = await PooledAssistant.start(local, { init: { corpusDir, indexDir: join(dir, 'index'), env }, logger: memoryLogger().logger, workers: 1 });
    const h = await startHarness(dir, pool, { overrides: { settings: { quickReplyMs: 0 } } });
    try {
      const { status, text, responseId } = await h.command('/ask', QUESTION);
      expect([status, text.includes('Looking through the committee papers')]).toEqual([200, true]);
      const answer = await h.stub.waitFor((c) => c.method === responseId && Array.isArray(c.body.blocks), 20_000);
      expect(JSON.stringify(answer.body.blocks)).toContain('[1]');
    } finally {
      await h.close();
      await pool.close();
    }
  });
});
