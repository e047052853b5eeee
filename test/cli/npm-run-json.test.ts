import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs an npm script exactly as the README writes it (`npm run NAME -- ARGS`), through npm itself. */
function npmRun(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', ['run', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run … --json, as the README writes it', () => {
  const dir = tempDir();
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  // A small pack: the test is about what reaches stdout, not about the answer.
  writeFileSync(join(corpus, 'pack.txt'), 'Kent County Council\n\nGovernance and Audit Committee\n\nWednesday, 25th October, 2023\n\n1. The Head of Internal Audit gave an annual opinion of Adequate for 2022-23.\n');

  it('`npm run ask -- --json "…"` prints only the answer JSON on stdout (npm\'s banner goes elsewhere)', () => {
    const r = npmRun(['ask', '--', '--corpus', corpus, '--index', join(dir, 'index'), '--json', 'What was the annual internal audit opinion?']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ question: 'What was the annual internal audit opinion?' });
  });

  it('`npm run ask -- --corpus /nonexistent --json "x"` names the missing folder and how to set it, and claims no log it did not write', () => {
    const r = npmRun(['ask', '--', '--corpus', join(dir, 'nonexistent'), '--json', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The corpus folder ${join(dir, 'nonexistent')} does not exist. Set CORPUS_DIR in .env, or pass --corpus DIR`);
    expect(r.stderr).not.toContain('details have been logged');
  });
});
