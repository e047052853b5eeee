import { auditAnswer } from '../audit/audit-answer.js';
import { mentionsRef } from '../audit/audit-text.js';
import { recordInPeriod } from '../understand/scope-check.js';
import { inScope } from './record-scope.js';
import { CLAIM_SCORES } from './claim-scores.js';
import type { Skill } from './skill.js';

/** Each audit record's text, for period matching: made once per record, not once per question. */
const recordTexts = new WeakMap<object, string>();
const textOf = (a: object): string => {
  let text = recordTexts.get(a);
  if (text === undefined) recordTexts.set(a, (text = JSON.stringify(a)));
  return text;
};

const AUDIT_WORD = /\b(?:internal )?audit(?:s|ed|ors?)?\b|\bassurance\b|\bopinion\b/i;

/** Internal audit opinions and findings, from the audit records of the councils in scope. */
export const auditSkill: Skill = {
  name: 'audit',
  claim({ reading, filters, id }, { audits }) {
    const periods = reading.scope.periods;
    // An audit of another year does not answer a question about this one.
    const scoped = audits.filter((a) => inScope(a, reading.scope, filters) && (!periods.length || periods.some((p) => recordInPeriod(textOf(a), a.meeting.date, p))));
    if (!scoped.length) return null;
    const answer = auditAnswer(reading.content, scoped);
    if (!answer) return null;
    const refsOf = (a: (typeof scoped)[number]): string[] => (a.kind === 'summary' ? (a.ref ? [a.ref] : []) : a.refs);
    const byRef = scoped.some((a) => refsOf(a).some((r) => mentionsRef(reading.text, r)));
    const s = CLAIM_SCORES.audit;
    return {
      skill: 'audit',
      score: s.base + (byRef ? s.reference : 0) + (AUDIT_WORD.test(reading.text) ? s.cue : 0),
      evidence: byRef ? 'names an audit reference' : 'asks about audit findings',
      answer: async () => ({ ...answer, question: reading.text, ...(id === undefined ? {} : { id }) }),
    };
  },
};
