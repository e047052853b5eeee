import { describe, expect, it } from 'vitest';
import { extractRipaPolicies, ripaPolicyExtractor, RipaPolicySchema, selectRipaPolicy } from '../../src/ripa/extract-ripa-policy.js';
import { paragraphsFor } from '../../src/ripa/ripa-policy.js';
import { corpusDocs, corpusText } from '../audit/corpus.js';
import { anytownPolicy, kentPolicy } from './policy.js';

describe('ripaPolicyExtractor on the bundled packs', () => {
  const docs = corpusDocs();

  it('finds the one covert techniques policy, in item 9 of the Governance and Audit pack', () => {
    expect(ripaPolicyExtractor.name).toBe('ripa-policy');
    const found = docs.map((d) => ripaPolicyExtractor.extract(d).length);
    expect(found).toEqual([1, 0, 0, 0]);
    const p = kentPolicy();
    expect(p.title).toBe('Policy in relation to the use of covert investigative techniques');
    expect(p.place).toMatchObject({ source: '000_1f87ef84fb8f7cad.txt', council: 'Kent County Council', meetingDate: '2023-10-25', itemNumber: '9', docType: 'policy' });
  });

  it('keeps every numbered paragraph from 1.1 to 13.2 and the glossary, each a verbatim span', () => {
    const p = kentPolicy();
    const numbers = p.paragraphs.map((x) => x.number).filter(Boolean);
    expect(numbers[0]).toBe('1.1');
    expect(numbers.at(-1)).toBe('13.2');
    expect(numbers).toEqual(expect.arrayContaining(['2.6', '3.3', '3.7', '3.8', '4.1', '4.2', '4.6', '5.1', '5.2', '6.1', '6.2', '7.1', '7.2', '8.1', '8.2', '9.1']));
    expect(new Set(numbers).size).toBe(numbers.length);
    const text = corpusText(p.place.source);
    for (const x of p.paragraphs) expect(text.slice(x.span.start, x.span.end)).toBe(x.span.quote);
    // 9.1 runs over a page footer; its span runs on to the end of its sentence.
    expect(p.paragraphs.find((x) => x.number === '9.1')!.span.quote).toMatch(/within 5\n\nPage 6 of 15\n\nworking days of the date of the application, authorisation, notice, renewal or cancellation\.$/);
    // No annex guidance is read as policy.
    expect(p.paragraphs.some((x) => /Guidance on completing|Fill in details/.test(x.text))).toBe(false);
  });

  it('files paragraphs under their topics by key phrases and headings', () => {
    const p = kentPolicy();
    const first = (topic: Parameters<typeof paragraphsFor>[1]): string | null | undefined => paragraphsFor(p, topic)[0]?.number;
    expect(first('intrusive')).toBe('2.6');
    expect(first('senior-authoriser')).toBe('4.2');
    expect(first('judicial-approval')).toBe('4.6');
    expect(first('retention')).toBe('5.1');
    expect(first('duration')).toBe('5.2');
    expect(first('review')).toBe('6.1');
    expect(first('renewal')).toBe('7.1');
    expect(first('cancellation')).toBe('8.1');
    expect(first('register-copy')).toBe('9.1');
    expect(first('social-media')).toBe('3.1');
    expect(first('cctv')).toBe('11.1');
  });

  it('reads the local settings from the policy’s words', () => {
    expect(kentPolicy().facts).toEqual({
      seniorAuthoriser: 'Head of Paid Service or, in his absence, a Corporate Director nominated by the Head of Paid Service to deputise for him',
      informed: 'KCC General Counsel',
      retentionYears: 3,
      registerWorkingDays: 5,
      durationMonths: { directedSurveillance: 3, chis: 12 },
      renewalMonths: { directedSurveillance: 3, chis: 12 },
    });
  });

  it('selects the latest policy from stored records and ignores records that do not parse', () => {
    const p = kentPolicy();
    const older = { ...p, place: { ...p.place, meetingDate: '2022-11-15' }, title: 'Older policy' };
    const stored = JSON.parse(JSON.stringify([older, { kind: 'ripa-policy' }, p])) as unknown[];
    expect(selectRipaPolicy(stored)?.title).toBe(p.title);
    expect(selectRipaPolicy([])).toBeNull();
    expect(selectRipaPolicy(undefined)).toBeNull();
    expect(RipaPolicySchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
});

describe('ripaPolicyExtractor on another council’s policy', () => {
  it('finds its own authoriser, who is told, records period and register period', () => {
    const p = anytownPolicy();
    expect(p.title).toBe('Regulation of Investigatory Powers Act 2000 (RIPA) Policy and Procedures');
    expect(p.facts).toMatchObject({ seniorAuthoriser: 'Chief Executive', informed: 'Monitoring Officer', retentionYears: 5, registerWorkingDays: 10 });
    expect(paragraphsFor(p, 'intrusive')[0]?.number).toBe('3.1');
    expect(paragraphsFor(p, 'judicial-approval')[0]?.number).toBe('2.3');
    expect(paragraphsFor(p, 'social-media')[0]?.number).toBe('6.1');
  });

  it('finds no policy in a document that merely mentions covert surveillance', () => {
    const doc = corpusDocs()[0]!;
    const report = { ...doc, parts: doc.parts.filter((x) => x.itemNumber === '9').map((x) => ({ ...x, end: doc.text.indexOf('Kent County Council\n\nPolicy in relation') })) };
    expect(extractRipaPolicies(report)).toEqual([]);
  });
});
