import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import type { Citation } from '../types.js';
import { citationFor, locateQuote } from './citations.js';
import { looksLikeInjection } from './injection.js';
import { isBacked } from './key-facts.js';
import { buildUserMessage, SYSTEM_PROMPT, unmarkQuote } from './llm-prompt.js';

export { looksLikeInjection } from './injection.js';
export { buildUserMessage } from './llm-prompt.js';

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
  /** Each attempt's timeout. */
  timeoutMs?: number;
  maxRetries?: number;
  /** The whole model call, retries included; the officer then gets the extractive answer. */
  totalTimeoutMs?: number;
}

/** Defaults for the model call. */
export const LLM_DEFAULTS = {
  /** About 3,000 tokens of passages: enough for the best dozen passages, cheap and quick. */
  contextChars: 12_000,
  /** An officer should not wait longer than this for the model, however many retries are left. */
  totalTimeoutMs: 20_000,
} as const;

export type LlmResult =
  | { ok: true; answer: string; notFound: boolean; citations: Citation[]; dropped: number }
  | { ok: false; reason: 'unavailable' | 'invalid-output' | 'no-verified-citation'; detail: string };

/** Length and a short hash of model output, for the log: never the output itself. */
export function describeOutput(content: string | null | undefined): { length: number; sha256: string } {
  const text = content ?? '';
  return { length: text.length, sha256: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

/** The passage's place as text a claim may draw names and dates from. */
function placeOf(hit: SearchHit): string[] {
  const p = hit.chunk.place;
  const date = p.meetingDate ? new Date(`${p.meetingDate.slice(0, 10)}T00:00:00Z`) : null;
  const spelled = date && !Number.isNaN(date.getTime()) ? date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
  return [p.council, p.committee, p.item, p.section, spelled].filter((x): x is string => Boolean(x)).map((x) => `. ${x}`);
}

async function callModel(client: OpenAI, settings: LlmSettings, user: string): Promise<string | null | undefined> {
  const total = AbortSignal.timeout(settings.totalTimeoutMs ?? LLM_DEFAULTS.totalTimeoutMs);
  const res = await client.chat.completions.create(
    {
      model: settings.model,
      temperature: 0,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: user },
      ],
      response_format: zodResponseFormat(LlmOutputSchema, 'committee_answer'),
    },
    { timeout: settings.timeoutMs, maxRetries: settings.maxRetries, signal: total },
  );
  return res.choices[0]?.message.content;
}

/**
 * Asks an OpenAI-compatible model for a grounded answer. Passages go as data-marked, delimited blocks;
 * the reply is checked claim by claim: a claim is shown only when its quote is verbatim in its passage
 * and the claim states no figure, date, period or name that the quote (or its place) does not. The
 * model's free text is never shown. Never throws; failures come back as { ok: false }.
 */
export async function llmAnswer(
  client: OpenAI,
  settings: LlmSettings,
  question: string,
  hits: readonly SearchHit[],
  history: readonly string[],
  logger: Logger,
): Promise<LlmResult> {
  const { text, ids } = buildUserMessage(question, hits, history, settings.contextChars ?? LLM_DEFAULTS.contextChars);
  let content: string | null | undefined;
  try {
    content = await callModel(client, settings, text);
  } catch (error) {
    const status = error instanceof OpenAI.APIError ? error.status : undefined;
    logger.warn({ errorName: error instanceof Error ? error.name : typeof error, status }, 'model unavailable');
    return { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.name : 'model call failed' };
  }
  let output: LlmOutput;
  try {
    output = LlmOutputSchema.parse(JSON.parse(content ?? ''));
  } catch (error) {
    logger.warn({ output: describeOutput(content), errorName: error instanceof Error ? error.name : typeof error }, 'model output invalid');
    return { ok: false, reason: 'invalid-output', detail: 'the model did not return the expected JSON' };
  }
  if (output.notFound) return { ok: true, answer: '', notFound: true, citations: [], dropped: 0 };
  const citations: Citation[] = [];
  const sentences: string[] = [];
  let unverified = 0;
  let unbacked = 0;
  for (const claim of output.claims) {
    const hit = ids.get(claim.passageId);
    const quote = unmarkQuote(claim.quote);
    const span = hit && !looksLikeInjection(quote) ? locateQuote(hit.chunk, quote) : null;
    if (!hit || !span) {
      unverified++;
      continue;
    }
    const citation = citationFor(hit.chunk, span.start, span.end, citations.length + 1);
    const claimText = claim.text.replace(/\s*\[\d+\]/g, '').replace(/\s+/g, ' ').trim();
    if (!claimText || looksLikeInjection(claimText) || !isBacked(claimText, citation.quote, { place: placeOf(hit), question })) {
      unbacked++;
      continue;
    }
    citations.push(citation);
    sentences.push(`${claimText} [${citation.n}]`);
  }
  const dropped = unverified + unbacked;
  logger.debug({ claims: output.claims.length, verified: citations.length, unverified, unbacked }, 'model answer checked');
  if (!citations.length) return { ok: false, reason: 'no-verified-citation', detail: `${dropped} claim(s) failed verification` };
  return { ok: true, answer: sentences.join('\n'), notFound: false, citations, dropped };
}
