/**
 * The reader's tunable numbers, all in one place. Tuned on dev.jsonl and dev-councils.jsonl together
 * (on one mixed corpus) and checked on questions of our own.
 */
export const READER_WEIGHTS = {
  /** Below this share of the question's (idf-weighted) key terms in the best passages, the papers do not answer it. */
  minEvidence: 0.55,
  /** Passages looked at for evidence. */
  evidencePassages: 5,
  /** Evidence spread over several passages of one paper counts for this share of evidence in one passage. */
  acrossPassages: 0.9,
  /** A long question (six key terms or more) may leave a little more uncovered. */
  longQuestionSlack: 0.1,
  /** A question of at most this many key terms is short: its statements must cover nearly all of it. */
  shortQuestion: 5,
  /** The share of a short question's weighted key terms its statements must cover… */
  minStatementCover: 0.7,
  /** …and how many of its words they may leave out. */
  maxMissingTerms: 1,
  /** The share of any question's weighted key terms its statements (with their headings) must cover. */
  minAnyCover: 0.4,
  /** Passages read for statements: as many as are shown as retrieved (the best hits' neighbours take room among them). */
  topPassages: 12,
  /** A vote line this close (characters) to a chosen decision in its passage is given with it. */
  voteNearChars: 600,
  /** Sentences tried for each part of a compound question. */
  clauseOptions: 3,
  /** In a short part of the question, the words it takes from the question's subject weigh this share of its own. */
  inheritedShare: 0.4,
  /** …and a statement for it must hold one of its own words at least this well (a soft match counts; heading credit does not). */
  ownTermMatch: 0.6,
  /** A short part of the question ("…, and what drove it?") prefers statements from the paper that answers its first part. */
  samePaper: 0.2,
  /** A sentence given for a second part of the question counts for this share of its score there. */
  sharedPick: 0.5,
  /** Vote lines given from the passage on the question's subject (a recommendation and its amendment). */
  subjectVotes: 2,
  /** Statements in an answer: one per part of the question, and never more than this. */
  maxStatements: 4,
  /** Cap on one term's weight, so that one rare word does not decide alone. */
  maxTermWeight: 6,
  /** A sentence inherits this share of credit for terms its heading or the sentence before it has. */
  contextCredit: 0.5,
  /** Credit for the passage as a whole covering the question. */
  passageCover: 0.35,
  /** Lower-ranked passages give way a little. */
  rankPenalty: 0.04,
  /** Holding the kind of fact asked for (a number, a person, a date…), or not. */
  typedBonus: 0.2,
  /** Giving a reason when the question asks why; the vote when it asks whether a decision was carried. */
  reasonBonus: 0.2,
  voteBonus: 0.3,
  decisionBonus: 0.3,
  /** Of a question put at a meeting and its reply, the reply when the question asks for the answer (and the question itself less). */
  responseBonus: 0.3,
  /** Headings and captions state nothing. */
  headingPenalty: 0.2,
  /** A sentence that announces what follows ("the findings are set out below") without stating it. */
  announcePenalty: 0.3,
  /** For "latest" questions, a sentence from the newest meeting among the passages. */
  latestBonus: 0.2,
  /** Contact details and document fields. */
  detailsPenalty: 0.5,
  /** A short form the question types must be in the answer's passages, when it is at least this rare. */
  keyEntityWeight: 4,
  /** A passage this close (characters) in the same paper that names the question's short form speaks for the passage chosen. */
  entityNearChars: 4000,
  /** A short form of at least this many letters is matched by the initials of words in a row ("Civil Enforcement Officers"). */
  minInitials: 3,
  /** Very long sentences bury their point… */
  longPenalty: 0.1,
  /** …and a run this long without a full stop is a flattened table or page, not a statement. */
  maxSentenceChars: 900,
  /** Phrase (adjacent key terms) matches, each and at most. */
  phrase: 0.15,
  phraseMax: 0.3,
  /** A statement beyond the first must score at least this share of the best one. */
  keepShare: 0.5,
  /** The best typed sentence may trail the best sentence by at most this much. */
  typedTrail: 0.6,
  /** How far back up a list an item looks for the sentence that introduces the list. */
  listLeadChars: 600,
  /** A statement may run on through its paragraph up to this many characters. */
  paragraphChars: 420,
  /** A statement that announces a list ("a number of risks") may run on through the list up to this many. */
  listChars: 900,
  /** The sentence right after a chosen one may score this much lower and still finish the answer. */
  continueShare: 0.25,
  /** A further statement must add at least this share of the question's weight, unless it continues a chosen one. */
  minGain: 0.08,
} as const;
