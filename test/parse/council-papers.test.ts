import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkDocument, parseDocument } from '../../src/parse/parse-document.js';

/** Shared papers, read from ../shared beside the repository (as CI lays it out). */
const shared = (path: string): string => readFileSync(new URL(`../../../shared/${path}`, import.meta.url), 'utf8');

type PartRow = [kind: string, itemNumber: string | null, meetingDate: string | null];
type Row = [file: string, council: string | null, committee: string | null, meetingDate: string | null, parts: PartRow[]];

/**
 * What each real paper is, checked once by reading the files (title blocks, "Agenda Item" marks,
 * minutes headings, "Report To:" and "Meeting:" fields): the publisher, the body, the meeting date,
 * and every part with its type and the meeting date its passages carry (minutes: the meeting they record).
 */
const EXPECTED: Row[] = [
  ['corpus/000_1f87ef84fb8f7cad.txt', 'Kent County Council', 'Governance and Audit Committee', '2023-10-25', [['agenda', null, '2023-10-25'], ['minutes', '4', '2023-09-14'], ['report', '5', '2023-10-25'], ['report', '6', '2023-10-25'], ['report', '8', '2023-10-25'], ['report', '9', '2023-10-25'], ['report', '10', '2023-10-25']]],
  ['corpus/001_952b029969f02f1c.txt', 'Kent County Council', null, null, [['document', null, null]]],
  ['corpus/002_744e773a20c1c463.txt', 'Kent County Council', 'Policy and Resources Cabinet Committee', '2017-09-15', [['agenda', null, '2017-09-15'], ['minutes', '4', '2017-06-16'], ['minutes', '5', '2017-03-21'], ['report', '6', '2017-09-15'], ['report', '7', '2017-09-15'], ['report', '8', '2017-09-15'], ['report', '9', '2017-09-15'], ['report', '10', '2017-09-15'], ['report', '11', '2017-09-15'], ['report', '12', '2017-09-15'], ['report', '13', '2017-09-15']]],
  ['corpus/003_ecdb3f71de2597ef.txt', 'Kent County Council', 'Cabinet', '2023-01-05', [['agenda', null, '2023-01-05'], ['minutes', '3', '2022-12-01'], ['report', '6', '2023-01-05'], ['report', '7', '2023-01-05']]],
  // The constitution parts never name their council (no title block, no email): null, not a guess.
  ['councils/text/bristol_constitution_part-3-2_terms-of-reference-of-committees_2025-11.txt', null, null, null, [['constitution', null, null]]],
  ['councils/text/bristol_constitution_part-3-4_delegations-to-officers_2026-01.txt', null, null, null, [['constitution', null, null]]],
  ['councils/text/bristol_constitution_part-4-2_access-to-information-rules_2024-05.txt', null, null, null, [['constitution', null, null]]],
  ['councils/text/bristol_tcpc_2024-09-12_printed-minutes.txt', 'Bristol City Council', 'Transport and Connectivity Policy Committee', '2024-09-12', [['minutes', null, '2024-09-12']]],
  ['councils/text/bristol_tcpc_2024-09-12_public-reports-pack.txt', 'Bristol City Council', 'Transport and Connectivity Policy Committee', '2024-09-12', [['agenda', null, '2024-09-12'], ['report', '1', '2024-09-12'], ['minutes', '4', '2024-07-11'], ['report', '7', '2024-09-12'], ['report', '8', '2024-09-12'], ['report', '9', '2024-09-12'], ['report', '10', '2024-09-12'], ['report', '11', '2024-09-12'], ['report', '12', '2024-09-12']]],
  ['councils/text/bristol_tcpc_2025-05-15_printed-minutes.txt', 'Bristol City Council', 'Transport & Connectivity Policy Committee', '2025-05-15', [['minutes', null, '2025-05-15']]],
  ['councils/text/bristol_tcpc_2025-10-23_printed-minutes.txt', 'Bristol City Council', 'Transport & Connectivity Policy Committee', '2025-10-23', [['minutes', null, '2025-10-23']]],
  ['councils/text/bristol_tcpc_2025-10-23_public-reports-pack.txt', 'Bristol City Council', 'Transport & Connectivity Policy Committee', '2025-10-23', [['agenda', null, '2025-10-23'], ['report', '1', '2025-10-23'], ['minutes', '4', '2025-09-11'], ['report', '7', '2025-10-23'], ['report', '8', '2025-10-23'], ['report', '9', '2025-10-23'], ['report', '10', '2025-10-23'], ['report', '11', '2025-10-23'], ['report', '12', '2025-10-23'], ['report', '13', '2025-10-23'], ['report', '14', '2025-10-23']]],
  ['councils/text/bristol_tcpc_2026-03-19_printed-minutes.txt', 'Bristol City Council', 'Transport & Connectivity Policy Committee', '2026-03-19', [['minutes', null, '2026-03-19']]],
  ['councils/text/bristol_tcpc_2026-03-19_public-reports-pack.txt', 'Bristol City Council', 'Transport & Connectivity Policy Committee', '2026-03-19', [['agenda', null, '2026-03-19'], ['report', '1', '2026-03-19'], ['minutes', '4', '2026-02-05'], ['report', '7', '2026-03-19'], ['report', '8', '2026-03-19'], ['report', '9', '2026-03-19'], ['report', '10', '2026-03-19'], ['report', '11', '2026-03-19']]],
  // "Meeting: Cabinet / Council", the dates below the fields (pdftotext columns): the first meeting.
  ['councils/text/gloucester-city_cabinet-council_2025-12-10_local-council-tax-support-scheme-2026-27.txt', 'Gloucester City Council', 'Cabinet', '2025-12-10', [['report', null, '2025-12-10']]],
  ['councils/text/gloucester-city_cabinet_2026-03-11_resource-requirements-finance-team.txt', 'Gloucester City Council', 'Cabinet', '2026-03-11', [['report', null, '2026-03-11']]],
  // A community council's own minutes; it mentions Carmarthenshire County Council (Cyngor Sir Gâr) once.
  ['councils/text/manordeilo-salem-cc_2020-06-10_minutes_cy.html.txt', 'Cyngor Cymuned Manordeilo a Salem', null, '2020-06-10', [['minutes', null, '2020-06-10']]],
  ['councils/text/manordeilo-salem-cc_2020-06-10_minutes_en.html.txt', 'Manordeilo and Salem Community Council', null, '2020-06-10', [['minutes', null, '2020-06-10']]],
  ['councils/text/nottingham-city_civil-enforcement-annual-report_2023-24.txt', 'Nottingham City Council', null, null, [['annual-report', null, null]]],
  // The combined authority's reports name Bristol City Council often; "REPORT TO:" and their email domain say whose they are.
  ['councils/text/weca_2026-03-27_transport-report.txt', 'West of England Mayoral Combined Authority', 'West of England Combined Authority Committee', '2026-03-27', [['report', null, '2026-03-27']]],
  ['councils/text/weca_2026-06-05_budget-outturn-2025-26.txt', 'West of England Mayoral Combined Authority', 'West of England Mayoral Combined Authority Committee', '2026-06-05', [['report', null, '2026-06-05']]],
  ['councils/text/weca_2026-06-05_delivery-assurance-report.txt', 'West of England Mayoral Combined Authority', 'West of England Combined Authority Committee', '2026-06-05', [['report', null, '2026-06-05']]],
  ['councils/text/weca_2026-06-05_investment-fund-programme.txt', 'West of England Mayoral Combined Authority', 'West of England Combined Authority Committee', '2026-06-05', [['report', null, '2026-06-05']]],
  // Its header says 5 March 2026 (a slip in the original, kept as published).
  ['councils/text/weca_2026-06-05_public-questions-and-mayor-responses.txt', 'West of England Mayoral Combined Authority', 'West of England Combined Authority Committee and West of England Joint Committee', '2026-03-05', [['questions', null, '2026-03-05']]],
];

describe('every real paper: council, committee, meeting date and parts', () => {
  it.each(EXPECTED)('%s', (file, council, committee, meetingDate, parts) => {
    const doc = parseDocument(file, shared(file));
    const chunks = chunkDocument(doc);
    const found = doc.parts.map((p): PartRow => {
      const dates = [...new Set(chunks.filter((c) => c.start >= p.start && c.end <= p.end).map((c) => c.place.meetingDate))];
      return [p.kind, p.itemNumber, dates.length === 1 ? dates[0]! : `mixed: ${dates.join(',')}`];
    });
    // Every passage carries the council of the paper it quotes, never another.
    const labels = [...new Set(chunks.map((c) => c.place.council))];
    expect({ council: doc.council, committee: doc.committee, meetingDate: doc.meetingDate, parts: found, labels }).toEqual({ council, committee, meetingDate, parts, labels: [council] });
  });

  it('covers every file in councils/text and the four Kent packs', () => {
    const listed = EXPECTED.map((r) => r[0]);
    const onDisk = [
      ...readdirSync(new URL('../../../shared/corpus/', import.meta.url)).map((f) => `corpus/${f}`),
      ...readdirSync(new URL('../../../shared/councils/text/', import.meta.url)).map((f) => `councils/text/${f}`),
    ].sort();
    expect(listed).toEqual(onDisk);
  });

  it('dates minutes printed in a later pack by the meeting they record, noting the meeting that approved them', () => {
    const doc = parseDocument('pack.txt', shared('councils/text/bristol_tcpc_2026-03-19_public-reports-pack.txt'));
    const minutes = chunkDocument(doc).find((c) => c.place.docType === 'minutes')!;
    expect(minutes.place).toMatchObject({ meetingDate: '2026-02-05', approvedAt: '2026-03-19', itemNumber: '4', council: 'Bristol City Council' });
    expect(minutes.reprint).toBe(true);
  });
});
