/**
 * How sure each skill is when it claims a question; the router takes the highest. Every number here is
 * the whole of the routing policy, tested by the table in test/skills/router.test.ts.
 */
export const CLAIM_SCORES = {
  /** A rule and a date were read from the question: a deadline is computed, never searched for. */
  deadline: 0.95,
  /** A question about the RIPA rules (who authorises, periods, reviews) with a policy in scope. */
  ripa: 0.85,
  audit: {
    /** The audit reader found audits matching an audit question. */
    base: 0.65,
    /** The question types an audit's reference: it names that audit. */
    reference: 0.25,
    /** It speaks of audit, assurance or an opinion. */
    cue: 0.05,
  },
  kpi: {
    /** An indicator's name matched a question with KPI words. */
    base: 0.6,
    /** The question types an indicator's reference ("GL02"): above an audit merely sharing the code. */
    reference: 0.3,
    /** It says KPI, indicator, measure or RAG. */
    cue: 0.05,
    /** "Why …?" wants the reason, which the papers' text gives, not a value. */
    reasonPenalty: 0.2,
  },
  /** The documents always answer, or say they cannot: any claim below this loses to them. */
  documents: 0.5,
} as const;

/** Order among equal scores: the more specific skill first. */
export const SKILL_ORDER = ['deadline', 'ripa', 'audit', 'kpi', 'documents'] as const;
