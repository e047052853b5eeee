import { terms } from '../index/tokenize.js';
import { monthNumber } from '../parse/find-dates.js';

/** Words that shape a question but are not what it is about. */
const QUESTION_WORDS = new Set(
  [
    'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'many', 'much', 'long', 'often', 'latest', 'current',
    'currently', 'recent', 'say', 'said', 'tell', 'give', 'show', 'find', 'know', 'need', 'want', 'please', 'anyone',
    'anything', 'our', 'we', 'us', 'council', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'any', 'has', 'have',
    'there', 'get', 'got', 'besides', 'since', 'per', 'value', 'now', 'level', 'happen', 'happened', 'about',
    'sent', 'send', 'go', 'goes', 'going', 'make', 'made', 'take', 'come', 'put', 'see', 'look', 'like', 'still',
    'done', 'doing', 'happening', 'since', 'so', 'far', 'yet', 'whos', 'whats', 'hows', 'wheres', 'whens', 'moment',
    'someone', 'somebody', 'asking', 'wondering', 'quick',
    // Hedges on the figure asked for ("roughly how many", "ballpark").
    'roughly', 'approximately', 'approx', 'ballpark', 'ish',
    // Words setting one thing against another ("a normal meeting vs Full Council"): the things are the terms.
    'vs', 'versus', 'normal', 'usual', 'typical', 'ordinary',
  ].map((w) => terms(w)[0] ?? w),
);

/** The content terms of a question (stemmed), without question words. */
export function keyTerms(question: string): string[] {
  // "actually" stems to "actual", which is a content word ("actual loss"); the adverb is not.
  return [...new Set(terms(question.replace(/\bactually\b/gi, ' ')).filter((t) => !QUESTION_WORDS.has(t)))];
}

export type AnswerType = 'number' | 'money' | 'date' | 'duration' | 'frequency' | 'person' | 'yesno' | 'any';

/** What kind of fact the question wants, from its opening words. */
export function answerType(question: string): AnswerType {
  const q = question.toLowerCase().trim();
  if (/\bhow much\b/.test(q) && !/\bhow much (time|longer|notice)\b/.test(q)) return 'money';
  if (/\bhow (many|much)\b|\bwhat(?:'s| is| was| are| were)?\s+(?:\S+\s+){0,4}?(percentage|proportion|share|number|amount|rate|score|figure|target)s?\b(?!\s+(?:date|year|month|day))|\bhow (big|large)\b|\bwhat %|%\s*of\b/.test(q)) return 'number';
  // "What's the revenue forecast against budget?" asks for an amount.
  // (The money word is what is asked for, a few words in: "what's the risk flagged in the outturn?" asks for a risk.)
  // ("What did the outturn flag?" asks what the outturn said, not its amount.)
  if (/^\s*what(?:'s| is| was| are| were)?\s+(?!(?:did|does|do|has|have|had|will|would|can|could|should)\b)(?:\S+\s+){0,4}?(?:costs?|budget|forecast|outturn|spend|spending|income|reserves?|overspend|underspend|surplus|deficit|allocation|funding|fees?|prices?|charges?)\b/.test(q)) return 'money';
  // "What do users pay?", "what will it cost?": a price.
  if (/^\s*what\s+(?:do|does|did|will|would|should)\s+(?:\S+\s+){0,4}?(?:pay|cost|charge)\b/.test(q)) return 'money';
  if (/\bhow often\b|\bhow frequently\b/.test(q)) return 'frequency';
  if (/\bhow long\b|\bwithin how\b|\btimescale\b|\bdeadline\b/.test(q)) return 'duration';
  if (/^\s*when\b|\bwhat (?:date|period|year|month|time ?frame)s?\b|\bfrom when\b|^\s*(?:since|until) when\b/.test(q)) return 'date';
  // "Which committee reviews…?" asks for a body, as "who" does.
  if (/^\s*who\b|\bwhich (?:\w+ )?(officers?|members?|councillors?|committees?|sub-committees?|bod(?:y|ies)|boards?|panels?)\b/.test(q)) return 'person';
  if (/^(any|has|have|had|is|are|was|were|did|does|do|can|could|will|should|must)\b/.test(q)) return 'yesno';
  return 'any';
}

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|twice|none|no)\b/i;

/** Verbs that follow "how many" when it counts people ("how many sit on the committee?"). */
const DOING = /^(?:sit|sits|serve|serves|attend|attends|work|works|live|lives|use|uses|apply|applies|respond|responds|turn(?:ed)? up)\b/i;

/** The thing a "how many" question counts ("how many stage 1 complaints did…" -> stage, 1, complaint). */
export function countedThing(question: string): string[] {
  const m = /\bhow many\s+(.+?)(?:\s+(?:did|do|does|were|was|are|is|have|has|had|will|would|can|could|got|in|on|at|for|by|over|during|about|regarding|concerning|of|from|with|to|under|and|or|between|since)\b|\s+[-–—]\s|[?,]|$)/i.exec(question);
  // "How many signed it?", "how many sit on it?" count people doing something, not a thing: any number answers.
  if (!m || DOING.test(m[1]!)) return [];
  // The phrase ends where a verb in the past starts ("how many officers patrolled the town": officers), and is
  // not the months it is counted over ("how many referrals Apr-Aug").
  const words = m[1]!.split(/\s+/).filter((w) => !w.split(/[-–/]/).every((p) => monthNumber(p) !== null || /^\d+$/.test(p)));
  const verb = words.findIndex((w, i) => i > 0 && /ed$/i.test(w));
  const thing = terms((verb > 0 ? words.slice(0, verb) : words).filter((w) => !/ed$/i.test(w)).join(' ')).filter((t) => !QUESTION_WORDS.has(t));
  // "How many people did they interview?": people are counted as what was done to them ("24 interviews").
  const done = PEOPLE_DONE_TO.exec(question);
  return done ? [...thing, ...terms(done[1]!)] : thing;
}

const OCCASIONS = new Set(terms('times occasions instances'));

/** "how many people did they interview", "how many residents were consulted": the verb says what the count is of. */
const PEOPLE_DONE_TO = /\bhow many\s+(?:people|persons|individuals|residents|staff|officers|members|councillors)\s+(?:did|do|does|have|has|had|will|were|was)\s+(?:(?:they|we|you|it|he|she|the\s+\w+)\s+)?(\p{L}+)/iu;

const YEARS = /\b(19|20)\d{2}(\/\d{2,4}|-\d{2,4})?\b/g;

/** The figures a sentence states (amounts, counts, days of the month), without its years: what it says, not when. */
export function statedValues(sentence: string): Set<string> {
  return new Set([...sentence.replace(YEARS, ' ').matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,/g, '')));
}

/** The amounts and percentages a text states ("£40", "£0.3m", "12%"), as their digits. */
export function statedFigures(text: string): Set<string> {
  return new Set([...text.matchAll(/[£$€]\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?%/g)].map((m) => (m[1] ?? m[2])!.replace(/,/g, '')));
}

/** Whether a sentence gives a count of the thing: a number within a few words before or after it. */
export function countsThing(sentence: string, counted: readonly string[], context = ''): boolean {
  if (!counted.length) return true;
  // What is counted is the phrase's last word ("e-scooter trips" counts trips, not e-scooters).
  const head = counted.at(-1)!;
  // "How many times…?" counts occasions of anything: any number of them answers ("on 155 occasions").
  if (OCCASIONS.has(head)) return hasAnswerType(sentence, 'number');
  if (context && terms(context).some((t) => sameWord(head, t))) return true;
  const ws = sentence.replace(YEARS, ' ').split(/\s+/);
  return ws.some((w, i) => {
    if (!/^\(?£?\d[\d,.]*%?\)?$/.test(w) && !NUMBER_WORDS.test(w)) return false;
    // "56 grants", "7 KPIs did…"; or "the number of complaints was 5,580", "Access to data – 4".
    const after = terms(ws.slice(i + 1, i + 4).join(' '));
    const before = /^(was|were|is|are|of|totall?ed|numbered|reached|received|:|[-–—=])$/i.test(ws[i - 1] ?? '') ? terms(ws.slice(Math.max(0, i - 5), i).join(' ')) : [];
    return [...after, ...before].some((t) => sameWord(head, t) || (SYNONYMS.get(head)?.includes(t) ?? false));
  });
}

/** The number a paragraph or section opens with ("5 ", "3.2 ", "(4) ", "12. "), before its first word. */
const PARAGRAPH_NUMBER = /^\s*\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=\p{Lu})/u;

const DEADLINE_DATE = /\b(?:by|before|no later than|not later than)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;

/** Whether a sentence holds the kind of fact the question wants. */
export function hasAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'number':
      // A count or amount: digits that are not just a year or a financial-year label, or a number word.
      // (A paragraph's number, "5 Blue Badge Parking" or "3.2 The council…", counts nothing.)
      return /\d/.test(sentence.replace(PARAGRAPH_NUMBER, '').replace(YEARS, '')) || NUMBER_WORDS.test(sentence);
    case 'money':
      return /£|€|\$|\b\d[\d,.]*\s*(m|bn|k|million|billion|thousand|pounds?)\b/i.test(sentence);
    case 'yesno':
      return /\b(no|not|none|never|nil|unchanged|has been|have been|had been|remains?|remained|yes)\b/i.test(sentence);
    case 'date':
      // (A financial year a programme is "for", "2023/24", is a period rather than when something happened.)
      return /\b(19|20)\d{2}\b(?![/-]\d)|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(sentence);
    case 'duration':
      // A time allowed ("20 working days"), or a deadline given as a date ("by 11 March each year").
      return /\b(\d+|one|two|three|four|five|six|ten|twelve|twenty)\s+(working\s+|calendar\s+)?(day|week|month|year|hour)s?\b/i.test(sentence) || DEADLINE_DATE.test(sentence);
    case 'frequency':
      return /\b(annual|annually|yearly|twice|quarterly|monthly|weekly|daily|every|each|per year|a year|bi-annual|six-monthly)\b/i.test(sentence);
    case 'person':
      // A person by title or role, a body that acts as one ("the Values and Ethics Sub-Committee"), or an
      // organisation by its name ("Northam City Council", "Hartwell Ltd").
      return /\b(Mr|Mrs|Ms|Miss|Dr|Cllr|Councillors?|Officers?|Director|Head|Chief|Manager|Leader|Members?|Mayor|Chair(?:man|person|woman)?|Vice-Chair\w*|Clerk|Secretary|Committee|Sub-Committee|Cabinet|Board|Panel|Executive)\b/i.test(sentence) || /\b[A-Z]\w+ (?:Council|Authority|Ltd|Limited|LLP|plc|Trust|Agency)\b/.test(sentence);
    default:
      return true;
  }
}

function withoutEnding(w: string): string {
  return w.endsWith('ing') ? w.slice(0, -3) : w.endsWith('ed') ? w.slice(0, -2) : w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Whether two stemmed terms are forms of one word: equal, or sharing a long common prefix ("certify", "certification"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // Every form below shares the word's opening letters.
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  // "vote" and "voting", "rate" and "rated": the stems differ only by an ending the light stemmer keeps.
  if (a.length >= 4 && b.length >= 4) {
    const ba = withoutEnding(a);
    if (ba.length >= 3 && ba === withoutEnding(b)) return true;
  }
  const min = Math.min(a.length, b.length);
  if (min < 4 || /\d/.test(a) || /\d/.test(b)) return false;
  let p = 0;
  while (p < min && a[p] === b[p]) p++;
  return p === min || (p >= 5 && p >= 0.75 * min);
}

/** Credit for a key term found only as another form of the word ("reporting" for "reportable"). */
const SOFT_MATCH = 0.6;
/** Credit for a key term found as a word of the same meaning ("raised" for "brought in"). */
const SYNONYM_MATCH = 0.8;

/** Whether a short question word abbreviates a longer word of the text ("sub" for "substitute", "reps" for "representations"). */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 3 || short.length > 4 || long.length < 6) return false;
  const stemmed = short.endsWith('s') ? short.slice(0, -1) : short;
  return long.length >= 2 * stemmed.length && long.startsWith(stemmed) && /^[a-z]+$/.test(short);
}

/** The key terms present among a text's terms: 1 when exact, SOFT_MATCH when another form of the word. */
export function matchedTerms(key: readonly string[], textTerms: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of key) {
    if (textTerms.has(k)) out.set(k, 1);
    else if (SYNONYMS.get(k)?.some((s) => textTerms.has(s))) out.set(k, SYNONYM_MATCH);
    else for (const t of textTerms) if (t.charCodeAt(0) === k.charCodeAt(0) && (sameWord(k, t) || abbreviates(k, t))) {
      out.set(k, SOFT_MATCH);
      break;
    }
  }
  return out;
}

/**
 * Plain English words a question uses where papers write another ("when does the contract end?" and "the
 * contract expires on…"): general wording, not any council's. Each group's words are matched for one another.
 */
const SYNONYM_GROUPS = [
  'end ends ended expire expires expired expiry finish finishes finished conclude concluded cease ceases lapse lapses lapsed',
  'start starts started commence commences commenced begin begins began launch launched introduction introduced',
  // Money a scheme "brought in" is what it raised or generated.
  'brought raise raises raised generate generates generated',
  'buy buys bought purchase purchased procure procured',
  'keep keeps kept retain retains retained',
  'stay stays stayed remain remains remained',
  'scheme schemes project projects',
  'hire hires hired hiring recruit recruits recruited recruiting recruitment',
  'split shared share divided apportioned',
  'stop stops stopped discontinue discontinued withdraw withdrawn remove removed removal cancel cancelled pull pulled',
  'rise rises rose increase increased grow grew',
  'fall falls fell decrease decreased reduce reduced',
  // Irregular forms of one verb ("upheld" for "uphold", "paid" for "pay").
  'uphold upholds upheld',
  'pay pays paid fee fees',
  'carry carries carried undertake undertakes undertook undertaken conduct conducts conducted',
  'spend spends spent',
  'hold holds held',
  'meet meets met',
  'sell sells sold',
  'lead leads led',
  'choose chooses chose chosen',
  'give gives gave given',
  'take takes took taken',
  'answer answers answered respond responds responded reply replies replied',
  'quorum quorate inquorate',
  'score scores scored rating ratings rated',
  'fine fines fined penalty penalties',
  // Who "owns" a risk is its owner.
  'own owns owned owner owners ownership',
  'become became becomes elect elected elects',
  'advise advises advising advised advice adviser advisers advisor advisors advisory',
  'win wins won award awards awarded appoint appointed',
  'sit sits seat seats member members membership comprise comprises comprising composition',
];
const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const stems = [...new Set(terms(group))];
  for (const s of stems) SYNONYMS.set(s, stems.filter((x) => x !== s));
}

/** Adjacent pairs of key terms in the question ("cabinet member", "member meet"), for phrase matches. */
export function keyPairs(question: string): string[] {
  const ts = terms(question).filter((t) => !QUESTION_WORDS.has(t));
  const out: string[] = [];
  for (let i = 0; i + 1 < ts.length; i++) out.push(`${ts[i]} ${ts[i + 1]}`);
  return out;
}

/** The parts of a compound question ("…, and has the policy changed?"), or [] for a simple one. */
export function clausesOf(question: string): string[] {
  const parts = question
    .split(/\?\s+|,?\s+(?:and|also|plus)\s+(?=(?:(?:over|in|for|at|by|from|during|within|on|to|since|until)\s+)?(?:what|how|who|when|where|why|which|has|have|had|is|are|was|were|did|does|do|can|could|will)\b)|,\s+(?=(?:what|how|who|when|where|why|which)\b)|,?\s+and\s+(?=[^,?]*\bor not\b)|\s+[-–—]\s+(?=\w)|,?\s+(?=(?:compared (?:with|to)|versus|vs\.?)\s)/i)
    .map((p) => p.trim())
    // A lone question word ("…carried out - when, and how many interviews?") asks its own part of the question.
    .filter((p) => p.split(/\s+/).length >= 2 || /^(?:when|why|who|where|how)\??$/i.test(p));
  return parts.length > 1 ? parts : [];
}

