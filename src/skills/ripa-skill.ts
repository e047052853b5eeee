import { ripaAnswer } from '../ripa/ripa-answer.js';
import { readRipaQuestion } from '../ripa/ripa-question.js';
import { inScope } from './record-scope.js';
import { CLAIM_SCORES } from './claim-scores.js';
import type { Skill } from './skill.js';

/**
 * RIPA authorisation rules: who authorises, periods, reviews, renewals. Claims only questions about the
 * rules (not oversight, statistics or outcomes, which the papers answer), and only with a policy of the
 * council in scope; with no council named, the newest policy held.
 */
export const ripaSkill: Skill = {
  name: 'ripa',
  claim({ reading, filters, id }, { ripaPolicies, deadlines, today }) {
    const q = readRipaQuestion(reading.text, today);
    if (!q) return null;
    const policies = ripaPolicies.filter((p) => inScope(p, reading.scope, filters));
    // A council named whose policy we do not hold: its papers, not another council's policy, answer.
    if (!policies.length && (reading.scope.councils.length || filters.council || filters.councils?.length) && ripaPolicies.length) return null;
    const answer = ripaAnswer(reading.text, policies[0] ?? null, deadlines, today);
    if (!answer) return null;
    return {
      skill: 'ripa',
      score: CLAIM_SCORES.ripa,
      evidence: `topics ${q.topics.join(',')}`,
      answer: async () => ({ ...answer, ...(id === undefined ? {} : { id }) }),
    };
  },
};
