import { deadlineAnswer } from '../route/deadline-answer.js';
import { CLAIM_SCORES } from './claim-scores.js';
import type { Skill } from './skill.js';

/** Deadlines: a rule and a date read from the question; computed by code, never by a model. */
export const deadlineSkill: Skill = {
  name: 'deadline',
  claim({ reading, id }, { deadlines, today }) {
    const started = performance.now();
    const result = deadlines.answerQuestion(reading.text, today);
    if (!result) return null;
    return {
      skill: 'deadline',
      score: CLAIM_SCORES.deadline,
      evidence: `rule ${result.rule}`,
      answer: async () => deadlineAnswer(reading.text, result, performance.now() - started, id),
    };
  },
};
