import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { SearchHit } from '../retrieve/search.js';
import type { Citation } from '../types.js';
import { citationFor, locateQuote } from './citations.js';

/** What the model must return; validated before anything is shown. */
export const LlmOutputSchema = z.object({
  answer: z.string(),
  notFound: z.boolean(),
  claims: z.array(z.object({ text: z.string(), passageId: z.string(), quote: z.string() })),
});
export type LlmOutput = z.infer<typeof LlmOutputSchema>;

export interface LlmSettings {
  model: string;
  /** Characters of passage text sent at most (a rough token budget). */
  contextChars?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

export type LlmResult =
  | { ok: true; answer: string; notFound: boolean; citations: Citation[]; dropped: number }
  | { ok: false; reason: 'unavailable' | 'invalid-output' | 'no-verified-citation'; detail: string };

const PROMPTS = new URL('../../prompts/', import.meta.url);
const SYSTEM = readFileSync(new URL('answer-system.md', PROMPTS), 'utf8');
const USER = readFileSync(new URL('answer-user.md', PROMPTS), 'utf8');

const INJECTION =
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(instructions?|prompts?|rules|system)\b|\byou are now\b|\bsystem prompt\b|\b(reply|respond|answer) (only )?(with|that)\b|\bas an ai\b|\bnew instructions?\b/i;

/** Whether text reads like an instruction aimed at an AI model (a prompt injection planted in a document). */
export function looksLikeInjection(text: string): boolean {
  return INJECTION.test(text);
}

/** Passage text with instruction-like sentences masked, so the model never sees them as anything to follow. */
function maskInjections(text: string): string {
  return text.replace(/[^.!?\n]*[.!?]?/g, (sentence) => (looksLikeInjection(sentence) ? '[instruction-like text removed]' : sentence));
}

/** The user message: the question and the passages as quoted JSON data, within the context budget. */
export function buildUserMessage(question: string, hits: readonly SearchHit[], history: readonly string[], budget: number): { text: string; ids: Map<string, SearchHit> } {
  const ids = new Map<string, SearchHit>();
  const passages: Array<Record<string, unknown>> = [];
  let used = 0;
  for (const hit of hits) {
    if (used + hit.chunk.text.length > budget && passages.length) break;
    const id = `P${passages.length + 1}`;
    ids.set(id, hit);
    used += hit.chunk.text.length;
    const p = hit.chunk.place;
    passages.push({ id, council: p.council, committee: p.committee, meetingDate: p.meetingDate, item: p.item, text: maskInjections(hit.chunk.text) });
  }
  const text = USER.replace('{{question}}', question.replace(/\s+/g, ' '))
    .replace('{{history}}', history.length ? `Earlier questions in this conversation: ${JSON.stringify(history)}\n` : '')
    .replace('{{passages}}', JSON.stringify(passages, null, 1));
  return { text, ids };
}

/**
 * Asks an OpenAI-compatible model for a grounded answer, then checks every quote against its passage:
 * a citation that does not check out is dropped. Never throws; failures come back as { ok: false }.
 */
export async function llmAnswer(
  client: OpenAI,
  settings: LlmSettings,
  question: string,
  hits: readonly SearchHit[],
  history: readonly string[],
  logger: Logger,
): Promise<LlmResult> {
  const { text, ids } = buildUserMessage(question, hits, history, settings.contextChars ?? 12_000);
  let content: string | null | undefined;
  try {
    const res = await client.chat.completions.create(
      {
        model: settings.model,
        temperature: 0,
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: text },
        ],
        response_format: zodResponseFormat(LlmOutputSchema, 'committee_answer'),
      },
      { timeout: settings.timeoutMs, maxRetries: settings.maxRetries },
    );
    content = res.choices[0]?.message.content;
  } catch (error) {
    const status = error instanceof OpenAI.APIError ? error.status : undefined;
    logger.warn({ err: error, status }, 'model unavailable');
    return { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
  let output: LlmOutput;
  try {
    output = LlmOutputSchema.parse(JSON.parse(content ?? ''));
  } catch (error) {
    logger.warn({ err: error }, 'model output invalid');
    return { ok: false, reason: 'invalid-output', detail: 'the model did not return the expected JSON' };
  }
  if (output.notFound) return { ok: true, answer: output.answer, notFound: true, citations: [], dropped: 0 };
  const citations: Citation[] = [];
  let dropped = 0;
  let answer = output.answer.replace(/\s*\[\d+\]/g, '');
  const sentences: string[] = [];
  for (const claim of output.claims) {
    const hit = ids.get(claim.passageId);
    const span = hit && !looksLikeInjection(claim.quote) ? locateQuote(hit.chunk, claim.quote) : null;
    if (!hit || !span) {
      dropped++;
      continue;
    }
    const citation = citationFor(hit.chunk, span.start, span.end, citations.length + 1);
    citations.push(citation);
    sentences.push(`${claim.text.trim()} [${citation.n}]`);
  }
  logger.debug({ claims: output.claims.length, verified: citations.length, dropped }, 'model answer checked');
  if (!citations.length) return { ok: false, reason: 'no-verified-citation', detail: `${dropped} citation(s) failed verification` };
  // The verified claims, each with its number, are the answer; the model's free text is kept only when every claim checked out.
  answer = dropped === 0 && answer.trim() ? `${answer.trim()}\n${sentences.join('\n')}` : sentences.join('\n');
  return { ok: true, answer, notFound: false, citations, dropped };
}
