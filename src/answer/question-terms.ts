import { terms } from '../index/tokenize.js';

/** Words that shape a question but are not what it is about. */
const QUESTION_WORDS = new Set(
  [
    'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'many', 'much', 'long', 'often', 'latest', 'current',
    'currently', 'recent', 'say', 'said', 'tell', 'give', 'show', 'find', 'know', 'need', 'want', 'please', 'anyone',
    'anything', 'our', 'we', 'us', 'kcc', 'council', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'any', 'has', 'have',
    'there', 'get', 'got', 'actually', 'besides', 'since', 'per', 'value', 'now', 'level', 'happen', 'happened', 'about',
  ].map((w) => terms(w)[0] ?? w),
);

/** The content terms of a question (stemmed), without question words. */
export function keyTerms(question: string): string[] {
  return [...new Set(terms(question).filter((t) => !QUESTION_WORDS.has(t)))];
}

export type AnswerType = 'number' | 'date' | 'duration' | 'frequency' | 'person' | 'any';

/** What kind of fact the question wants, from its opening words. */
export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow (many|much)\b|\bwhat (percentage|proportion|share|number|amount|rate|score|figure)\b|\bhow (big|large)\b/.test(q)) return 'number';
  if (/\bhow often\b|\bhow frequently\b/.test(q)) return 'frequency';
  if (/\bhow long\b|\bwithin how\b|\btimescale\b|\bdeadline\b/.test(q)) return 'duration';
  if (/^\s*when\b|\bwhat date\b|\bfrom when\b/.test(q)) return 'date';
  if (/^\s*who\b|\bwhich (officer|member|councillor)\b/.test(q)) return 'person';
  return 'any';
}

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|billion|half|twice|none|no)\b/i;

/** Whether a sentence holds the kind of fact the question wants. */
export function hasAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'number':
      return /\d/.test(sentence) || NUMBER_WORDS.test(sentence);
    case 'date':
      return /\b(19|20)\d{2}\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(sentence);
    case 'duration':
      return /\b(\d+|one|two|three|four|five|six|ten|twelve|twenty)\s+(working\s+|calendar\s+)?(day|week|month|year|hour)s?\b/i.test(sentence);
    case 'frequency':
      return /\b(annual|annually|yearly|twice|quarterly|monthly|weekly|daily|every|each|per year|a year|bi-annual|six-monthly)\b/i.test(sentence);
    case 'person':
      return /\b(Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Officer|Director|Head|Chief|Manager|Leader|Member)\b/.test(sentence);
    default:
      return true;
  }
}
