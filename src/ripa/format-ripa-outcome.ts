import type { Answer } from '../types.js';
import { plain } from '../audit/audit-text.js';
import type { RipaLine, RipaOutcome } from './ripa-outcome.js';

/** A line's text with its policy citation markers and the statutes behind it: "… [2] (RIPA 2000 s.32A)". */
export function formatLine(l: RipaLine): string {
  const refs = l.refs.map((n) => `[${n}]`).join('');
  const statutes = l.statutes.length ? ` (${l.statutes.map((s) => s.citation).join('; ')})` : '';
  return `${l.text}${refs ? ` ${refs}` : ''}${statutes}`;
}

/**
 * The outcome as text for Slack and the CLI: the verdict, one bullet per line with its citations,
 * then (unless `sources` is false) the quoted policy paragraphs and any notes.
 */
export function formatRipaOutcome(outcome: RipaOutcome, options: { sources?: boolean } = {}): string {
  const out = [outcome.verdict, ...outcome.lines.map((l) => `• ${formatLine(l)}`)];
  if (options.sources !== false && outcome.citations.length) {
    out.push('', 'Policy paragraphs cited:');
    for (const c of outcome.citations) {
      const document = outcome.policy && c.source === outcome.policy.source ? outcome.policy.title : c.item;
      const where = [c.council, document, c.paragraph ? `para ${c.paragraph}` : null, c.page ? `p.${c.page}` : null].filter(Boolean).join(', ');
      const quote = plain(c.quote);
      out.push(`[${c.n}] ${where}: “${quote.length > 240 ? `${quote.slice(0, 237)}…` : quote}”`);
    }
  }
  if (options.sources !== false && outcome.notes.length) out.push('', ...outcome.notes.map((n) => `Note: ${n}`));
  return out.join('\n');
}

/** The outcome in the one answer shape (kind `ripa`), the policy paragraphs as its citations. */
export function ripaOutcomeAnswer(outcome: RipaOutcome, question: string, totalMs = 0): Answer {
  return {
    question,
    kind: 'ripa',
    answer: formatRipaOutcome(outcome, { sources: false }),
    citations: outcome.citations,
    retrieved: [],
    notes: outcome.notes,
    data: outcome,
    timings: { totalMs: Number(totalMs.toFixed(2)) },
  };
}
