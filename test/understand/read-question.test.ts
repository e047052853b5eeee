import { describe, expect, it } from 'vitest';
import { terms } from '../../src/index/tokenize.js';
import { readQuestion } from '../../src/understand/read-question.js';
import { buildScopeRegistry } from '../../src/understand/scope-registry.js';
import type { Place } from '../../src/types.js';

const place = (council: string | null, committee: string | null, meetingDate: string | null): Place => ({
  source: 'x.txt', council, committee, meetingDate, item: null, itemNumber: null, page: null, paragraph: null, section: null, docType: 'minutes', url: null,
});

const registry = buildScopeRegistry(
  [
    place('Northshire County Council', 'Governance and Audit Committee', '2023-10-25'),
    place('Riverton City Council', 'Transport and Connectivity Policy Committee', '2025-10-23'),
    place('Riverton City Council', 'Transport and Connectivity Policy Committee', '2026-03-19'),
    place('Vale of Dunmore Mayoral Combined Authority', 'Combined Authority Committee', '2026-06-05'),
    place('Llanfair and Bryn Community Council', null, '2020-06-10'),
  ],
  { VDCA: 'Vale of Dunmore Combined Authority', AC: 'Audit Committee' },
);
const read = (q: string, ourCouncil: string | null = null) => readQuestion(q, { registry, ourCouncil });

describe('the question reading: scope', () => {
  it('reads "what\'s the CA\'s answer?" as asking for the reply to a question put at a meeting', () => {
    expect(read("Re the public question on the Mayor's diary - what's the CA's answer?").wantsResponse).toBe(true);
  });

  it('reads who "picks up" the cost as whom the cost falls on: the verb is not a key term', () => {
    expect(read('Who actually picks up the cost of the support scheme?').terms).toEqual(terms('cost support scheme'));
  });

  it('reads a date typed in figures ("12/9/24") as the meeting\'s day', () => {
    expect(read('At the committee on 12/9/24 did the parking charges go through?').scope.dates.map((d) => d.iso)).toEqual(['2024-09-12']);
  });

  it('reads "G&A" as the Governance and Audit Committee', () => {
    expect(read('Who became vice-chair of G&A?').scope.committees).toEqual(['Governance and Audit Committee']);
  });

  it('reads "at the end of Sept 2022" as the time of a figure, not a meeting', () => {
    expect(read('Where were we on potholes fixed within 28 days at the end of Sept 2022?').scope.dates.map((d) => d.meeting)).toEqual([false]);
  });

  it('reads "the community council" as the one community council held', () => {
    expect(read("Who did the community council's internal audit?").scope.councils).toEqual(['Llanfair and Bryn Community Council']);
  });

  it('reads a question opening with "community council" as the one community council held', () => {
    expect(read('community council AGM 2020 - when?').scope.councils).toEqual(['Llanfair and Bryn Community Council']);
  });

  it('reads "…, and in person or not?" as a part of its own', () => {
    expect(read('AGM 2020 - when, and in person or not?').clauses.map((c) => c.text)).toEqual(['when', 'in person or not?']);
  });

  it('reads "the CA" as the one combined authority held', () => {
    expect(read("What was the CA's answer on the Mayor's diary?").scope.councils).toEqual(['Vale of Dunmore Mayoral Combined Authority']);
  });

  it('does not read "the city council" as any council when it is not the only one of its kind', () => {
    const two = buildScopeRegistry([place('Riverton City Council', null, null), place('Eastwick City Council', null, null)], {});
    expect(readQuestion('What did the city council decide?', { registry: two }).scope.councils).toEqual([]);
  });

  it('reads a council named by place that the index does not hold', () => {
    expect(read('What % of FOI requests did Eastwick Council answer on time?').unheldCouncils).toEqual(['Eastwick Council']);
  });

  it('does not read a held council, named in full, as one not held', () => {
    expect(read('What did Vale of Dunmore Mayoral Combined Authority Council decide?').unheldCouncils).toEqual([]);
  });

  it('does not read "Full Council" as a council not held', () => {
    expect(read('When does Full Council meet to set the budget?').unheldCouncils).toEqual([]);
  });

  it('reads a follow-up turning to a council not held as out of the earlier council\'s scope', () => {
    const first = read('How many complaints did Riverton City Council receive?');
    expect(readQuestion('And Eastwick Council?', { registry, previous: first }).scope.councils).toEqual([]);
  });

  it('reads a council named in full', () => {
    expect(read('What did Riverton City Council decide on bus lanes?').scope.councils).toEqual(['Riverton City Council']);
  });

  it('reads "cttee" as committee in a committee\'s name', () => {
    expect(read('What did the transport and connectivity policy cttee approve?').scope.committees).toEqual(['Transport and Connectivity Policy Committee']);
  });

  it('reads a contract that "runs out" as one that expires', () => {
    expect(read('When does the bike hire contract run out?').terms).toContain(terms('expire')[0]);
  });

  it('reads a council named by its distinctive word', () => {
    expect(read("What is Northshire's complaints timescale?").scope.councils).toEqual(['Northshire County Council']);
  });

  it('reads a council named by its initials', () => {
    expect(read('Who reviews RCC use of surveillance powers?').scope.councils).toEqual(['Riverton City Council']);
  });

  it('reads a council named by a glossary acronym whose expansion leaves out a kind word', () => {
    expect(read("What was VDCA's revenue outturn?").scope.councils).toEqual(['Vale of Dunmore Mayoral Combined Authority']);
  });

  it('reads "&" and "and" alike in a council name', () => {
    expect(read('Any interests declared at the Llanfair & Bryn CC meeting?').scope.councils).toEqual(['Llanfair and Bryn Community Council']);
  });

  it('does not take a two-letter acronym as a committee', () => {
    expect(read('How often does the AC meet?').scope.committees).toEqual([]);
  });

  it('reads a committee named by its initials', () => {
    expect(read('Who chairs TCPC?').scope.committees).toEqual(['Transport and Connectivity Policy Committee']);
  });

  it('takes "our" as COUNCIL_NAME when it is set', () => {
    expect(read('What is our complaints timescale?', 'Northshire County Council').scope.councils).toEqual(['Northshire County Council']);
  });

  it('reads a council\'s short form typed in lower case as the council', () => {
    expect(read("what is ncc's complaints timescale?").scope.councils).toEqual(['Northshire County Council']);
  });

  it('reads a place name cut short ("Rivn") as its council', () => {
    expect(read('Rivn - how many blue badges are on issue?').scope.councils).toEqual(['Riverton City Council']);
  });

  it('does not take a body named after a possessive as the committee when a capitalised word follows it ("Thornton\'s review of Cabinet Committees")', () => {
    const registry2 = buildScopeRegistry([place('Northshire County Council', 'Cabinet', '2023-10-25')], {});
    expect(readQuestion("Grant Thornton's review - what should happen to Cabinet Committees?", { registry: registry2 }).scope.committees).toEqual([]);
  });

  it('reads a body "set up" as established', () => {
    expect(read('When was the directors forum set up?').terms).toContain('establish');
  });

  it('reads a place name cut short with an "s", as counties are written ("Rivs"), as its council', () => {
    expect(read('Rivs - how many blue badges are on issue?').scope.councils).toEqual(['Riverton City Council']);
  });

  it('leaves the council out of the key terms', () => {
    expect(read('What is Northshire County Council complaints timescale?').terms).not.toContain('northshir');
  });

  it('reads a financial year in short form as the full year', () => {
    expect(read('What was the outturn for 25/26?').scope.periods.map((p) => p.label)).toEqual(['2025/26']);
  });

  it('does not take the year a target is set for as the period asked about', () => {
    expect(read('How many cycle hangars by 2030, and what do users pay?').scope.periods).toEqual([]);
  });

  it('bounds a question by the year of a month it names that is not a meeting\'s ("back in March 2021")', () => {
    expect(read('What was the caseload back in March 2021?').scope.periods.map((p) => p.label)).toEqual(['2021']);
  });

  it('bounds only the part of a question that names a month, not a later part about something else', () => {
    const reading = read('What did the Sept 2024 report say the zone could raise, and how many workplaces have we contacted for the survey?');
    expect([reading.clauses[0]!.periods?.map((p) => p.label), reading.clauses[1]!.periods]).toEqual([['2024'], undefined]);
  });

  it('bounds a later part that points back ("and how much was that meant to raise?") by the month of the part before', () => {
    expect(read('What did the permit go up to in Sept 2024, and how much a year was that meant to raise?').clauses[1]!.periods?.map((p) => p.label)).toEqual(['2024']);
  });

  it('reads a quarter of a financial year', () => {
    expect(read('Why was highways overspending at Q2 2022/23?').scope.periods[0]).toMatchObject({ kind: 'quarter', start: '2022-07-01', end: '2022-09-30' });
  });

  it('reads a meeting day without a year as a day of any year', () => {
    expect(read('What was agreed at TCPC on 19 March?').scope.dates[0]).toMatchObject({ kind: 'day', iso: '--03-19', meeting: true });
  });

  it('does not take a date inside the subject as a meeting', () => {
    expect(read('Who approved the annual return for y/e 31 March 2020?').scope.dates[0]!.meeting).toBe(false);
  });

  it('reads a month with a two-digit year as that month', () => {
    expect(read('Sept 24 TCPC - did the car park charging go through?').scope.dates[0]).toMatchObject({ kind: 'month', iso: '2024-09' });
  });

  it('does not take a Welsh month for a proper name', () => {
    expect(read('Adolygiad cyllideb Mehefin 2020: beth oedd y cyfanswm?').names).toEqual([]);
  });

  it('reads the proper names a question uses mid-sentence', () => {
    expect(read('What does Northbridge charge for a bus lane penalty?').names).toEqual(['Northbridge']);
  });

  it('reads "at the moment" as asking for the latest', () => {
    expect(read("who's chairing TCPC at the moment?").scope.latest).toBe(true);
  });
});

describe('the question reading: what is asked', () => {
  it('reads a why question as wanting the reason', () => {
    expect(read('Why was the budget overspent?').wantsReason).toBe(true);
  });

  it('reads "what fee…?" as asking for an amount', () => {
    expect(read('What fee does the council charge to issue a blue badge?').type).toBe('money');
  });

  it('does not read "carried out" as asking for a vote', () => {
    expect(read('When was the governance review carried out?').wantsVote).toBe(false);
  });

  it('reads "how many sit on…?" as counting people, not a thing called "sit"', () => {
    expect(read('How many sit on the Harbour Committee?').counted).toEqual([]);
  });

  it('reads "…in 2022/23, and how does that compare with the year before?" as asking of 2021/22 too', () => {
    expect(read('How much was paid in compensation in 2022/23, and how does that compare with the year before?').scope.periods.map((p) => p.label)).toEqual(['2022/23', '2021/22']);
  });

  it('reads a short form with an ampersand ("T&F group") as its words', () => {
    expect(read('What is the latest on the parking T&F group?').terms).toEqual(expect.arrayContaining(['task', 'finish']));
  });

  it('reads "the 26-27 draft budget" as the financial year 2026/27, but "12-13 weeks" as weeks', () => {
    expect([read('What is in the 26-27 draft budget?').scope.periods.map((p) => p.label), read('Is it 12-13 weeks?').scope.periods]).toEqual([['2026/27'], []]);
  });

  it('reads a person question', () => {
    expect(read('Who chairs the Harbour Committee?').type).toBe('person');
  });

  it('splits a compound question into its parts', () => {
    expect(read('Who sent apologies for the meeting, and did anyone attend as substitute?').clauses.map((c) => c.type)).toEqual(['person', 'yesno']);
  });

  it('reads a part that asks for a reason ("…, and what drove it?")', () => {
    expect(read('How much did the depot cost, and what drove it?').clauses[1]!.wantsReason).toBe(true);
  });

  it('splits "…, and since when?" into a part that asks for a date', () => {
    expect(read('Who acts as the review board now, and since when?').clauses.map((c) => c.type)).toEqual(['person', 'date']);
  });

  it('reads "what did the committee do with it?" as asking what was decided', () => {
    expect(read('The petition - how many signed it, and what did the committee do with it?').clauses[1]!.wantsDecision).toBe(true);
  });

  it('does not read a deadline to approve something as asking what was decided', () => {
    expect(read("What's the legal deadline for us to approve the scheme each year?").wantsDecision).toBe(false);
  });

  it('reads a part that only names another subject ("and background papers?") as asking what the part before asks', () => {
    expect(read('How long are minutes kept after a meeting? and background papers?').clauses.map((c) => c.type)).toEqual(['duration', 'duration']);
  });

  it('gives a part that names only a year the subject of the part before', () => {
    expect(read("What's the standard for responding to complaints and how did we do in 2022/23?").clauses[1]!.terms).toContain('complaint');
  });

  it('does not scope "which committee…?" to a committee it names as a candidate answer', () => {
    expect(read('Which committee owns air quality - is it the Harbour Committee?').scope.committees).toEqual([]);
  });

  it('reads "X now compared with March 23?" as asking for both figures', () => {
    expect(read('How much are we spending on council tax support now compared with March 23?').clauses.map((c) => c.type)).toEqual(['money', 'money']);
  });

  it('reads "whats" typed without its apostrophe as a question word', () => {
    expect(read('Did the Cabinet approve the strategy? whats the deadline driving it?').clauses).toHaveLength(2);
  });

  it('splits "how many interviews and over what period?" into a count and a date', () => {
    expect(read('The governance review - how many interviews and over what period?').clauses.map((c) => c.type)).toEqual(['number', 'date']);
  });

  it('reads "…? same as minutes?" as asking the same of minutes', () => {
    expect(read('How long are background papers kept after a meeting? same as minutes?').clauses.map((c) => c.type)).toEqual(['duration', 'duration']);
  });

  it('reads "how does that compare…?" as asking for the same kind of fact as the part before', () => {
    expect(read('What was the uphold rate in 2022/23 and how does that compare to other county councils?').clauses[1]!.type).toBe('number');
  });

  it('reads a part of two own words ("what do users pay?") as about the question\'s subject', () => {
    expect(read('How many cycle hangars are planned, and what do users pay per year?').clauses[1]!.inherited).toEqual(expect.arrayContaining(['hangar']));
  });

  it('gives a part that names another subject ("and background papers?") the words of the part before, as inherited', () => {
    expect(read('How long are minutes kept after a meeting? and background papers?').clauses[1]!.inherited).toEqual(expect.arrayContaining(['minut', 'kept']));
  });

  it('splits parts separated by a comma before a question word', () => {
    expect(read('How many members does the panel have, how many make it quorate?').clauses).toHaveLength(2);
  });

  it('gives a short part the topic the question opens with, not the other parts\' words', () => {
    const reading = read('Audit Committee - how many members, how many needed to be quorate, and how often does it meet?');
    expect(reading.clauses[0]!.terms.sort()).toEqual(['audit', 'committe', 'member']);
  });
});

describe('the question reading: follow-ups', () => {
  const first = read('How many stage 1 complaints did Northshire receive in 2022/23?');

  it('keeps the earlier council', () => {
    expect(readQuestion('and for 2021/22?', { registry, previous: first }).scope.councils).toEqual(['Northshire County Council']);
  });

  it('replaces the earlier period with the one restated', () => {
    expect(readQuestion('and for 2021/22?', { registry, previous: first }).scope.periods.map((p) => p.label)).toEqual(['2021/22']);
  });

  it('searches without the earlier period', () => {
    expect(readQuestion('and for 2021/22?', { registry, previous: first }).query).not.toContain('2022/23');
  });
});
