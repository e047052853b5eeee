import { describe, expect, it } from 'vitest';
import { chunkDocument, parseDocument } from '../../src/parse/parse-document.js';
import { classifyDocument } from '../../src/parse/classify-document.js';

/** A county council's ModernGov pack: "Meeting: / Date/Time: / Location:" header, minutes, reports; another council named once. */
const MODERNGOV_PACK = [
  'Wessex County Council',
  '',
  'Meeting: Corporate Governance Committee',
  'Date/Time: Monday, 9 March 2026 at 10.00 am',
  'Location: Sparkenhoe Committee Room, County Hall, Wessex',
  'Contact: Mrs A Officer (Tel. 0116 305 0000)',
  'Email: a.officer@wessexcc.gov.uk',
  '',
  'Membership',
  'Mr J Smith CC (Chairman)',
  '',
  'AGENDA',
  '',
  'Item\tReport by\tPages',
  '1\tMinutes of the meeting held on 19 January 2026.\t\t5 - 8',
  '2\tRisk Management Update\tDirector of Corporate Resources\t9 - 12',
  '3\tInternal Audit Annual Plan\tDirector of Corporate Resources\t13 - 16',
  '',
  'Agenda Item 1',
  'Minutes of a meeting of the Corporate Governance Committee held at County Hall, Wessex on Monday, 19 January 2026.',
  '',
  'PRESENT',
  'Mr J Smith CC (in the Chair)',
  '',
  '1. Risk register',
  '',
  'The Committee noted the corporate risk register and asked for a report on cyber risks.',
  '',
  'Page 5',
  '',
  'Agenda Item 2',
  'CORPORATE GOVERNANCE COMMITTEE – 9 MARCH 2026',
  'REPORT OF THE DIRECTOR OF CORPORATE RESOURCES',
  'RISK MANAGEMENT UPDATE',
  '',
  'Purpose of the Report',
  '',
  '1. The purpose of this report is to update the Committee on the corporate risk register, which now holds 18 risks.',
  '',
  '2. A shared audit service with Mercia District Council is being considered.',
  '',
  'Page 9',
  '',
  'Agenda Item 3',
  'CORPORATE GOVERNANCE COMMITTEE – 9 MARCH 2026',
  'REPORT OF THE DIRECTOR OF CORPORATE RESOURCES',
  'INTERNAL AUDIT ANNUAL PLAN',
  '',
  '1. The plan for 2026/27 provides for 1,200 days of audit work across the Wessex County Council estate.',
  '',
  'Page 13',
].join('\n');

describe('a county council pack in the ModernGov layout', () => {
  const doc = parseDocument('wessex-cgc.txt', MODERNGOV_PACK);
  const chunks = chunkDocument(doc);

  it('takes the publisher from the title block and email domain, not the council it mentions once', () => {
    expect(doc.council).toBe('Wessex County Council');
    expect(new Set(chunks.map((c) => c.place.council))).toEqual(new Set(['Wessex County Council']));
  });

  it('names the committee without its "Meeting:" label and dates the pack from "Date/Time:"', () => {
    expect({ committee: doc.committee, meetingDate: doc.meetingDate }).toEqual({ committee: 'Corporate Governance Committee', meetingDate: '2026-03-09' });
  });

  it('finds the minutes and each report as parts of their own type', () => {
    expect(doc.parts.map((p) => [p.kind, p.itemNumber])).toEqual([['agenda', null], ['minutes', '1'], ['report', '2'], ['report', '3']]);
  });

  it('dates the minutes by the meeting they record and notes the meeting that approved them', () => {
    const minute = chunks.find((c) => c.text.includes('cyber risks'))!;
    expect(minute.place).toMatchObject({ docType: 'minutes', meetingDate: '2026-01-19', approvedAt: '2026-03-09', committee: 'Corporate Governance Committee' });
  });
});

describe('printed minutes on their own', () => {
  const text = [
    'Borsetshire Borough Council',
    'Minutes of the Planning and Licensing',
    'Committee',
    '',
    '4 February 2026 at 6.00 pm',
    '',
    'Members Present:-',
    'Councillors: A Archer (Chair), B Grundy',
    '',
    '1 Apologies for Absence',
    '',
    'Apologies were received from Councillor Aldridge.',
    '',
    '2 Planning application 25/0101',
    '',
    'On being put to the vote the application was REFUSED (5 voting for, 2 against).',
  ].join('\n');

  it('are minutes of the body and date in their heading, with no field label or wrap left in the name', () => {
    const doc = parseDocument('minutes.txt', text);
    expect({ council: doc.council, committee: doc.committee, meetingDate: doc.meetingDate, kinds: doc.parts.map((p) => p.kind) }).toEqual({
      council: 'Borsetshire Borough Council',
      committee: 'Planning and Licensing Committee',
      meetingDate: '2026-02-04',
      kinds: ['minutes'],
    });
    const vote = chunkDocument(doc).find((c) => c.text.includes('REFUSED'))!;
    expect({ ...vote.place, reprint: vote.reprint }).toMatchObject({ docType: 'minutes', meetingDate: '2026-02-04', reprint: false });
    expect(Object.keys(vote.place)).not.toContain('approvedAt');
  });
});

describe('a standalone report with a "Meeting: / Date: / Subject: / Report Of:" block', () => {
  const text = [
    'Meeting:',
    '',
    'Cabinet',
    '',
    'Date:',
    '',
    'Subject:',
    '',
    'Fees and Charges 2026/27',
    '',
    'Report Of:',
    '',
    'Cabinet Member for Finance',
    '',
    'Email: finance@loamshire.gov.uk',
    '',
    '14 January 2026',
    '',
    '1.0 Purpose of Report',
    '',
    '1.1 To set the fees and charges of Loamshire District Council for 2026/27.',
  ].join('\n');

  it('is a report for its committee and meeting, titled by its subject', () => {
    const doc = parseDocument('fees.txt', text);
    expect({ council: doc.council, committee: doc.committee, meetingDate: doc.meetingDate, title: doc.title, kinds: doc.parts.map((p) => p.kind) }).toEqual({
      council: 'Loamshire District Council',
      committee: 'Cabinet',
      meetingDate: '2026-01-14',
      title: 'Fees and Charges 2026/27',
      kinds: ['report'],
    });
  });
});

describe('a Welsh community council', () => {
  it('is named by its Welsh title, not the county council its minutes mention', () => {
    const text = '<time datetime="2021-02-08">Cyfarfod 8fed Chwefror 2021</time>\n<p>Cynhaliwyd cyfarfod Cyngor Cymuned Llanfair a Bryn ar 8fed Chwefror 2021.</p>\n<h4>PRESENNOL</h4>\n<p>Anfonir llythyr at Gyngor Sir Powys. Cyngor Sir Powys fydd yn ateb.</p>';
    const doc = parseDocument('cy.html.txt', text);
    expect({ council: doc.council, meetingDate: doc.meetingDate, kinds: doc.parts.map((p) => p.kind) }).toEqual({ council: 'Cyngor Cymuned Llanfair a Bryn', meetingDate: '2021-02-08', kinds: ['minutes'] });
  });
});

describe('a layout with no recognised structure', () => {
  const paragraph = (n: number): string => `Paragraph ${n} sets out how the scheme is run, who is responsible for it, and which budget pays for the work that follows from it.`;
  const text = ['Guide to the Allotment Scheme', '', 'Eligibility', '', ...Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).flatMap((p) => [p, '']), 'Fees', '', 'The fee is £40 a year for a full plot.'].join('\n');

  it('falls back to paragraph windows that carry their heading and the end of the window before', () => {
    const doc = parseDocument('guide.txt', text);
    const chunks = chunkDocument(doc);
    expect(doc.parts.map((p) => p.kind)).toEqual(['document']);
    expect(chunks.length).toBeGreaterThan(1);
    const second = chunks[1]!;
    expect(second.indexText).toContain('Eligibility');
    expect(second.indexText).toContain(chunks[0]!.text.trim().slice(-60));
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(chunks.at(-1)!.indexText).toContain('Fees');
  });
});

describe('document types from the title block', () => {
  it.each([
    ['Decision Notice\n\nTransport Committee – 19 March 2026\n\nDecision: approved.', 'decision'],
    ['PART 3.4 - DELEGATIONS TO OFFICERS\n\nThis part of the Constitution sets out the delegations.', 'constitution'],
    ['Civil Enforcement\nAnnual Report\n\n2023-2024', 'annual-report'],
    ['Public Questions and Answers\nFull Council, 5 March 2026\n\nQuestion 1', 'questions'],
    ['Covert Surveillance Policy\n\n1. Introduction', 'policy'],
    ['Notes from a site visit\n\nWe walked the route.', 'document'],
  ])('%j is %s', (text, type) => {
    expect(classifyDocument(text)).toBe(type);
  });
});

describe('an annual report whose cover sets its title over several lines', () => {
  const text = 'Northshire City\nCouncil\n\nParking Enforcement\nAnnual Report\n\n2023-2024\nContents\n\n2. Overview\n\nThe council deployed 35 officers across the city during the year.\n';

  it('is titled by the whole cover, with the year it is for', () => {
    expect(parseDocument('northshire-annual-report.txt', text).title).toBe('Parking Enforcement Annual Report 2023-2024');
  });
});

describe('a numbered paragraph whose first line wraps', () => {
  const text = [
    'PART 3.2 - TERMS OF REFERENCE',
    '',
    'Terms of Reference for the Standards Sub-Committee',
    '',
    '6. Consideration of applications for dispensation to allow members to participate in',
    'consideration of matters in which they would otherwise not be able to participate.',
    '',
    '7. To review the council’s use of the powers available to it under the Regulation of',
    'Investigatory Powers Act 2000.',
    '',
  ].join('\n');

  it('is a paragraph under the heading before it, not a heading itself', () => {
    const chunks = chunkDocument(parseDocument('constitution-part-3-2.txt', text));
    expect(chunks.find((c) => c.text.includes('Investigatory'))!.place.section).toBe('Terms of Reference for the Standards Sub-Committee');
  });
});

describe('a heading with a running footer printed under it', () => {
  const footer = 'committees@riverton.gov.uk';
  const text = ['Minutes of the Transport Committee', '', ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`Recommendation ${n} - Parking Item ${n}`, footer, '', `On being put to the vote recommendation ${n} was CARRIED (5 for, 4 against), after a debate on the parking charges proposed in the report.`, '', 'Members asked officers to report back on the effects of the new charges on local businesses and residents.', ''])].join('\n');

  it('is still the heading of the text after the footer', () => {
    const chunks = chunkDocument(parseDocument('minutes.txt', text));
    expect(chunks.find((c) => c.text.includes('recommendation 3 was CARRIED'))!.place.section).toBe('Recommendation 3 - Parking Item 3');
  });
});

describe('a short line with a verb ending in a colon', () => {
  const text = ['Minutes', '', '8 Speed Limits Review', '', 'The committee considered the review of speed limits on residential roads across the city and the officers\' technical assessment.', '', 'Recommendation 3 was not approved:', '', '3. Authorise the Executive Director to decide which proposals go forward to the statutory process.', ''].join('\n');

  it('leads into what follows: the passage stays under the minute\'s heading', () => {
    const chunks = chunkDocument(parseDocument('minutes.txt', text));
    expect(chunks.find((c) => c.text.includes('Authorise the Executive Director'))!.place.section).toBe('8 Speed Limits Review');
  });
});

describe('a table whose cells repeat line after line', () => {
  const rows = ['March 23', '£5,964,399', '', 'March 24', '£6,000,541', '', 'March 25', '£6,214,832', ''];
  const text = ['Council Tax Support scheme review', '', ...[1, 2, 3].flatMap((n) => [`Table ${n}: Council Tax Support expenditure`, '', ...rows, `The expenditure in table ${n} has risen each year since the scheme began.`, ''])].join('\n');

  it('keeps the cells in what is searched: they are not a running header', () => {
    const chunks = chunkDocument(parseDocument('report.txt', text));
    expect(chunks.map((c) => c.indexText).join('\n')).toContain('£5,964,399');
  });
});

describe('a running header of two lines printed on every page', () => {
  const header = ['NOVEMBER 2025 PART 3.2: TERMS OF REFERENCE', 'AND FUNCTIONS OF COMMITTEES', '', 'OFFICIAL'];
  const duty = (n: number): string => `${n}. To consider matters of standards and conduct number ${n} referred to the committee by the Monitoring Officer, and to report.`;
  const page = (n: number): string[] => [...header, ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => duty(n * 8 + k)).flatMap((d) => [d, ''])];
  const text = ['Terms of Reference for the Standards Sub-Committee', '', ...[0, 1, 2, 3, 4, 5].flatMap(page)].join('\n');

  it('is not the heading of the text on its pages', () => {
    const chunks = chunkDocument(parseDocument('constitution-part-3-2.txt', text));
    expect(chunks.find((c) => c.text.includes('number 40 referred'))!.place.section).toBe('Terms of Reference for the Standards Sub-Committee');
  });
});
