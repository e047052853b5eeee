import { answerQuestion } from '../route/answer-question.js';
import { CLAIM_SCORES } from './claim-scores.js';
import type { Skill } from './skill.js';

/** The committee papers themselves: hybrid search in scope, then the reader (or a model). Always claims. */
export const documentsSkill: Skill = {
  name: 'documents',
  claim(request, { store, logger, llm }) {
    return {
      skill: 'documents',
      score: CLAIM_SCORES.documents,
      evidence: 'search the papers',
      answer: () => answerQuestion({ store, logger, llm }, request.reading, { id: request.id, filters: request.filters, history: request.history }),
    };
  },
};
