import { findDateInText, resolveDateMatch } from './parse-date-text.js';

/** A question recognised as a deadline question: which rule, from which date. */
export interface DeadlineQuestion {
  rule: string;
  /** ISO date. */
  date: string;
}

const has = (text: string, re: RegExp): boolean => re.test(text);

const EXTENDED = /\bextend(?:ed|ing)?\b|\bextension\b|\bcomplex\b|\bvoluminous\b|\b40 working\b|\bforty working\b/;
const RENEWAL = /\brenew(?:al|ed|ing|s)?\b/;

/**
 * Picks the rule a question is about from its keywords, most specific first, or null.
 * Ombudsman, RIPA and children's complaints are checked before the general complaint rules,
 * and internal reviews before FOI and EIR.
 */
export function ruleFromKeywords(question: string): string | null {
  const q = question.toLowerCase().replace(/[’']/g, "'");
  const ripa = /\bripa\b|\bsurveillance\b|\bchis\b|covert human intelligence|\bauthoris(?:ation|ed)\b/;
  if (has(q, /\bregister\b/) && has(q, ripa)) return 'ripa-register-copy';
  if (has(q, /\bjuvenile\b/) && has(q, /\bchis\b|covert human intelligence|\bsource\b|\bripa\b/)) return 'ripa-juvenile-chis';
  if (has(q, /\bchis\b|covert human intelligence/)) return has(q, RENEWAL) ? 'ripa-chis-renewal' : 'ripa-chis';
  if (has(q, /directed surveillance|\bsurveillance\b|\bripa\b/)) {
    return has(q, RENEWAL) ? 'ripa-directed-surveillance-renewal' : 'ripa-directed-surveillance';
  }
  if (has(q, /internal review/)) {
    return has(q, EXTENDED) || has(q, /\bexceptional\b/) ? 'foi-internal-review-extended' : 'foi-internal-review';
  }
  if (has(q, /\beirs?\b|environmental information/)) return has(q, EXTENDED) ? 'eir-extended' : 'eir';
  if (has(q, /public interest/)) return 'foi-pit-extension';
  if (has(q, /\bd?sars?\b|subject access/)) {
    return has(q, EXTENDED) || has(q, /\b(?:three|3) months\b/) ? 'sar-extended' : 'sar';
  }
  if (has(q, /\bfois?\b|freedom of information/)) return has(q, EXTENDED) ? 'foi-pit-extension' : 'foi';
  if (has(q, /\bombudsman\b|\blgsco\b|\blgo\b|complaint handling code/)) {
    if (has(q, /stage (?:2|two)\b/)) return 'lgsco-stage2';
    if (has(q, /stage (?:1|one)\b/) || has(q, /\backnowledged\b/)) return 'lgsco-stage1';
    return 'lgsco-ack';
  }
  if (!has(q, /\bcomplain(?:t|ts|ed)?\b/)) return null;
  if (has(q, /adult social care|\basc\b|adult social services/)) return 'asc-complaint-response';
  if (has(q, /\bchild(?:ren)?'?s?\b/)) {
    if (has(q, /review panel|stage (?:3|three)\b/)) return 'children-complaint-review-panel';
    return has(q, EXTENDED) || has(q, /\b65\b/) ? 'children-complaint-stage2-extended' : 'children-complaint-stage2';
  }
  if (has(q, /\backnowledg/)) return 'complaint-ack';
  if (has(q, /\bcomplex\b|\b65\b/)) return 'complaint-complex';
  return 'complaint-response';
}

// A deadline question asks when something is due or says when it happened; statistics and
// meeting questions that merely mention an FOI and a date are left to the document search.
const INTENT =
  /\b(?:due|deadlines?|expire[sd]?|expiry|run(?:s)? out|lapse[sd]?|cease[sd]?|time ?limits?|last day|by when|when (?:is|does|do|must|should|will|would|can|are)|respond|response|reply|acknowledg\w*|received|came in|come in|arrived|submitted|requested|approved|granted|authori[sz]ed|took effect|dated|lodged|logged|renew\w*|ends?|ending)\b/;
const STATISTICS = /\bhow many\b|\bnumber of\b|\bpercentage\b|\bproportion\b|\bperformance\b|\bkpi\b|%/;

/** Whether the wording asks for a deadline rather than a statistic or a record. */
export function looksLikeDeadlineQuestion(question: string): boolean {
  const q = question.toLowerCase();
  return INTENT.test(q) && !STATISTICS.test(q);
}

/**
 * Recognises a plain deadline question such as "FOI received 21 December 2026, when's it due?"
 * or "when does a directed surveillance authorisation approved on 1 June 2026 expire?".
 * Returns the rule and the ISO date, or null when the question names no rule or no date, or
 * reads as a statistics question ("how many FOIs were received on ...") rather than a deadline.
 * A date with no year is the nearest such date not more than 183 days after `today`
 * (this year if so, else last year). A date that is present but impossible or ambiguous
 * (31/02/2026, 21/12/26) throws an InputError whose userMessage says so.
 */
export function parseDeadlineQuestion(question: string, today: string): DeadlineQuestion | null {
  const rule = ruleFromKeywords(question);
  if (!rule || !looksLikeDeadlineQuestion(question)) return null;
  const match = findDateInText(question);
  if (!match) return null;
  return { rule, date: resolveDateMatch(match, { today, missingYear: 'nearest' }) };
}
