import type { Assistant } from './assistant.js';

/**
 * An assistant whose underlying one can be replaced while the app runs (a new index after a
 * background sync): each call goes to the current one, so no front end needs restarting.
 */
export function swappableAssistant(initial: Assistant): { assistant: Assistant; swap(next: Assistant): void } {
  let current = initial;
  let previous: Assistant | null = null;
  return {
    assistant: {
      ask: (question, options) => current.ask(question, options),
      kpi: (query) => current.kpi(query),
      audit: (query) => current.audit(query),
      ripaCheck: (values) => current.ripaCheck(values),
      deadline: (text) => current.deadline(text),
      // A passage cited just before a swap may have left the new index; the previous one still has it.
      source: async (chunkId) => (await current.source(chunkId)) ?? (await previous?.source(chunkId)) ?? null,
    },
    swap(next) {
      previous = current;
      current = next;
    },
  };
}
