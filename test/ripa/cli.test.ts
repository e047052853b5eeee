import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inputFromFlags, runRipaCli, type RipaCliIo } from '../../src/ripa/run-ripa-cli.js';
import { RipaOutcomeSchema } from '../../src/ripa/check-ripa.js';
import { AnswerSchema } from '../../src/types.js';
import { deadlineService, kentPolicy } from './policy.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const policy = kentPolicy();

function fakeIo(): RipaCliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), loadPolicy: async () => policy, deadlines: deadlineService(), clockToday: '2026-05-20' };
}

describe('runRipaCli', () => {
  it('--json with the form’s flags prints the answer with the outcome as its data', async () => {
    const io = fakeIo();
    const code = await runRipaCli(['--json', '--technique', 'chis', '--juvenile', '--confidential', '--approval', '1 June 2026'], io);
    expect(code).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(io.out.join('')));
    const outcome = RipaOutcomeSchema.parse(answer.data);
    expect(outcome.input).toMatchObject({ technique: 'chis', juvenileOrVulnerable: true, sourceUnder18: true, confidentialInfoLikely: true, approvalDate: '2026-06-01' });
    expect(outcome.expiry?.date).toBe('2026-09-30');
    expect(outcome.authoriser).toContain('Head of Paid Service');
  });

  it('--json says in words what was checked in `question`, not the raw arguments', async () => {
    const io = fakeIo();
    await runRipaCli(['--json', '--technique', 'chis', '--juvenile', '--approval', '1 June 2026'], io);
    expect(AnswerSchema.parse(JSON.parse(io.out.join(''))).question).toBe(
      "May we authorise a covert human intelligence source (CHIS) (a juvenile source; magistrate's approval Mon 1 Jun 2026)?",
    );
  });

  it('--premises makes directed surveillance or a CHIS not allowed', async () => {
    const io = fakeIo();
    expect(await runRipaCli(['--technique', 'directed-surveillance', '--premises'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/^Not allowed/);
  });

  it('answers a plain question with --question, and refuses one that is not about the rules', async () => {
    const io = fakeIo();
    expect(await runRipaCli(['--question', 'How long do we keep RIPA records?'], io)).toBe(0);
    expect(io.out.join('')).toContain('at least 3 years');
    const off = fakeIo();
    expect(await runRipaCli(['--question', 'When is the next cabinet meeting?'], off)).toBe(1);
    expect(off.err.join('')).toContain('npm run ask');
  });

  it('explains bad flags and prints usage without a technique', async () => {
    const io = fakeIo();
    expect(await runRipaCli(['--technique', 'bugging'], io)).toBe(1);
    expect(io.err.join('')).toContain('--technique must be directed-surveillance, chis or communications-data (not "bugging")');
    const none = fakeIo();
    expect(await runRipaCli([], none)).toBe(1);
    expect(none.err.join('')).toContain('Usage:');
    expect(inputFromFlags({ technique: 'ds', 'juvenile-or-vulnerable': true }, '2026-05-20')).toEqual({
      technique: 'directed-surveillance',
      juvenileOrVulnerable: true,
      confidentialInfoLikely: false,
      residentialOrPrivateVehicle: false,
    });
  });
});

describe('scripts/ripa.ts end to end', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'ripa-corpus-'));
  const index = mkdtempSync(join(tmpdir(), 'ripa-index-'));
  copyFileSync(new URL('./fixtures/anytown-ripa-policy.txt', import.meta.url), join(corpus, 'anytown.txt'));
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true });
    rmSync(index, { recursive: true, force: true });
  });

  it('checks a vulnerable adult CHIS against another council’s policy', () => {
    const args = ['--import', 'tsx', 'scripts/ripa.ts', '--corpus', corpus, '--index', index, '--json', '--technique', 'chis', '--vulnerable', '--approval', '2026-06-01', '--today', '2026-05-20'];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const outcome = RipaOutcomeSchema.parse(AnswerSchema.parse(JSON.parse(r.stdout)).data);
    expect(outcome).toMatchObject({ allowed: true, authoriser: 'the Chief Executive', inform: 'the Monitoring Officer' });
    expect(outcome.expiry?.date).toBe('2027-05-31');
    expect(outcome.registerCopyDue?.date).toBe('2026-06-15');
  }, 120_000);
});
