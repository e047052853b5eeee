import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApiStub, type RecordedCall, type WebApiStub } from '../../../src/slack/loopback/web-api-stub.js';
import { postSigned } from '../../../src/slack/loopback/sign-request.js';
import { tempDir } from '../../helpers/temp-dir.js';

const SECRET = 'replica-signing-secret';
const QUESTIONS = ['What was the annual internal audit opinion?', 'Who is the Head of Internal Audit?', 'When is the next meeting of the committee?'];
const serverUrl = process.env.TEST_DATABASE_URL;

interface Replica {
  child: ChildProcess;
  port: number;
  stderr: string[];
}

/** `npm start` as its own process (Slack in HTTP mode against the stub); resolves with the port it serves. */
function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start: ${stderr.join('')}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`replica exited with ${code}: ${stderr.join('')}`)));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr.push(text);
      const started = /"port":(\d+)[^\n]*"msg":"slack app started"/.exec(stderr.join(''));
      if (started) {
        clearTimeout(timer);
        resolve({ child, port: Number(started[1]), stderr });
      }
    });
  });
}

const mention = (eventId: string, ts: string, question: string): string =>
  JSON.stringify({ type: 'event_callback', team_id: 'T0TEAM', event_id: eventId, event: { type: 'app_mention', user: 'U1', text: `<@UBOT> ${question}`, channel: 'C1', ts } });

/**
 * Two `npm start` processes on one PostgreSQL server (STORE=postgres), as two replicas behind Slack's
 * load balancer: the same question gets the same answer from either, and a Slack retry of an event that
 * lands on the other replica is answered once. Needs a server (TEST_DATABASE_URL, which .ci/run sets):
 * PGlite is one process's database. The Debian server has no pgvector, so the replicas search by keyword.
 */
describe.skipIf(!serverUrl)('two replicas (two npm start processes) on one PostgreSQL server', () => {
  const dir = tempDir('replicas-');
  const dbName = `ca_replicas_${randomBytes(6).toString('hex')}`;
  let stub: WebApiStub;
  let replicas: Replica[] = [];
  const replies = (ts: string): RecordedCall[] => stub.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
  const send = (replica: Replica, body: string) => postSigned(`http://127.0.0.1:${replica.port}/slack/events`, { signingSecret: SECRET, body, timestampSec: Math.floor(Date.now() / 1000) });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${dbName}`;
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    const pack = readFileSync(new URL('../../../corpus/000_1f87ef84fb8f7cad.txt', import.meta.url), 'utf8');
    writeFileSync(join(corpusDir, 'kent-gac-2023-10-25.txt'), pack.split('\n').slice(0, 600).join('\n'));
    stub = await startWebApiStub();
    const env = (name: string): Record<string, string> => ({
      STORE: 'postgres',
      DATABASE_URL: url.toString(),
      PG_VECTORS: 'false',
      CORPUS_DIR: corpusDir,
      INDEX_DIR: join(dir, `index-${name}`),
      SLACK_BOT_TOKEN: 'xoxb-replica',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: stub.apiUrl,
      SLACK_APP_TOKEN: '',
      PORT: '0',
      ANSWER_WORKERS: '1',
      LOG_LEVEL: 'info',
      FEEDBACK_FILE: join(dir, `feedback-${name}.jsonl`),
      SLACK_EVENTS_FILE: join(dir, `events-${name}.jsonl`),
      MODERNGOV_SYNC_MINUTES: '',
    });
    // Both start at once: each finds the database empty or half built and ingests under the per-file locks.
    replicas = await Promise.all([startReplica(env('a')), startReplica(env('b'))]);
  }, 180_000);

  afterAll(async () => {
    for (const r of replicas) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => new Promise((resolve) => (r.child.exitCode === null ? r.child.once('exit', resolve) : resolve(null)))));
    await stub?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('gives the same answer to the same question from either replica', async () => {
    const answers: string[][] = [[], []];
    for (const [q, question] of QUESTIONS.entries()) {
      for (const [r, replica] of replicas.entries()) {
        const ts = `2${q}${r}.000001`;
        expect((await send(replica, mention(`EvSame${q}${r}`, ts, question))).status).toBe(200);
        answers[r]!.push(String((await stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 30_000)).body.text));
      }
    }
    expect(answers[1]).toEqual(answers[0]);
  }, 120_000);

  it('answers a Slack retry that lands on the other replica once', async () => {
    const body = mention('EvRetry', '3.000001', QUESTIONS[0]!);
    expect((await send(replicas[0]!, body)).status).toBe(200);
    await stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === '3.000001', 30_000);
    expect((await send(replicas[1]!, body)).status).toBe(200);
    // Long enough for the second replica to have answered, had it not known the event was answered.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(replies('3.000001')).toHaveLength(1);
  }, 60_000);
});
