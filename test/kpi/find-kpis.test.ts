import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractKpis } from '../../src/kpi/extract-kpis.js';
import { findKpis, KpiNotFoundError } from '../../src/kpi/find-kpis.js';
import { groupIndicators } from '../../src/kpi/group-indicators.js';
import { toKpiRecords, type KpiRecord } from '../../src/kpi/kpi-record.js';
import { listKpis } from '../../src/kpi/list-kpis.js';
import { runKpiCli } from '../../src/kpi/run-kpi-cli.js';
import { parseDocument } from '../../src/parse/parse-document.js';

const corpusDir = new URL('../../corpus/', import.meta.url);
const sources = new Map(readdirSync(corpusDir).map((name) => [name, readFileSync(new URL(name, corpusDir), 'utf8')]));
const records = [...sources].flatMap(([name, text]) => extractKpis(parseDocument(name, text)));

/** Records of a small synthetic report, with the meeting date a pack would give them. */
function report(source: string, period: string, meetingDate: string, value: string, rag: string): KpiRecord[] {
  const text = `Performance Report\n\nResults up to the end of ${period}\n\nRef\tIndicator\tActual\tRAG\tTarget\nHR01\tStaff sickness days per FTE\t${value}\t${rag}\t8.5\n`;
  return extractKpis(parseDocument(source, text)).map((r) => ({ ...r, meetingDate, place: { ...r.place, meetingDate } }));
}

describe('findKpis over the corpus', () => {
  it('finds an indicator by its reference, with its history across reports', () => {
    const [gl02] = findKpis('GL02', records);
    expect(gl02).toMatchObject({ ref: 'GL02', kind: 'kpi', score: 2 });
    expect(gl02!.history.map((r) => [r.period?.label, r.value, r.rag])).toEqual([
      ['July 2017', '95%', 'GREEN'],
      ['Quarter 2 2022/23', null, 'RED'],
    ]);
    expect(gl02!.latest.name).toBe('% of Freedom of Information Act (FoI) requests completed within 20 working days');
    expect(gl02!.citations.map((c) => c.source)).toEqual(['002_744e773a20c1c463.txt', '003_ecdb3f71de2597ef.txt']);
  });

  it('finds indicators by words, acronyms and plurals', () => {
    expect(findKpis('freedom of information', records)[0]!.ref).toBe('GL02');
    expect(findKpis('FOI', records)[0]!.ref).toBe('GL02');
    expect(findKpis('potholes', records)[0]!.name).toBe('% of routine pothole repairs completed within 28 days');
    expect(findKpis('subject access requests', records)[0]!.ref).toBe('GL03');
    expect(findKpis('re-referrals', records)[0]!.name).toBe('% of children social care referrals that were repeat referrals within 12 months');
  });

  it('returns the candidates ranked when words fit several indicators', () => {
    const matches = findKpis('calls to Contact Point', records);
    expect(matches.length).toBeGreaterThan(2);
    expect(matches.slice(0, 3).map((m) => m.ref)).toEqual(expect.arrayContaining(['CS04', 'CS05']));
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('says so and suggests the nearest indicators when nothing matches', () => {
    let error: unknown;
    try {
      findKpis('parking enforcement fines', records);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiNotFoundError);
    const notFound = error as KpiNotFoundError;
    expect(notFound.code).toBe('KPI_NOT_FOUND');
    expect(notFound.userMessage).toMatch(/^No KPI matches "parking enforcement fines"\. Nearest indicators: /);
    expect(notFound.suggestions).toHaveLength(5);
    expect(() => findKpis('freedom of informaton requests (typo)', records)).not.toThrow();
  });

  it('does not answer with indicators that share only one word of several with the query', () => {
    expect(() => findKpis('staff car parking', records)).toThrow(/^No KPI matches "staff car parking"\. Nearest indicators: /);
  });

  it('keeps same-report rows apart and joins a reworded indicator across years', () => {
    const indicators = groupIndicators(records);
    const cs01 = indicators.find((i) => i.key === 'CS01')!;
    expect(cs01.records.map((r) => r.value)).toEqual(['97%', '96%']);
    const cs05 = indicators.find((i) => i.key === 'CS05')!;
    expect(cs05.records).toHaveLength(1);
  });
});

describe('latest record', () => {
  it('is decided by period first, then by meeting date', () => {
    const q1 = report('a.txt', 'June 2023', '2023-09-01', '9.1', 'RED');
    const q2 = report('b.txt', 'September 2023', '2023-12-01', '8.9', 'AMBER');
    const q2Again = report('c.txt', 'September 2023', '2024-01-15', '8.8', 'AMBER');
    const lateButOld = report('d.txt', 'March 2023', '2024-02-01', '9.9', 'RED');
    const [match] = findKpis('HR01', [...q2Again, ...lateButOld, ...q1, ...q2]);
    expect(match!.latest.place.source).toBe('c.txt');
    expect(match!.history.map((r) => r.place.source)).toEqual(['d.txt', 'a.txt', 'b.txt', 'c.txt']);
    expect(match!.latest.polarity).toBeNull();
  });
});

describe('listKpis', () => {
  it('lists indicators whose latest record is red, by area', () => {
    const asc = listKpis({ rag: 'RED', area: 'adult social care' }, records);
    expect(asc.map((r) => r.name)).toEqual(['% of new Care Needs Assessments delivered within 28 days']);
    const red = listKpis({ rag: 'RED' }, records);
    expect(red).toHaveLength(8);
    expect(red.every((r) => r.rag === 'RED' && r.kind === 'kpi')).toBe(true);
    expect(listKpis({ area: 'Governance and Law' }, records).map((r) => r.ref ?? r.name)).toEqual(expect.arrayContaining(['GL01', 'GL02b']));
  });
});

describe('npm run kpi', () => {
  const run = (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = runKpiCli(argv, records, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  };

  it('prints matches as JSON with --json', () => {
    const { code, out } = run('--json', 'GL03');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { query: string; matches: Array<{ ref: string; latest: KpiRecord; history: KpiRecord[]; citations: Array<{ quote: string }> }> };
    expect(json.query).toBe('GL03');
    expect(json.matches[0]!.ref).toBe('GL03');
    expect(json.matches[0]!.history).toHaveLength(2);
    expect(json.matches[0]!.citations[0]!.quote).toMatch(/^GL03\t/);
  });

  it('prints { error, suggestions } and exits 1 when nothing matches', () => {
    const { code, out } = run('--json', 'parking fines');
    expect(code).toBe(1);
    const json = JSON.parse(out) as { error: string; suggestions: string[] };
    expect(json.error).toMatch(/^No KPI matches "parking fines"\./);
    expect(json.suggestions.length).toBeGreaterThan(0);
  });

  it('lists the sources its citation numbers point at', () => {
    const { out } = run('--rag', 'red', '--area', 'Adult Social Care');
    const marks = [...new Set([...out.split('\nSources:')[0]!.matchAll(/\[(\d+)\]/g)].map((m) => m[1]))];
    const listed = [...out.split('\nSources:\n')[1]!.matchAll(/^ {2}\[(\d+)\] 003_ecdb3f71de2597ef\.txt: "/gm)].map((m) => m[1]);
    expect(listed).toEqual(marks);
  });

  it('lists by RAG and area, and explains its usage', () => {
    const listed = run('--json', '--rag', 'red', '--area', 'Adult Social Care');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { count: number }).count).toBe(1);
    expect(run('--rag', 'purple').code).toBe(1);
    const usage = run();
    expect(usage.code).toBe(1);
    expect(usage.err).toMatch(/^usage: npm run kpi/);
  });
});

describe('records for the look-up', () => {
  it('are validated back from the index, dropping anything malformed', () => {
    const stored = JSON.parse(JSON.stringify(records)) as unknown[];
    expect(toKpiRecords([...stored, { not: 'a record' }])).toEqual(toKpiRecords(stored));
    expect(toKpiRecords(stored)).toHaveLength(records.length);
  });
});
