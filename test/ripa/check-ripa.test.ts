import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRipa, formatRipaOutcome, ripaOutcomeAnswer, RipaOutcomeSchema, type RipaCheckInputRaw } from '../../src/ripa/check-ripa.js';
import { InputError } from '../../src/errors.js';
import { RIPA_FORM_FIELDS, answerRipaForm, ripaInputFromForm } from '../../src/ripa/ripa-form.js';
import { AnswerSchema } from '../../src/types.js';
import { corpusText, fixtureDoc } from '../audit/corpus.js';
import { anytownPolicy, deadlineService, kentPolicy } from './policy.js';

const policy = kentPolicy();
const deadlines = deadlineService();
const TODAY = '2026-05-20';

type Source = 'none' | 'juvenile' | 'vulnerable' | 'unknown';
const SOURCES: Record<Source, Pick<RipaCheckInputRaw, 'juvenileOrVulnerable' | 'sourceUnder18'>> = {
  none: { juvenileOrVulnerable: false },
  juvenile: { juvenileOrVulnerable: true, sourceUnder18: true },
  vulnerable: { juvenileOrVulnerable: true, sourceUnder18: false },
  unknown: { juvenileOrVulnerable: true },
};
const combos = (['directed-surveillance', 'chis', 'communications-data'] as const).flatMap((technique) =>
  (Object.keys(SOURCES) as Source[]).flatMap((source) =>
    [false, true].flatMap((confidential) =>
      [false, true].flatMap((premises) =>
        [undefined, '2026-06-01'].map((approvalDate) => ({ technique, source, confidential, premises, approvalDate })),
      ),
    ),
  ),
);

const paragraphsCited = (o: ReturnType<typeof checkRipa>, topic: string): Array<string | null> =>
  o.lines.filter((l) => l.topic === topic).flatMap((l) => l.refs.map((n) => o.citations[n - 1]!.paragraph));

describe('checkRipa: every combination of the form’s answers', () => {
  it.each(combos)('%o', ({ technique, source, confidential, premises, approvalDate }) => {
    const o = checkRipa({ technique, ...SOURCES[source], confidentialInfoLikely: confidential, residentialOrPrivateVehicle: premises, approvalDate }, policy, deadlines, TODAY);
    RipaOutcomeSchema.parse(o);
    // Citations are the policy's own words, numbered in order and all used.
    const text = corpusText(policy.place.source);
    o.citations.forEach((c, i) => {
      expect(c.n).toBe(i + 1);
      expect(text.slice(c.start!, c.end!)).toBe(c.quote);
    });
    expect(new Set(o.lines.flatMap((l) => l.refs))).toEqual(new Set(o.citations.map((c) => c.n)));
    for (const l of o.lines) expect(l.refs.length + l.statutes.length).toBeGreaterThan(0);

    const comms = technique === 'communications-data';
    if (premises && !comms) {
      expect(o.allowed).toBe(false);
      expect(o.verdict).toMatch(/^Not allowed/);
      expect(paragraphsCited(o, 'permitted')).toEqual(['2.6']);
      expect(o.lines[0]!.statutes.map((s) => s.citation)).toEqual(['RIPA 2000 ss.26(3), 32']);
      expect([o.authoriser, o.expiry, o.registerCopyDue]).toEqual([null, null, null]);
      return;
    }
    expect(o.allowed).toBe(true);
    const senior = !comms && ((technique === 'chis' && source !== 'none') || confidential);
    if (comms) {
      expect(o.authoriser).toContain('OCDA');
      expect(o.approval).toContain('no magistrate');
      expect(o.expiry).toBeNull();
      expect(o.registerCopyDue).toBeNull();
      expect(o.lines.some((l) => l.topic === 'note' && l.statutes.some((s) => s.citation === 'IPA 2016 s.77'))).toBe(confidential);
      return;
    }
    if (senior) {
      expect(o.authoriser).toBe('the Head of Paid Service or, in his absence, a Corporate Director nominated by the Head of Paid Service to deputise for him');
      expect(o.inform).toBe('the KCC General Counsel');
      expect(paragraphsCited(o, 'authoriser')).toEqual(['4.2']);
    } else {
      expect(o.authoriser).toBe('an Authorising Officer');
      expect(o.inform).toBeNull();
      expect(paragraphsCited(o, 'authoriser')).toEqual(['4.1']);
    }
    expect(o.approval).toContain('magistrate');
    expect(paragraphsCited(o, 'approval')).toEqual(['4.6']);
    expect(paragraphsCited(o, 'renewal')).toEqual(['7.1', '7.2']);
    expect(paragraphsCited(o, 'review')).toEqual(['6.1', '6.2']);
    expect(paragraphsCited(o, 'cancellation')).toEqual(['8.1', '8.2']);
    expect(paragraphsCited(o, 'records')).toEqual(['5.1']);
    expect(o.lines.some((l) => l.topic === 'welfare')).toBe(technique === 'chis');
    const juvenile = technique === 'chis' && (source === 'juvenile' || source === 'unknown');
    if (!approvalDate) {
      expect([o.expiry, o.renewalExpiry, o.registerCopyDue]).toEqual([null, null, null]);
      return;
    }
    const expected = technique === 'directed-surveillance' ? ['2026-08-31', '2026-11-30'] : juvenile ? ['2026-09-30', null] : ['2027-05-31', '2028-05-31'];
    expect([o.expiry?.date, o.renewalExpiry?.date ?? null]).toEqual(expected);
    expect(o.registerCopyDue).toMatchObject({ date: '2026-06-08', dateText: 'Mon 8 Jun 2026' });
    expect(paragraphsCited(o, 'register-copy')).toEqual(['9.1']);
    if (source === 'unknown' && technique === 'chis') expect(o.lines.find((l) => l.topic === 'expiry')!.text).toContain('twelve months (to the end of Mon 31 May 2027)');
  });
});

describe('checkRipa: the policy comes from the corpus, the statute stays fixed', () => {
  it('another council’s policy gives its own authoriser, who is told, and its register period', () => {
    const other = anytownPolicy();
    const o = checkRipa({ technique: 'chis', juvenileOrVulnerable: true, sourceUnder18: true, approvalDate: '2026-06-01' }, other, deadlines, TODAY);
    expect(o.authoriser).toBe('the Chief Executive');
    expect(o.inform).toBe('the Monitoring Officer');
    expect(o.registerCopyDue).toMatchObject({ date: '2026-06-15', citation: 'Anytown Borough Council covert surveillance policy, para 5.2' });
    expect(o.expiry?.date).toBe('2026-09-30');
    const text = fixtureDoc(new URL('./fixtures/anytown-ripa-policy.txt', import.meta.url)).text;
    for (const c of o.citations) expect(text.slice(c.start!, c.end!)).toBe(c.quote);
    expect(formatRipaOutcome(o)).toContain('Records: keep them for at least 5 years');
  });

  it('without a policy in the corpus: statutory lines only, no citations, and a note saying so', () => {
    const o = checkRipa({ technique: 'directed-surveillance', confidentialInfoLikely: true, approvalDate: '2026-06-01' }, null, deadlines, TODAY);
    expect(o.citations).toEqual([]);
    expect(o.authoriser).toContain('Head of Paid Service');
    expect(o.expiry?.date).toBe('2026-08-31');
    expect(o.notes.join(' ')).toContain('No covert surveillance policy was found in the corpus');
    expect(o.lines.find((l) => l.topic === 'approval')!.statutes[0]!.citation).toContain('s.32A');
  });

  it('refuses answers that are not valid', () => {
    expect(() => checkRipa({ technique: 'bugging' } as unknown as RipaCheckInputRaw, policy, deadlines)).toThrow(InputError);
    expect(() => checkRipa({ technique: 'chis', approvalDate: '01/06/2026' }, policy, deadlines)).toThrow(/approvalDate/);
  });

  it('renders as text and as the one answer shape', () => {
    const o = checkRipa({ technique: 'directed-surveillance', approvalDate: '2026-06-01' }, policy, deadlines, TODAY);
    const text = formatRipaOutcome(o);
    expect(text.split('\n')[0]).toBe(o.verdict);
    expect(text).toContain('ceases to have effect at the end of Mon 31 Aug 2026');
    expect(text).toContain('[1] Kent County Council, Policy in relation to the use of covert investigative techniques, para 2.3');
    const answer = AnswerSchema.parse(ripaOutcomeAnswer(o, '/ripa'));
    expect(answer.kind).toBe('ripa');
    expect(answer.citations).toEqual(o.citations);
    expect(answer.answer).not.toContain('Policy paragraphs cited');
  });

  it('dates keep their order for any approval date: register copy, expiry, renewed expiry', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const o = checkRipa({ technique: 'directed-surveillance', approvalDate: day }, policy, deadlines);
        const copy = o.registerCopyDue!.date;
        const gap = (Date.parse(copy) - Date.parse(day)) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(5);
        expect(gap).toBeLessThanOrEqual(14);
        expect(day < copy && copy < o.expiry!.date && o.expiry!.date < o.renewalExpiry!.date).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the /ripa form', () => {
  it('lists its questions and turns the answers into the check', () => {
    expect(RIPA_FORM_FIELDS.map((f) => f.id)).toEqual(['technique', 'source', 'confidential', 'premises', 'approvalDate']);
    expect(ripaInputFromForm({ technique: 'chis', source: 'vulnerable', confidential: 'yes', premises: 'no', approvalDate: '1 June 2026' }, TODAY)).toEqual({
      technique: 'chis',
      juvenileOrVulnerable: true,
      sourceUnder18: false,
      confidentialInfoLikely: true,
      residentialOrPrivateVehicle: false,
      approvalDate: '2026-06-01',
    });
    const answer = answerRipaForm({ technique: 'directed-surveillance', approvalDate: '2026-06-01' }, policy, deadlines, TODAY);
    expect(AnswerSchema.parse(answer).kind).toBe('ripa');
    expect(answer.answer).toContain('Mon 31 Aug 2026');
    expect(() => ripaInputFromForm({ technique: 'tapping' } as never, TODAY)).toThrow(InputError);
  });
});
