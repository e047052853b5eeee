import type { Assistant } from '../assistant.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { Logger } from '../logger.js';
import type { Answer } from '../types.js';
import type { LruMap } from './state/lru-map.js';
import type { ThreadMemory } from './state/thread-memory.js';

export type Visibility = 'in_channel' | 'ephemeral';

/** Behaviour that a deployment may tune; defaults in app.ts. */
export interface SlackSettings {
  /** Slash command names as registered in the manifest. */
  commands: { ask: string; kpi: string; deadline: string; audit: string; ripa: string };
  /** Who sees a slash-command answer unless the user adds `-private` or `-public`. */
  slashVisibility: Visibility;
  /** How long an answer may take and still be sent as the acknowledgement itself; slower answers get "Looking…" first. */
  quickReplyMs: number;
}

/** Everything the listeners use, built once by createSlackApp. */
export interface SlackDeps {
  assistant: Assistant;
  feedback: FeedbackStore;
  logger: Logger;
  now: () => Date;
  newId: () => string;
  /** Recent answers by id, for "Show source", feedback and sharing. */
  answers: LruMap<string, Answer>;
  threads: ThreadMemory;
  settings: SlackSettings;
}

/** Gives the answer its id and keeps it for the buttons that refer to it. */
export function remember(deps: SlackDeps, answer: Answer, id: string): Answer {
  const kept = { ...answer, id };
  deps.answers.set(id, kept);
  return kept;
}
