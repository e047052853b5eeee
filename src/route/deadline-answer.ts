import { formatDeadline, type DeadlineResult, type RuleSummary } from '../deadlines/index.js';
import type { Answer, Citation } from '../types.js';

/** A computed deadline in the one answer shape; a local-policy rule cites its paragraph in the corpus. */
export function deadlineAnswer(question: string, result: DeadlineResult, ms: number, id?: string): Answer {
  const b = result.basis;
  const citations: Citation[] = b.source && b.quote
    ? [{
        n: 1,
        chunkId: null,
        source: b.source,
        council: b.council ?? null,
        committee: null,
        meetingDate: null,
        item: b.document ?? null,
        itemNumber: null,
        page: b.page && /^\d+$/.test(b.page) ? Number(b.page) : null,
        paragraph: b.paragraph ?? null,
        section: null,
        docType: 'policy',
        url: null,
        quote: b.quote,
        start: null,
        end: null,
      }]
    : [];
  return {
    ...(id === undefined ? {} : { id }),
    question,
    kind: 'deadline',
    answer: formatDeadline(result),
    citations,
    retrieved: [],
    notes: [],
    data: result,
    timings: { totalMs: Number(ms.toFixed(2)) },
  };
}

/** The list of rules, for `/deadline help`. */
export function deadlineHelp(question: string, rules: readonly RuleSummary[]): Answer {
  const lines = rules.map((r) => `• \`${r.id}\`: ${r.name} (${r.counts}; DATE is the ${r.dateIs})`);
  return {
    question,
    kind: 'deadline',
    answer: `Usage: /deadline RULE DATE, e.g. /deadline foi 21/12/2026. Rules:\n${lines.join('\n')}`,
    citations: [],
    retrieved: [],
    notes: [],
    data: { rules },
    timings: { totalMs: 0 },
  };
}
