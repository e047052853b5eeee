import type { Assistant } from '../../../src/assistant.js';
import { AppError } from '../../../src/errors.js';

/** The real assistant, with its `ask` calls recorded and a failure on demand (a question containing BOOM). */
export function spyAssistant(real: Assistant): Assistant & { asked: Array<{ question: string; history: string[] }> } {
  const asked: Array<{ question: string; history: string[] }> = [];
  return {
    asked,
    async ask(question, options) {
      asked.push({ question, history: options?.history ?? [] });
      if (question.includes('BOOM')) throw new Error('index exploded: secret detail that must not reach the user');
      if (question.includes('APPFAIL')) throw new AppError('SEARCH_DOWN', 'The search service is not answering; please try again in a minute.');
      return real.ask(question, options);
    },
    kpi: (query) => real.kpi(query),
    audit: (query) => real.audit(query),
    ripaCheck: (values) => real.ripaCheck(values),
    deadline: (text) => real.deadline(text),
    source: (chunkId) => real.source(chunkId),
  };
}
