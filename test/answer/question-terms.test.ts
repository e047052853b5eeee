import { describe, expect, it } from 'vitest';
import { answerType, clausesOf, countedThing, countsThing, hasAnswerType, keyTerms, matchedTerms } from '../../src/answer/question-terms.js';
import { terms } from '../../src/index/tokenize.js';

describe('whether a sentence gives a count of the thing asked about', () => {
  it('reads a count written in words of tens ("Ninety-two responses")', () => {
    expect(countsThing('Ninety-two responses were received to the online survey.', terms('responses'))).toBe(true);
  });
});

describe("a question's key terms", () => {
  it('leave out a casual preamble ("someone\'s asking…")', () => {
    expect(keyTerms("Someone's asking how long we keep minutes available")).toEqual(terms('keep minutes available'));
  });
});

describe('the kind of answer a question wants', () => {
  it('is a body for "which committee…?", as for "who…?"', () => {
    expect(answerType('Which committee reviews our use of RIPA powers?')).toBe('person');
  });
});

describe('a question for an amount', () => {
  it('is not one that names an outturn only as where a risk is flagged', () => {
    expect(answerType('whats the risk flagged in the 25/26 outturn about how staff are paid for?')).toBe('any');
  });

  it('is one that asks what someone pays', () => {
    expect(answerType('what do users pay per year?')).toBe('money');
  });

  it('is not an amount for "what did the outturn flag…"', () => {
    expect(answerType('What did the 25/26 outturn flag as the unsustainable bit of how staff are funded?')).toBe('any');
  });

  it('is a figure for "what\'s the target"', () => {
    expect(answerType("what's the cycle hangar target the committee agreed?")).toBe('number');
  });
});

describe('a sentence holding a figure', () => {
  it('is not one whose only number is its paragraph\'s ("5 Blue Badge Parking")', () => {
    expect(hasAnswerType('5 Blue Badge Parking The council recognises the needs of badge holders.', 'number')).toBe(false);
  });
});

describe('a sentence holding a date', () => {
  it('is not one whose only year is a financial year it is "for"', () => {
    expect(hasAnswerType('As part of the programme of activity for 2023/24 it was agreed that a review would be undertaken.', 'date')).toBe(false);
  });
});

describe('a question for a figure', () => {
  it('is one that names its rate a few words in ("what was the council\'s ombudsman uphold rate?")', () => {
    expect(answerType("what was the council's ombudsman uphold rate in 22/23?")).toBe('number');
  });
});

describe('key terms found in a text', () => {
  it('match "responded" for "answered"', () => {
    expect(matchedTerms(terms('answered'), new Set(terms('complaints responded to'))).size).toBe(1);
  });

  it('match an irregular form of the verb ("upheld" for "uphold")', () => {
    expect(matchedTerms(terms('uphold'), new Set(terms('complaints upheld'))).size).toBe(1);
  });

  it('match "undertaken" for "carried out"', () => {
    expect(matchedTerms(terms('carried'), new Set(terms('the review was undertaken'))).size).toBe(1);
  });

  it('match "remain" for "stay"', () => {
    expect(matchedTerms(terms('staying'), new Set(terms('officers remain in post'))).size).toBe(1);
  });

  it('match a fee for what someone pays', () => {
    expect(matchedTerms(terms('pay'), new Set(terms('a yearly user fee'))).size).toBe(1);
  });

  it('match who "became" vice-chair in who was elected', () => {
    expect(matchedTerms(terms('became'), new Set(terms('Mrs Hudson be elected Vice-Chair'))).size).toBe(1);
  });

  it('match who "owns" a risk in its owner', () => {
    expect(matchedTerms(terms('owns'), new Set(terms('Risk Owner(s): Executive Director Growth and Regeneration'))).size).toBe(1);
  });

  it('match "fines" in a penalty', () => {
    expect(matchedTerms(terms('fines'), new Set(terms('penalty charge notices'))).size).toBe(1);
  });
});

describe('the parts of a question', () => {
  it('include a lone question word ("carried out - when, and how many interviews?")', () => {
    expect(clausesOf('How was the review carried out - when, and how many interviews?')).toEqual(['How was the review carried out', 'when', 'how many interviews?']);
  });
});

describe('the key terms of a question', () => {
  it('leave out a hedge on the figure asked for ("roughly")', () => {
    expect(keyTerms('roughly how many permits are on issue?')).toEqual(['permit', 'issue']);
  });

  it('leave out the words setting one thing against another ("a normal meeting vs Full Council")', () => {
    expect(keyTerms('notice for a normal meeting vs full council')).toEqual(terms('notice meeting full'));
  });
});

describe('a count of the thing asked about', () => {
  it('takes any number of occasions for "how many times"', () => {
    expect(countsThing('The contractor missed the deadline on 155 occasions.', countedThing('how many times did the contractor miss the deadline?'))).toBe(true);
  });

  it('counts the last word of the phrase ("e-scooter trips" are trips, not e-scooters)', () => {
    expect(countsThing('Around 1,300 e-scooters will be available across the city.', terms('e-scooter trips'))).toBe(false);
  });

  it('is not the months it is counted over ("how many referrals Apr-Aug and…")', () => {
    expect(countedThing('how many irregularity referrals Apr-Aug and how much did we lose?')).toEqual(terms('irregularity referrals'));
  });

  it('counts people by what was done to them ("how many people did they interview" -> interviews)', () => {
    expect(countedThing('how many people did they interview?')).toEqual(terms('people interview'));
  });

  it('is given by a number after a dash that follows the thing ("Access to telecommunications data – 4")', () => {
    expect(countsThing('Access to telecommunications data – 4 (2)', ['data'])).toBe(true);
  });

  it('is given by a number before a near-synonym of it ("32 projects" for schemes)', () => {
    expect(countsThing('A total of 32 projects have submitted change requests.', terms('schemes'))).toBe(true);
  });
});

describe('the thing a "how many" question counts', () => {
  it('ends before what it is about ("complaints about parking")', () => {
    expect(countedThing('How many complaints about parking enforcement did we receive?')).toEqual(terms('complaints'));
  });
});
