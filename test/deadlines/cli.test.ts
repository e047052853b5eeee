import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeadlineResultSchema } from '../../src/deadlines/deadline-result.js';
import { runDeadlineCli } from '../../src/deadlines/run-deadline-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI in-process, with the real file reader and a fixed clock; stderr without its final newline. */
function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runDeadlineCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => readFileSync(path, 'utf8'),
    clockToday: '2026-12-01',
    nation: 'england-and-wales',
  });
  return { code, stdout, stderr: stderr.trimEnd() };
}

describe('scripts/deadline.ts, as a process', () => {
  it('--json foi 21/12/2026 prints only the result JSON on stdout', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deadline.ts', '--json', 'foi', '21/12/2026'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, COUNCIL_NATION: '' } });
    expect(r.status).toBe(0);
    expect(DeadlineResultSchema.parse(JSON.parse(r.stdout))).toMatchObject({ rule: 'foi', date: '2026-12-21', due: '2027-01-22' });
  });
});

describe('runDeadlineCli', () => {
  it('--json foi 21/12/2026 prints the result as JSON', () => {
    const r = run(['--json', 'foi', '21/12/2026']);
    expect(r.code).toBe(0);
    const result = DeadlineResultSchema.parse(JSON.parse(r.stdout));
    expect(result).toMatchObject({ rule: 'foi', date: '2026-12-21', due: '2027-01-22', dueWeekday: 'Fri', day1: '2026-12-22' });
    expect(result.skipped.map((s) => s.date)).toEqual(['2026-12-25', '2026-12-28', '2027-01-01', '2027-01-04']);
    expect(result.basis.citation).toBe('FOIA s.10(1)');
    expect(r.stderr).toBe('');
  });

  it('prints a readable explanation without --json, with progress given --today', () => {
    const r = run(['foi', '21st', 'December', '2026', '--today', '12/01/2027']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FOI request received Mon 21 Dec 2026: due Fri 22 Jan 2027 (2027-01-22)');
    expect(r.stdout).toContain('Day 1: Tue 22 Dec 2026');
    expect(r.stdout).toContain('Mon 4 Jan 2027: January 2nd (substitute day) [Scot only]');
    expect(r.stdout).toContain('Basis: Freedom of Information Act 2000, s.10(1)');
    expect(r.stdout).toContain('12 working days used, 8 working days left');
  });

  it('prints plain text with the headline once', () => {
    const r = run(['foi', '21/12/2026']);
    expect(r.stdout.match(/due Fri 22 Jan 2027/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('**');
  });

  it('--cases runs every line in order; a bad line prints {id, error} and the rest still run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deadline-cases-'));
    const file = join(dir, 'cases.jsonl');
    writeFileSync(
      file,
      [
        '{"id": "d02", "rule": "foi", "date": "2026-03-14", "expected_due": "2026-04-15"}',
        '{"id": "bad-rule", "rule": "fio", "date": "2026-03-14"}',
        '{"id": "bad-date", "rule": "sar", "date": "31/02/2026"}',
        'not json',
        '',
        '{"id": 7, "rule": "ripa-directed-surveillance", "date": "1 June 2026"}',
        '{"id": "d42s", "rule": "complaint-ack", "date": "2026-12-23", "nation": "scotland"}',
      ].join('\n'),
    );
    const r = run(['--cases', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.due ?? null])).toEqual([
      ['d02', '2026-04-15'],
      ['bad-rule', null],
      ['bad-date', null],
      ['line 4', null],
      [7, '2026-08-31'],
      ['d42s', '2026-12-30'],
    ]);
    expect(Object.keys(lines[0]!).slice(0, 2)).toEqual(['id', 'due']);
    expect(lines[1]!.error).toMatch(/^There is no deadline rule called "fio"; the valid rules are: foi, /);
    expect(lines[2]!.error).toBe('The date "31/02/2026" is impossible: February 2026 has only 28 days.');
    expect(lines[3]!.error).toBe('This line is not a JSON object with id, rule and date.');
  });

  it('an unknown rule gives one clear sentence listing the valid rules, and exit code 1', () => {
    const r = run(['nonsense', '21/12/2026']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^There is no deadline rule called "nonsense"; the valid rules are: foi, .*ripa-register-copy\.$/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('an impossible date gives one clear sentence and exit code 1 (as {error} JSON with --json)', () => {
    const r = run(['--json', 'foi', '31/02/2026']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'The date "31/02/2026" is impossible: February 2026 has only 28 days.', code: 'DEADLINE_DATE_IMPOSSIBLE' });
    expect(r.stderr).toBe('The date "31/02/2026" is impossible: February 2026 has only 28 days.');
  });

  it('an ambiguous date says so plainly', () => {
    const r = run(['foi', '21/12/26']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('The date "21/12/26" has a two-digit year, which is ambiguous; please give the year in full, e.g. 21/12/2026.');
  });

  it('answers a plain question and honours --nation', () => {
    const q = run(['--json', '--today', '2026-01-10', '--question', 'an FOI came in on 18 December: when is it due?']);
    expect(JSON.parse(q.stdout)).toMatchObject({ rule: 'foi', date: '2025-12-18', due: '2026-01-21' });
    const scot = run(['--json', '--nation', 'scotland', 'complaint-ack', '2026-04-02']);
    expect(JSON.parse(scot.stdout)).toMatchObject({ due: '2026-04-08' });
  });
});
