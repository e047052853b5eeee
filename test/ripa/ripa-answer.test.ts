import { describe, expect, it } from 'vitest';
import { isRipaQuestion, ripaAnswer } from '../../src/ripa/ripa-answer.js';
import { AnswerSchema, type Answer } from '../../src/types.js';
import { corpusText } from '../audit/corpus.js';
import { anytownPolicy, deadlineService, kentPolicy } from './policy.js';

const policy = kentPolicy();
const deadlines = deadlineService();
const TODAY = '2026-05-20';
const ask = (q: string): Answer | null => ripaAnswer(q, policy, deadlines, TODAY);

function cited(a: Answer): Array<string | null> {
  AnswerSchema.parse(a);
  expect(a.kind).toBe('ripa');
  const text = corpusText(policy.place.source);
  for (const c of a.citations) expect(text.slice(c.start!, c.end!)).toBe(c.quote);
  return a.citations.map((c) => c.paragraph);
}

describe('ripaAnswer: dev examples', () => {
  it('renewing a directed surveillance authorisation that is about to run out: three months, paras 7.1 and 7.2', () => {
    const a = ask("Our directed surveillance authorisation is about to run out but the operation isn't finished - can it be renewed, and for how long?")!;
    expect(a.answer).toMatch(/three months|3 months/);
    expect(a.answer).toContain('magistrate');
    expect(cited(a)).toEqual(['7.1', '7.2']);
  });

  it('how long records are kept: 3 years, para 5.1', () => {
    const a = ask('How long do we have to keep RIPA authorisation records?')!;
    expect(a.answer).toContain('3 years');
    expect(cited(a)).toEqual(['5.1']);
  });

  it('leaves reportable errors and policy changes to document search', () => {
    expect(ask('Any RIPA reportable errors in 2022/23, and has the covert techniques policy changed?')).toBeNull();
  });
});

describe('ripaAnswer: the questions officers ask', () => {
  it('gives each technique its period when a question names two', () => {
    expect(ask('How long does a directed surveillance authorisation last, vs a CHIS?')!.answer).toMatch(/Directed surveillance: Lasts three months[\s\S]*CHIS: Lasts twelve months/);
  });

  it('gives how long an authorisation lasts when asked how long it lasts before it must be renewed', () => {
    expect(ask('How long does a directed surveillance authorisation last before it has to be renewed?')!.answer).toMatch(/Lasts three months/);
  });

  it('who can authorise a juvenile CHIS: the Head of Paid Service, General Counsel informed, para 4.2', () => {
    const a = ask('Who can authorise a juvenile CHIS?')!;
    expect(a.answer).toContain('Head of Paid Service');
    expect(a.answer).toContain('KCC General Counsel must also be informed');
    expect(cited(a)).toContain('4.2');
  });

  it('a camera in someone’s car: no, intrusive surveillance, para 2.6 and RIPA s.32', () => {
    const a = ask("Can we put a camera in someone's car?")!;
    expect(a.answer).toMatch(/^Not allowed/);
    expect(a.answer).toContain('RIPA 2000 ss.26(3), 32');
    expect(cited(a)).toEqual(['2.6']);
    // From the street it is directed surveillance, which may be authorised.
    expect(ask("Can we put a camera outside the suspect's house?")!.answer).toMatch(/^Allowed with authorisation: directed surveillance/);
  });

  it('do we need a magistrate: yes, before it takes effect (s.32A, para 4.6); not for communications data', () => {
    const a = ask('Do we need a magistrate?')!;
    expect(a.answer).toContain('does not take effect until a magistrate');
    expect(a.answer).toContain('s.32A');
    expect(a.answer).toContain('communications data');
    expect(cited(a)).toEqual(['4.6']);
  });

  it('when the register copy must be sent: 5 working days, para 9.1, with the date when one is given', () => {
    expect(ask('When must the register copy be sent?')!.answer).toContain('within 5 working days');
    const dated = ask('We authorised directed surveillance on 1 June 2026 - when must the copy go to the central register?')!;
    expect(dated.answer).toContain('by Mon 8 Jun 2026');
    expect(cited(dated)).toContain('9.1');
  });

  it('reads "get a copy over to the Corporate Director" as the register copy', () => {
    expect(ask('Once we have renewed a CHIS authorisation, how long do we have to get a copy over to the Corporate Director?')!.answer).toContain('within 5 working days');
  });

  it('using my own Facebook account: no (para 3.3); privacy settings need a CHIS authorisation (para 3.8)', () => {
    const a = ask("Can I use my own Facebook account to look at a suspect's profile?")!;
    expect(a.answer).toMatch(/^No\. Never use your own equipment or personal social media accounts/);
    expect(cited(a)).toEqual(expect.arrayContaining(['3.3', '3.7', '3.8']));
  });

  it('durations, with the expiry date when the approval date is given', () => {
    expect(ask('How long does a CHIS authorisation last?')!.answer).toContain('twelve months');
    expect(ask('How long does a juvenile CHIS authorisation last?')!.answer).toContain('four months');
    const a = ask('When does a directed surveillance authorisation approved on 1 June 2026 expire?')!;
    expect(a.answer).toContain('ceases to have effect at the end of Mon 31 Aug 2026');
    expect(cited(a)).toEqual(['5.2']);
  });

  it('reviews, cancellations, communications data, the SRO and CCTV', () => {
    expect(cited(ask('How often should we review a directed surveillance authorisation?')!)).toEqual(['6.1', '6.2']);
    const cancel = ask('Do we need to cancel the authorisation when the operation finishes?')!;
    expect(cancel.answer).toContain("does not simply 'expire'");
    expect(cited(cancel)).toEqual(['8.1', '8.2']);
    const comms = ask("Can we get a suspect's phone subscriber details?")!;
    expect(comms.answer).toContain('OCDA');
    expect(cited(comms)).toContain('4.4');
    expect(ask('Who is the senior responsible officer for RIPA?')!.answer).toContain('Corporate Director of Growth, Environment and Transport');
    expect(cited(ask('Can we use CCTV for covert surveillance?')!)).toEqual(['11.1']);
  });

  it('phone taps, copies to the register, authorisations that "expire" when the job is done, confidential material', () => {
    const tap = ask('Can we bug a phone?')!;
    expect(tap.answer).toMatch(/^Not allowed: tapping a phone/);
    expect(tap.answer).toContain('IPA 2016 ss.3, 6');
    const copy = ask('Who do I send a copy of the authorisation to?')!;
    expect(copy.answer).toContain('to the Corporate Director or a person nominated by them within 5 working days');
    const done = ask('Do authorisations expire automatically when the job is done?')!;
    expect(done.answer).toMatch(/^Cancellation:/);
    expect(done.answer).not.toContain('Lasts');
    const conf = ask('What happens if our surveillance picks up confidential information?')!;
    expect(conf.answer).toContain('Head of Paid Service');
    expect(conf.answer).toContain('Where confidential information is involved, the review');
    const covertly = ask('We want to watch a fly-tipping hotspot covertly - who authorises it?')!;
    expect(covertly.answer).toMatch(/^Who authorises: an Authorising Officer/);
  });

  it('numbers citations in the order the answer uses them', () => {
    for (const q of ["Can we use a fake profile to view a trader's Facebook page?", 'Who can authorise a juvenile CHIS?', "Can we get a suspect's phone subscriber details?"]) {
      const a = ask(q)!;
      const order = [...new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
      expect(order).toEqual(a.citations.map((c) => c.n));
    }
  });

  it('answers from another council’s policy with its own people and periods', () => {
    const other = anytownPolicy();
    const a = ripaAnswer('Who can authorise a juvenile CHIS?', other, deadlines, TODAY)!;
    expect(a.answer).toContain('the Chief Executive');
    expect(a.answer).toContain('the Monitoring Officer must also be informed');
    expect(ripaAnswer('How long do we keep RIPA records?', other, deadlines, TODAY)!.answer).toContain('5 years');
    expect(ripaAnswer('Who do we send a copy of the authorisation to?', other, deadlines, TODAY)!.answer).toContain('to the central record held by Legal Services within 10 working days');
  });

  it('answers from statute alone when the corpus has no policy', () => {
    const a = ripaAnswer('Do we need a magistrate for directed surveillance?', null, deadlines, TODAY)!;
    expect(a.citations).toEqual([]);
    expect(a.answer).toContain('s.32A');
    expect(a.notes.join(' ')).toContain('No covert surveillance policy');
  });

  it.each([
    'How many RIPA authorisations were granted last year?',
    "What's the deadline for responding to an FOI request?",
    'What is on the corporate risk register?',
    'Who chairs the Governance and Audit Committee?',
    'What did internal audit conclude on procurement?',
    'What is the register of interests?',
    'Can I watch the committee meeting at home?',
    "Can we follow up the trader's complaint?",
    'What are quality surveillance groups?',
  ])('returns null for "%s"', (q) => {
    expect(ask(q)).toBeNull();
  });

  it('recognises RIPA questions that never say RIPA', () => {
    expect(isRipaQuestion("can I look at a suspect's Instagram?")).toBe(true);
    expect(isRipaQuestion('do we need a magistrate?')).toBe(true);
    expect(isRipaQuestion('can we film the trader from across the road?')).toBe(true);
    expect(isRipaQuestion('when is the next cabinet meeting?')).toBe(false);
  });
});
