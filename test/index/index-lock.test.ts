import { execFile, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { currentVersionDir, removeOldVersions } from '../../src/index/index-files.js';
import { IndexLockedError, lockIndex, LOCK_FILE } from '../../src/index/index-lock.js';
import { openStore } from '../../src/store/open-store.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const CORPUS = join(ROOT, 'corpus');

function corpusCopy(dir: string, names: string[]): string {
  const out = join(dir, 'corpus');
  mkdirSync(out, { recursive: true });
  for (const n of names) copyFileSync(join(CORPUS, n), join(out, n));
  return out;
}

/** `npm run ingest` as a child process, exactly as an administrator runs it. */
function ingest(corpusDir: string, indexDir: string, extra: string[] = []) {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/ingest.ts'), '--corpus', corpusDir, '--index', indexDir, '--json', ...extra], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout.trim() as unknown as number;
}

describe('one build at a time on an index folder', () => {
  const dir = tempDir('index-lock-');
  const corpusDir = corpusCopy(dir, ['001_952b029969f02f1c.txt']);
  const { logger } = memoryLogger();

  it('says clearly that another build is running when the lock is held past the wait', async () => {
    const indexDir = join(dir, 'held');
    const held = await lockIndex(indexDir);
    try {
      const failed = await buildIndex({ corpusDir, indexDir, logger, lockWaitMs: 300 }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(IndexLockedError);
      expect((failed as IndexLockedError).userMessage).toBe(
        `Another build of this index is running (process ${process.pid} on ${hostname()}, started ${held.holder.startedAt}); try again when it has finished.`,
      );
    } finally {
      await held.release();
    }
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a build that died, and releases its own', async () => {
    const indexDir = join(dir, 'stale');
    mkdirSync(indexDir, { recursive: true });
    writeFileSync(join(indexDir, LOCK_FILE), JSON.stringify({ pid: Number(deadPid()), host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'dead' }));
    const report = await buildIndex({ corpusDir, indexDir, logger, lockWaitMs: 0 });
    expect(report.files).toBe(1);
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
  });

  it('runs two in-process builds one after the other: the second waits, then finds the index up to date', async () => {
    const indexDir = join(dir, 'twice');
    const memory = memoryLogger();
    const [a, b] = await Promise.all([buildIndex({ corpusDir, indexDir, logger: memory.logger }), buildIndex({ corpusDir, indexDir, logger: memory.logger })]);
    expect([a.indexed, b.indexed].sort()).toEqual([0, 1]);
    expect(memory.lines().filter((l) => l.msg === 'waiting for another build of this index')).toHaveLength(1);
    expect((await openStore({ indexDir })).size).toBe(a.chunks);
  });

  it('keeps CURRENT and the index after two --rebuild runs at once', async () => {
    const indexDir = join(dir, 'race');
    const results = await Promise.all([ingest(corpusDir, indexDir, ['--rebuild']), ingest(corpusDir, indexDir, ['--rebuild'])]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const current = await currentVersionDir(indexDir);
    expect(existsSync(join(current!, 'manifest.json'))).toBe(true);
    expect((await openStore({ indexDir })).size).toBeGreaterThan(0);
  }, 120_000);

  it('recovers after a build is killed with SIGKILL while it holds the lock', async () => {
    const indexDir = join(dir, 'killed');
    const bigCorpus = corpusCopy(join(dir, 'big'), ['000_1f87ef84fb8f7cad.txt', '002_744e773a20c1c463.txt']);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/ingest.ts'), '--corpus', bigCorpus, '--index', indexDir], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
    for (let i = 0; i < 1200 && !existsSync(join(indexDir, LOCK_FILE)); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(JSON.parse(readFileSync(join(indexDir, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
    const after = await ingest(bigCorpus, indexDir);
    expect(after.code).toBe(0);
    expect((await openStore({ indexDir })).size).toBeGreaterThan(0);
  }, 60_000);

  it('never removes the version CURRENT points at, nor one a live process is writing', async () => {
    const indexDir = join(dir, 'cleanup');
    await buildIndex({ corpusDir, indexDir, logger });
    const live = (await currentVersionDir(indexDir))!;
    const writing = join(indexDir, 'v-1-1-writing');
    const abandoned = join(indexDir, 'v-1-2-abandoned');
    mkdirSync(writing);
    writeFileSync(join(writing, '.writing'), String(process.pid));
    mkdirSync(abandoned);
    writeFileSync(join(abandoned, '.writing'), String(deadPid()));
    await removeOldVersions(indexDir, 'v-someone-else');
    expect([existsSync(live), existsSync(writing), existsSync(abandoned)]).toEqual([true, true, false]);
  });

  it('logs the detail of an unexpected ingest failure, as its message says', async () => {
    // An index "folder" that is a file: a failure no message foresees.
    const notAFolder = join(dir, 'index-is-a-file');
    writeFileSync(notAFolder, 'x');
    const result = await ingest(corpusDir, notAFolder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Something went wrong on our side; the details have been logged.');
    expect(result.stderr).toMatch(/"msg":"(?:ingest|command) failed".*(?:ENOTDIR|EEXIST)|(?:ENOTDIR|EEXIST).*"msg":"(?:ingest|command) failed"/);
  });
});
