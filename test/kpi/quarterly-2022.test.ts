import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractKpis } from '../../src/kpi/extract-kpis.js';
import { CitationList } from '../../src/kpi/kpi-citations.js';
import { parseDocument } from '../../src/parse/parse-document.js';

const FILE = '003_ecdb3f71de2597ef.txt';
const text = readFileSync(new URL(`../../corpus/${FILE}`, import.meta.url), 'utf8');
const records = extractKpis(parseDocument(FILE, text));

/*
 * Written by hand from the Quarterly Performance Report (Quarter 2 2022/23), Cabinet 5 January 2023.
 * Its charts were lost in conversion: the summary tables keep only "RAG rating" (and arrows turned into
 * debris such as "4" and "\$"). The figures are those the commentary states for each indicator;
 * null where the commentary gives none (never a figure from a neighbouring sentence).
 * Columns: area (table heading) | indicator | RAG | value | target | floor.
 */
type Row = [string, string, string, string | null, string | null, string | null];
const ROWS: Row[] = [
  ['Customer Services', '% of callers to Contact Point who rated the advisor who dealt with their call as good', 'AMBER', '96%', null, null],
  ['Customer Services', '% of phone calls to Contact Point which were answered', 'RED', '87%', null, null],
  ['Customer Services', '% of complaints responded to within timescale', 'RED', '78%', null, '80%'],
  ['Governance and Law', '% of Freedom of Information Act (FoI) requests completed within 20 working days', 'RED', null, null, null],
  ['Governance and Law', '% of Data Protection Act (DPA) Subject Access requests completed within statutory timescales', 'RED', null, null, null],
  ['Growth, Economic Development & Communities', 'Number of homes brought back to market through No Use Empty (NUE)', 'GREEN', null, null, null],
  ['Growth, Economic Development & Communities', 'Developer contributions secured as a percentage of amount sought', 'GREEN', '100%', null, null],
  ['Environment & Transport', '% of routine pothole repairs completed within 28 days', 'AMBER', '86%', '90%', null],
  ['Environment & Transport', '% of routine highway repairs reported by residents completed within 28 days', 'AMBER', '89%', '90%', null],
  ['Environment & Transport', '% of emergency highway incidents attended within 2 hours of notification', 'GREEN', '98%', null, null],
  ['Environment & Transport', '% of satisfied callers for Kent Highways & Transportation, 100 call back survey', 'GREEN', null, null, null],
  ['Environment & Transport', '% of municipal waste recycled or converted to energy and not taken to landfill – rolling 12 months', 'GREEN', '99.2%', null, null],
  ['Environment & Transport', 'Greenhouse Gas emissions from KCC estate (excluding schools) in tonnes – rolling 12 months', 'GREEN', null, null, null],
  ['Education & Wider Early Help', '% of all schools with Good or Outstanding Ofsted inspection judgements', 'GREEN', '91%', null, null],
  ['Education & Wider Early Help', '% of Early Years settings with Good or Outstanding Ofsted inspection judgements (childcare on non-domestic premises)', 'AMBER', '96%', null, null],
  ['Education & Wider Early Help', '% of Education, Health Care Plans (EHCPs) issued within 20 weeks – rolling 12 months', 'RED', '41.3%', null, null],
  ['Education & Wider Early Help', "Percentage of pupils (with EHCP's) being placed in independent or out of county special schools", 'AMBER', '10.4%', null, null],
  ['Education & Wider Early Help', '% of pupils permanently excluded from school – rolling 12 months', 'GREEN', '0.02%', null, null],
  ['Education & Wider Early Help', 'Number of first-time entrants to youth justice system – rolling 12 months', 'AMBER', '279', '270', null],
  ["Children's Social Care & Early Help", 'Percentage of Early Help cases closed with outcomes achieved that come back to Early Help / Social Work teams within 3 months', 'GREEN', '13.5%', 'below 15.0%', null],
  ["Children's Social Care & Early Help", '% of case holding posts filled by permanent qualified social workers', 'AMBER', '75.8%', null, null],
  ["Children's Social Care & Early Help", '% of children social care referrals that were repeat referrals within 12 months', 'GREEN', '20.9%', 'below 25.0%', null],
  ["Children's Social Care & Early Help", '% of child protection plans that were repeat plans', 'GREEN', '22.2%', 'between 17.5% and 22.5%', null],
  ["Children's Social Care & Early Help", 'Average no. of days between becoming a child in care and moving in with an adoptive family – rolling 12 months', 'GREEN', '368 days', null, null],
  ["Children's Social Care & Early Help", '% of foster care placements which are in-house or with relatives and friends (excluding UASC)', 'RED', '74.8%', null, null],
  ["Children's Social Care & Early Help", '% of care leavers in education, employment or training (of those KCC is in touch with)', 'AMBER', '62.4%', '65.0%', null],
  ['Adult Social Care', '% of people who have their contact resolved by ASCH but then make contact again within 3 months', 'GREEN', '9%', null, null],
  ['Adult Social Care', '% of new Care Needs Assessments delivered within 28 days', 'RED', '75%', '90%', '80%'],
  ['Adult Social Care', '% of people receiving a long-term community service who receive Direct Payments', 'AMBER', '24%', null, null],
  ['Adult Social Care', 'Proportion of older people (65+) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services', 'AMBER', null, '82%', null],
  ['Adult Social Care', 'Long Term support needs of older people (65 and over) met by admission to residential and nursing care homes, per 100,000', 'AMBER', null, null, null],
  ['Adult Social Care', '% of KCC supported people in residential or nursing care where the CQC rating is Good or Outstanding', 'GREEN', '80%', null, null],
  ['Public Health', 'Number of eligible people receiving an NHS Health Check – rolling 12 months', 'AMBER', null, '23,844', null],
  ['Public Health', 'Number of mandated universal checks delivered by the health visiting service – rolling 12 months', 'GREEN', null, null, null],
  ['Public Health', '% of first-time patients (at any sexual health clinics or telephone triage) who are offered a full sexual health screen', 'GREEN', null, '95%', null],
  ['Public Health', 'Successful completion of drug and alcohol treatment', 'GREEN', null, null, null],
  ['Public Health', '% of Live Well clients who would recommend the service to family, friends or someone in a similar situation', 'AMBER', '97%', '98%', null],
];

describe('the Quarter 2 2022/23 Quarterly Performance Report (charts lost)', () => {
  it('extracts the 37 KPIs of its RAG tables, in order, with their areas and RAG ratings', () => {
    expect(records.map((r) => [r.area, r.name, r.rag])).toEqual(ROWS.map((r) => [r[0], r[1], r[2]]));
    expect(records.every((r) => r.kind === 'kpi' && r.ref === null)).toBe(true);
  });

  it.each(ROWS)('%s: %s — figures only where the commentary states them', (_area, name, _rag, value, target, floor) => {
    const r = records.find((k) => k.name === name)!;
    expect({ value: r.value, target: r.target, floor: r.floor }).toEqual({ value, target, floor });
    expect(r.valueSource).toBe(value ? 'commentary' : null);
    if (value) {
      // The figure is printed in the cited sentence, which is verbatim source text.
      expect(text.slice(r.commentary!.start, r.commentary!.end)).toBe(r.commentary!.text);
      expect(r.commentary!.text).toContain(value);
    }
  });

  it('quotes the commentary sentence a figure came from', () => {
    const routine = records.find((r) => r.name.startsWith('% of routine highway repairs'))!;
    expect(routine.commentary?.text).toBe('Routine faults responded to in 28 days has dropped this Quarter to 89% narrowly missing the target of 90%.');
    const rereferrals = records.find((r) => r.name.startsWith('% of children social care referrals'))!;
    expect(rereferrals.commentary?.text).toMatch(/^The rate of re-referrals within 12 months for the 12 months to September 2022 was 20\.9%/);
    expect(rereferrals.polarity).toBe('lower');
  });

  it('reads the period, the meeting and the report totals, and leaves debris arrows unread', () => {
    for (const r of records) {
      expect(r.period).toMatchObject({ label: 'Quarter 2 2022/23', start: '2022-07-01', end: '2022-09-30' });
      expect(r).toMatchObject({ meetingDate: '2023-01-05', reportTitle: 'Quarterly Performance Report (Quarter 2 2022/23)' });
      expect(text.slice(r.row.start, r.row.end)).toBe(r.row.text);
      expect(r.row.text.startsWith(r.name)).toBe(true);
    }
    const debris = records.filter((r) => r.directionRaw !== null && r.direction === null).map((r) => r.directionRaw);
    expect(new Set(debris)).toEqual(new Set(['\\$', '4', '4>', '<>>', '₩', '$\\Diamond$']));
    expect(records[0]!.reportCounts).toMatchObject({ green: 17, amber: 13, red: 7, total: 37 });
    expect(records[0]!.reportCounts!.quote.text).toContain('7 KPIs did not meet the floor standard (Red).');
    expect(records.filter((r) => r.rag === 'RED')).toHaveLength(7);
    expect(records.filter((r) => r.rag === 'AMBER')).toHaveLength(13);
    expect(records.filter((r) => r.rag === 'GREEN')).toHaveLength(17);
  });

  it('finds no KPI tables in packs that have none', () => {
    for (const name of ['000_1f87ef84fb8f7cad.txt', '001_952b029969f02f1c.txt']) {
      const other = readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');
      expect(extractKpis(parseDocument(name, other))).toEqual([]);
    }
  });
});

describe('row quotes', () => {
  it('end at the last real cell, without the debris of lost arrows ("<>>", "\\$")', () => {
    const quotes = ['% of routine pothole repairs completed within 28 days', '% of phone calls to Contact Point which were answered'].map((name) => {
      const list = new CitationList();
      list.addRecord(records.find((r) => r.name === name)!);
      return list.citations[0]!.quote;
    });
    expect(quotes).toEqual(['% of routine pothole repairs completed within 28 days\tAMBER', '% of phone calls to Contact Point which were answered\tRED']);
  });
});
