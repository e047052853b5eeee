import type { RipaFacts, RipaParagraph, RipaTopic } from './ripa-policy.js';

type Test = (t: string) => boolean;
const run = (c: RegExp | Test, t: string): boolean => (c instanceof RegExp ? c.test(t) : c(t));
const all = (...cs: Array<RegExp | Test>): Test => (t) => cs.every((c) => run(c, t));
const any = (...cs: Array<RegExp | Test>): Test => (t) => cs.some((c) => run(c, t));

/** Key phrases of each topic, as any council's policy would put them (not one council's wording). */
const CONTENT: Array<[RipaTopic, Test]> = [
  ['intrusive', (t) => /intrusive surveillance/.test(t) || (/residential premises|private vehicles?/.test(t) && /\bnot\b|cannot|prohibit|unable/.test(t))],
  ['authorising-officer', all(/authoris(?:ing|ed) (?:officers?|managers?)|authorising officer/, /designat|appoint|by name|register of|permitted to authoris|\brank\b|only those|nominat/)],
  ['senior-authoriser', all(/juvenile|vulnerable|confidential (?:information|material)|legal(?:ly)? privilege/, /head of paid service|chief executive|must be (?:from|given|granted|authoris)|authorisation must|level of authorisation/)],
  ['judicial-approval', any(/magistrate|justice of the peace|judicial approval|approval order|\bjp\b/)],
  ['retention', (t) => /\b(?:records?|documents?|forms?|applications?)\b[^.]{0,80}\b(?:kept|retained|held|stored|destroyed)\b[^.]{0,50}\byears?\b/.test(t) || (/\bretention\b/.test(t) && /\byears?\b/.test(t))],
  ['duration', any(/\bcease to have effect\b/, /\b(?:expires?|lasts?|valid|lapses?)\b[^.]{0,60}\bmonths?\b/, /\bduration of (?:an? )?authorisations?\b/)],
  ['review', (t) => /\breview(?:s|ed|ing)?\b/.test(t) && /authoris|surveillance|chis|source/.test(t) && !/\bpolicy\b[^.]{0,40}\breview|\breview[^.]{0,25}\bpolicy\b/.test(t)],
  ['renewal', any(/\brenew(?:al|als|ed|s|ing)?\b/)],
  ['cancellation', any(/\bcancel(?:led|lation|lations|s|ling)?\b/)],
  ['register-copy', any(
    all(/central (?:register|record)|register of (?:the )?(?:documents|authorisations)/, /working days|\bcopy\b|forward|\bkept\b|\bsent\b/),
    all(/\bcop(?:y|ies) of (?:any|the|each|every|all)\b[^.]{0,40}authorisations?/, /working days|within \S+ days/),
  )],
  ['social-media', any(/social media|social networking|\binternet\b|on-?line|open source|\blegends?\b|personal (?:equipment|(?:social media )?accounts?)|\bprofiles?\b/)],
  ['communications-data', any(/communications data|telecommunications data|\bnafn\b|national anti-fraud network|office for communications data|\bocda\b|made aware/)],
  ['necessity', any(/preventing or detecting crime|necessary and proportionate|lawful, necessary|crime threshold|\bsix months\b[^.]{0,40}\bimprisonment/)],
  ['sro', any(/senior responsible officer/)],
  ['cctv', any(/\bcctv\b/)],
  ['chis-welfare', all(/risk assessment|welfare|security of the/, /\bchis\b|\bsource\b/)],
  ['training', all(/\btraining\b/, /authoris|officers?/)],
  ['oversight', any(/\bcommissioner\b|\binspections?\b|reviewed on an annual basis|review the policy|report of activity/)],
  ['definition', (t) => /^["“'‘][^"”'’]{3,60}["”'’]\s+(?:means|is|are|consists|includes|is defined)\b/.test(t) || /^["“'‘]?a person is a covert human intelligence source/.test(t)],
];

const HEADINGS: Array<[RipaTopic, RegExp]> = [
  ['review', /\breviews?\b/],
  ['renewal', /\brenewals?\b/],
  ['cancellation', /\bcancell?ations?\b/],
  ['duration', /\bduration\b|\btime limits?\b/],
  ['register-copy', /central (?:register|record)|\brecords? management\b|\bmonitoring\b/],
  ['social-media', /internet|social media|on-?line/],
  ['authorising-officer', /obtaining authorisation|authoris(?:ing|ation) (?:officers?|process|levels?)/],
  ['judicial-approval', /judicial|magistrate/],
  ['communications-data', /communications data/],
  ['training', /\btraining\b/],
  ['cctv', /\bcctv\b/],
  ['chis-welfare', /special arrangements|risk assessment|welfare/],
  ['oversight', /\boversight\b/],
  ['definition', /\bglossary\b|\bdefinitions?\b/],
];

/** The topics a paragraph's own words are about. */
export function contentTopics(text: string): RipaTopic[] {
  const t = text.toLowerCase();
  return CONTENT.filter(([, test]) => test(t)).map(([topic]) => topic);
}

/** The topics a heading names ("7. Renewals" -> renewal). */
export function headingTopics(heading: string | null): RipaTopic[] {
  if (!heading) return [];
  const h = heading.toLowerCase();
  return HEADINGS.filter(([, re]) => re.test(h)).map(([topic]) => topic);
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** "3", "three" -> 3; null when neither. */
export function readNumber(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}

const N = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const CHIS = String.raw`(?:chis|covert human intelligence sources?|(?:use|conduct) of (?:a )?(?:chis|source))`;

function monthsFor(text: string): RipaFacts['durationMonths'] {
  const t = text.toLowerCase();
  // "three months directed surveillance" first: in a list, "directed surveillance twelve months use of a CHIS" misleads.
  const after = (subject: string): number | null =>
    readNumber(new RegExp(`${N}\\s+(?:calendar\\s+)?months?\\s+(?:for\\s+)?(?:an?\\s+)?(?:the\\s+)?${subject}`).exec(t)?.[1]) ??
    readNumber(new RegExp(`${subject}[^.\\d]{0,20}?${N}\\s+(?:calendar\\s+)?months?`).exec(t)?.[1]);
  return { directedSurveillance: after('directed surveillance'), chis: after(CHIS) };
}

/** The first capture of a pattern in the paragraphs about a topic. */
function first(paragraphs: readonly RipaParagraph[], topic: RipaTopic, re: RegExp): string | null {
  for (const p of paragraphs) {
    if (!p.topics.includes(topic) && !p.headingTopics.includes(topic)) continue;
    const m = re.exec(p.text);
    if (m) return m[1]!.replace(/\s+/g, ' ').trim();
  }
  return null;
}

const SENIOR = [
  /(?:must|shall|will|should|can only)\s+be\s+(?:from|given by|granted by|authori[sz]ed by|obtained from|made by|signed by)\s+(?:the\s+)?(.+?)(?:\.\s|\.$|;|$)/i,
  /(?:[Tt]he\s+)?((?:[A-Z][\w()’']*\s+){0,5}[A-Z][\w()’']*)\s+(?:is|are)\s+the only (?:officers?|persons?|people) (?:who|that) (?:can|may) authori[sz]e/,
];
const INFORMED = /(?:[Tt]he\s+)?((?:[A-Z][\w’']*\s+){0,4}[A-Z][\w’']*)\s+(?:will|must|shall|should)\s+(?:also\s+)?be\s+(?:informed|notified|told|consulted)/;

/** Local settings of a policy, read from its paragraphs' words. */
export function readFacts(paragraphs: readonly RipaParagraph[]): RipaFacts {
  const about = (topic: RipaTopic): RipaParagraph[] =>
    paragraphs.filter((p) => p.headingTopics.includes(topic) || (p.topics.includes(topic) && p.headingTopics.length === 0));
  const text = (ps: readonly RipaParagraph[]): string => ps.map((p) => p.text).join(' ');
  let seniorAuthoriser: string | null = null;
  for (const re of SENIOR) seniorAuthoriser ??= first(paragraphs, 'senior-authoriser', re);
  return {
    seniorAuthoriser,
    informed: first(paragraphs, 'senior-authoriser', INFORMED),
    retentionYears: readNumber(first(paragraphs, 'retention', new RegExp(`(?:at least|minimum of|period of|for)\\s+${N}\\s+years?`, 'i')) ?? undefined),
    registerWorkingDays: readNumber(first(paragraphs, 'register-copy', new RegExp(`within\\s+${N}\\s+working\\s+days?`, 'i')) ?? undefined),
    durationMonths: monthsFor(text(about('duration').filter((p) => !p.headingTopics.includes('renewal')))),
    renewalMonths: monthsFor(text(about('renewal'))),
  };
}
