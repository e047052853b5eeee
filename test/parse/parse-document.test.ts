import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkDocument, parseDocument } from '../../src/parse/parse-document.js';

const corpus = (name: string): string => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');

describe('parseDocument on the bundled packs', () => {
  it('finds the 2023 Governance and Audit pack metadata and items', () => {
    const doc = parseDocument('000.txt', corpus('000_1f87ef84fb8f7cad.txt'));
    expect(doc.council).toBe('Kent County Council');
    expect(doc.committee).toBe('Governance and Audit Committee');
    expect(doc.meetingDate).toBe('2023-10-25');
    expect(doc.agenda.map((a) => a.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '13']);
    expect(doc.agenda.find((a) => a.number === '9')).toMatchObject({ title: 'Covert Enforcement Techniques Activity 2022-23', pageFrom: 63, pageTo: 82 });
    const reports = doc.parts.filter((p) => p.kind !== 'agenda').map((p) => [p.kind, p.itemNumber]);
    expect(reports).toEqual([['minutes', '4'], ['report', '5'], ['report', '6'], ['report', '8'], ['report', '9'], ['report', '10']]);
  });

  it('finds the 2017 Policy and Resources pack, including minutes of another body', () => {
    const doc = parseDocument('002.txt', corpus('002_744e773a20c1c463.txt'));
    expect(doc).toMatchObject({ council: 'Kent County Council', committee: 'Policy and Resources Cabinet Committee', meetingDate: '2017-09-15' });
    expect(doc.agenda).toHaveLength(14);
    const items = doc.parts.filter((p) => p.kind !== 'agenda').map((p) => p.itemNumber);
    expect(items).toEqual(['4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(doc.parts.find((p) => p.itemNumber === '6')?.itemTitle).toBe('Strategic and Corporate Service Directorate Dashboard');
  });

  it('finds the 2023 Cabinet pack', () => {
    const doc = parseDocument('003.txt', corpus('003_ecdb3f71de2597ef.txt'));
    expect(doc).toMatchObject({ council: 'Kent County Council', committee: 'Cabinet', meetingDate: '2023-01-05' });
    expect(doc.parts.filter((p) => p.kind === 'report').map((p) => p.itemTitle)).toEqual([
      'Quarterly Performance Report (Quarter 2 2022/23)',
      'Corporate Risk Register',
    ]);
  });

  it('leaves meeting metadata null for a report that is not a meeting pack', () => {
    const doc = parseDocument('001.txt', corpus('001_952b029969f02f1c.txt'));
    expect(doc).toMatchObject({ council: 'Kent County Council', committee: null, meetingDate: null, title: 'Kent County Council Governance Review' });
    expect(doc.agenda).toEqual([]);
  });

  it('keeps every chunk span verbatim and every chunk inside one part', () => {
    for (const name of ['000_1f87ef84fb8f7cad.txt', '001_952b029969f02f1c.txt', '002_744e773a20c1c463.txt', '003_ecdb3f71de2597ef.txt']) {
      const text = corpus(name);
      const doc = parseDocument(name, text);
      const chunks = chunkDocument(doc);
      expect(chunks.length).toBeGreaterThan(50);
      for (const c of chunks) {
        expect(text.slice(c.start, c.end)).toBe(c.text);
        expect(doc.parts.some((p) => c.start >= p.start && c.end <= p.end)).toBe(true);
      }
    }
  });

  it('records paragraph numbers and page footers, including one that interrupts a sentence', () => {
    const doc = parseDocument('000.txt', corpus('000_1f87ef84fb8f7cad.txt'));
    const chunks = chunkDocument(doc);
    const records = chunks.find((c) => c.text.includes('5.1 All records shall be kept for at least 3 years.'))!;
    expect(records.place).toMatchObject({ itemNumber: '9', page: 5, section: '5. Duration of authorisations', docType: 'report' });
    const cut = chunks.find((c) => c.text.includes('Environmental Crime enforcement team may use Covert Directed Surveillance and acquisition of'))!;
    expect(cut.text).toContain('Page 2 of 15');
    expect(cut.indexText).not.toContain('Page 2 of 15');
    expect(cut.indexText).toMatch(/acquisition of\s+communications data/);
  });
});

describe('parseDocument on other layouts', () => {
  const other = [
    'Agenda',
    '',
    'Audit and Standards Committee',
    '',
    'Tuesday, 3 March 2026 at 6.30 pm',
    '',
    'Item\tReport by\tPages',
    '1\tApologies for absence\t\t',
    '2\tTreasury Management Strategy\tChief Finance Officer\t5 - 20',
    '3\tAnnual Fraud Report\tHead of Audit\t21 - 30',
    '',
    'Agenda Item 2',
    '',
    'Report title: Treasury Management Strategy',
    '',
    '1.1 The strategy sets the borrowing limits for Wessex Borough Council.',
    '',
    'Page 5',
    '',
    'Agenda Item 3',
    '',
    'Report title: Annual Fraud Report',
    '',
    '1.1 No frauds were reported by Wessex Borough Council staff.',
    '',
    'Page 21',
  ].join('\n');

  it('reads a tabular agenda and "Agenda Item N" markers without assuming Kent', () => {
    const doc = parseDocument('wessex.txt', other);
    expect(doc.council).toBe('Wessex Borough Council');
    expect(doc.committee).toBe('Audit and Standards Committee');
    expect(doc.meetingDate).toBe('2026-03-03');
    expect(doc.agenda.map((a) => [a.number, a.title, a.pageFrom])).toEqual([
      ['1', 'Apologies for absence', null],
      ['2', 'Treasury Management Strategy', 5],
      ['3', 'Annual Fraud Report', 21],
    ]);
    const chunks = chunkDocument(doc);
    const fraud = chunks.find((c) => c.text.includes('No frauds'))!;
    expect(fraud.place).toMatchObject({ itemNumber: '3', item: 'Annual Fraud Report', page: 21, paragraph: '1.1' });
  });

  it('leaves metadata null when a document does not say', () => {
    const doc = parseDocument('note.txt', 'Some notes about budgets.\n\nThey are not a meeting pack.');
    expect(doc).toMatchObject({ council: null, committee: null, meetingDate: null });
    expect(chunkDocument(doc)[0]!.place).toMatchObject({ itemNumber: null, page: null, paragraph: null });
  });
});
