import type { Assistant } from '../../../src/assistant.js';
import type { Answer } from '../../../src/types.js';

/** An assistant whose every answer is `answer` (with the question filled in): a seam for rendering tests. */
export function fixedAssistant(answer: Omit<Answer, 'question'>): Assistant {
  const make = (question: string, id?: string): Answer => ({ ...answer, question, ...(id ? { id } : {}) });
  return {
    ask: async (question, options) => make(question, options?.id),
    kpi: async (query) => make(query),
    audit: async (query) => make(query),
    ripaCheck: () => make('/ripa'),
    deadline: (text) => make(text),
    source: async (chunkId) => ({ chunkId, place: { source: 'pack.txt', council: null, committee: null, meetingDate: null, item: null, itemNumber: null, page: null, paragraph: null, section: null, docType: null, url: null }, before: '', text: answer.answer, after: '' }),
  };
}
