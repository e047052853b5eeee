import { z } from 'zod';
import type { Answer } from '../types.js';

export const EvalItemSchema = z.object({
  id: z.string(),
  category: z.string().default('unknown'),
  council: z.string().nullable().optional(),
  question: z.string(),
  answer: z.string().nullable().optional(),
  must_include: z.array(z.array(z.string())).default([]),
  sources: z.array(z.object({ file: z.string(), quote: z.string() })).default([]),
  kpi: z.unknown().optional(),
});
export type EvalItem = z.infer<typeof EvalItemSchema>;

/** Lower case, every run of characters other than letters and digits turned into one space. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The README's matching rule: the normalised quote is inside, or 80% of its words appear in order. */
export function containsQuote(passage: string, quote: string): boolean {
  const p = normalize(passage);
  const q = normalize(quote);
  if (!q) return false;
  if (p.includes(q)) return true;
  const qw = q.split(' ');
  const pw = p.split(' ');
  let j = 0;
  let matched = 0;
  for (const w of qw) {
    const at = pw.indexOf(w, j);
    if (at >= 0) {
      matched++;
      j = at + 1;
    }
  }
  return matched / qw.length >= 0.8;
}

/** The rank (1-based) of the first retrieved passage holding a gold quote, or null. */
export function firstHitRank(item: EvalItem, answer: Answer): number | null {
  const i = answer.retrieved.findIndex((r) => item.sources.some((s) => containsQuote(r.text, s.quote)));
  return i < 0 ? null : i + 1;
}

/** Every must_include group matched in the answer text (both normalised); unanswerable items must be declined. */
export function answerCorrect(item: EvalItem, answer: Answer): boolean {
  if (!item.sources.length && !item.must_include.length) return answer.kind === 'not_found';
  if (answer.kind === 'not_found') return false;
  const text = normalize(answer.answer);
  return item.must_include.every((group) => group.some((alt) => text.includes(normalize(alt))));
}

/** Some citation's quote lies within its cited source and overlaps a gold quote. */
export function citationCorrect(item: EvalItem, answer: Answer, sourceText: (file: string) => string | null): boolean {
  return answer.citations.some((c) => {
    const text = sourceText(c.source);
    if (!text || !text.includes(c.quote)) return false;
    return item.sources.some((s) => s.file === c.source && (containsQuote(c.quote, s.quote) || containsQuote(s.quote, c.quote)));
  });
}

/** Whether every citation's quote is verbatim in its source file. */
export function citationsVerbatim(answer: Answer, sourceText: (file: string) => string | null): boolean {
  return answer.citations.every((c) => (sourceText(c.source) ?? '').includes(c.quote));
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
