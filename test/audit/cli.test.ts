import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAudits } from '../../src/audit/extract-audits.js';
import { runAuditCli, type AuditCliIo } from '../../src/audit/run-audit-cli.js';
import { AnswerSchema } from '../../src/types.js';
import { corpusDocs } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const records = corpusDocs().flatMap((d) => extractAudits(d));

function fakeIo(): AuditCliIo & { out: string[]; err: string[]; dirs: unknown[] } {
  const out: string[] = [];
  const err: string[] = [];
  const dirs: unknown[] = [];
  return {
    out,
    err,
    dirs,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    loadRecords: async (d) => {
      dirs.push(d);
      return JSON.parse(JSON.stringify(records)) as unknown[];
    },
  };
}

describe('runAuditCli', () => {
  it('--json prints the answer; --corpus and --index reach the record loader', async () => {
    const io = fakeIo();
    expect(await runAuditCli(['--corpus', 'c', '--index', 'i', '--json', 'contract', 'extensions'], io)).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(io.out.join('')));
    expect(answer.answer).toContain('RB21-2023 Contract Extensions');
    expect(io.dirs).toEqual([{ corpusDir: 'c', indexDir: 'i' }]);
  });

  it('prints text with numbered citations, and usage without a query', async () => {
    const io = fakeIo();
    expect(await runAuditCli(['CA07'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/\[1\] Kent County Council · Governance and Audit Committee/);
    const bad = fakeIo();
    expect(await runAuditCli([], bad)).toBe(1);
    expect(bad.err.join('')).toContain('Usage: npm run audit');
  });
});

describe('scripts/audit.ts end to end', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'audit-corpus-'));
  const index = mkdtempSync(join(tmpdir(), 'audit-index-'));
  copyFileSync(new URL('./fixtures/northshire-audit-progress.txt', import.meta.url), join(corpus, 'northshire.txt'));
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true });
    rmSync(index, { recursive: true, force: true });
  });

  it('answers from another council’s papers with --json', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', '--corpus', corpus, '--index', index, '--json', 'limited assurance'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(r.stdout));
    expect(answer.kind).toBe('audit');
    expect(answer.answer).toContain('IA/24/05 Procurement Cards: Limited');
    expect(answer.citations[0]!.quote).toBe('Assurance level: Limited');
  }, 120_000);
});
