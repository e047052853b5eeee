import type { DeadlineService } from '../deadlines/index.js';
import type { Answer } from '../types.js';
import { createCitationList } from '../extract/cite-span.js';
import type { RipaPolicy } from './ripa-policy.js';
import type { RipaLine, RipaTechnique } from './ripa-outcome.js';
import { expiryLine, registerLine, renewalLine, type LineContext } from './ripa-lines.js';
import {
  approvalLine,
  authoriserLines,
  cancellationLine,
  interceptionLine,
  intrusiveLine,
  permittedLine,
  quotedLine,
  recordsLine,
  reviewLine,
  seniorReason,
  socialMediaLines,
  welfareLine,
} from './ripa-policy-lines.js';
import { readRipaQuestion, type RipaQuestion, type RipaQuestionTopic } from './ripa-question.js';
import { formatLine } from './format-ripa-outcome.js';

export { isRipaQuestion, readRipaQuestion, type RipaQuestion } from './ripa-question.js';

/** The techniques a question's answer covers: those it names, else both that a council authorises itself. */
function techniques(q: RipaQuestion): RipaTechnique[] {
  if (q.named.length > 1) return q.named;
  if (q.technique) return [q.technique];
  return q.source !== 'adult' ? ['chis'] : ['directed-surveillance', 'chis'];
}

const TECHNIQUE_LABELS: Record<RipaTechnique, string> = { 'directed-surveillance': 'Directed surveillance', chis: 'CHIS', 'communications-data': 'Communications data' };

function linesFor(topic: RipaQuestionTopic, q: RipaQuestion, ctx: LineContext, question: string): RipaLine[] {
  const [main] = techniques(q);
  const t = main!;
  switch (topic) {
    case 'interception':
      return [interceptionLine(ctx)];
    case 'intrusive':
      return [intrusiveLine(ctx)];
    case 'permitted':
      return [permittedLine(ctx, t), approvalLine(ctx, t).line];
    case 'necessity':
      return [permittedLine(ctx, t)];
    case 'authoriser': {
      const who = authoriserLines(ctx, t, seniorReason(t, q.source, q.confidential));
      return t === 'chis' && q.source !== 'adult' ? [...who.lines, welfareLine(ctx, q.source)] : who.lines;
    }
    case 'approval':
      // Asked in general, the answer also says that communications data needs no magistrate.
      return q.technique ? [approvalLine(ctx, t).line] : [approvalLine(ctx, t).line, approvalLine(ctx, 'communications-data').line];
    case 'duration': {
      // Asked of two techniques, each period says which it is for.
      const all = techniques(q);
      return all.map((x) => {
        const line = expiryLine(ctx, x, q.source, q.date ?? undefined).line;
        return q.named.length > 1 ? { ...line, text: `${TECHNIQUE_LABELS[x]}: ${line.text}` } : line;
      });
    }
    case 'renewal':
      // A date given with a renewal question is the last day of the current authorisation.
      return [renewalLine(ctx, t, q.source, q.date).line];
    case 'review':
      return [reviewLine(ctx, t, q.confidential)];
    case 'cancellation':
      return [cancellationLine(ctx, t)];
    case 'register-copy':
      return [registerLine(ctx, q.date ?? undefined).line];
    case 'retention':
      return [recordsLine(ctx)];
    case 'social-media':
      return socialMediaLines(ctx, question);
    case 'communications-data':
      return [permittedLine(ctx, 'communications-data'), ...authoriserLines(ctx, 'communications-data', null).lines];
    case 'sro':
      return [quotedLine(ctx, 'sro', 'Senior Responsible Officer', /senior responsible officer/i)].filter((l): l is RipaLine => l !== null);
    case 'cctv':
      return [quotedLine(ctx, 'cctv', 'CCTV', /cctv/i)].filter((l): l is RipaLine => l !== null);
  }
}

/**
 * Answers a plain question about RIPA authorisation rules from the council's policy (verbatim
 * paragraph citations) and the statutory periods of the deadline rules; null when the question is
 * not about those rules, including questions about activity figures or policy changes, which the
 * documents answer.
 */
export function ripaAnswer(question: string, policy: RipaPolicy | null, deadlines: DeadlineService, today: string): Answer | null {
  const started = performance.now();
  const q = readRipaQuestion(question, today);
  if (!q) return null;
  const ctx: LineContext = { policy, deadlines, today, list: createCitationList() };
  // Intrusive surveillance cannot be authorised at all: the other rules would only mislead.
  const topics = q.topics.includes('intrusive') ? (['intrusive'] as const) : q.topics;
  const lines: RipaLine[] = [];
  for (const topic of topics) {
    for (const l of linesFor(topic, q, ctx, question)) if (!lines.some((x) => x.text === l.text)) lines.push(l);
  }
  if (!lines.length) return null;
  const notes = policy ? [] : ['No covert surveillance policy was found in the corpus, so only the statutory rules are shown.'];
  return {
    question,
    kind: 'ripa',
    answer: lines.map(formatLine).join('\n'),
    citations: ctx.list.citations,
    retrieved: [],
    notes,
    data: { topics, technique: q.technique, source: q.source, confidential: q.confidential, date: q.date, lines },
    timings: { totalMs: Number((performance.now() - started).toFixed(2)) },
  };
}
