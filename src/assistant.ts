import type { Logger } from './logger.js';
import { AppError, userMessageOf } from './errors.js';
import type { DeadlineService } from './deadlines/index.js';
import { deadlineAnswer, deadlineHelp } from './route/deadline-answer.js';
import { readInThread, type AskOptions, type AssistantDeps } from './route/answer-question.js';
import { route } from './skills/router.js';
import type { SkillContext } from './skills/skill.js';
import { scopeRegistryOf } from './understand/index-scope.js';
import { findKpis } from './kpi/find-kpis.js';
import { describeRecord } from './kpi/format-kpi.js';
import { kpiAnswer } from './kpi/kpi-answer.js';
import { auditQueryAnswer } from './audit/audit-answer.js';
import { readAuditRecords } from './audit/audit-record.js';
import { readRipaPolicies } from './ripa/ripa-policy.js';
import { answerRipaForm, type RipaFormValues } from './ripa/ripa-form.js';
import { toKpiRecords } from './kpi/kpi-record.js';
import { groupIndicators } from './kpi/group-indicators.js';
import { toRetrieved } from './answer/citations.js';
import type { PassageStore, SearchHit } from './retrieve/passage-store.js';
import type { Answer, Place } from './types.js';

/** A passage with the text around it, for "Show source". */
export interface SourcePassage {
  chunkId: string;
  place: Place;
  before: string;
  text: string;
  after: string;
}

/** The one domain entry point every front end (Slack, the local page, the CLI) calls. */
export interface Assistant {
  /** Any question: routed to a deadline, a KPI look-up or the documents. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** `/kpi QUERY`: a performance indicator by reference or words. */
  kpi(query: string): Promise<Answer>;
  /** `/audit QUERY`: internal audit findings by reference or words. */
  audit(query: string): Promise<Answer>;
  /** `/ripa` form: may we authorise this, who authorises, and the dates. */
  ripaCheck(values: RipaFormValues): Answer;
  /** `/deadline RULE DATE` or `/deadline help`. */
  deadline(text: string): Answer;
  /** The stored passage a citation points at, with its neighbours. */
  source(chunkId: string): Promise<SourcePassage | null>;
}

export interface AssistantParts {
  store: PassageStore;
  logger: Logger;
  deadlines: DeadlineService;
  /** Today's date; injected so that answers are testable. */
  now: () => Date;
  llm?: AssistantDeps['llm'];
  /** COUNCIL_NAME: the council "we" and "our" mean, in a one-council deployment. */
  ourCouncil?: string | null;
}

function errorAnswer(question: string, error: unknown): Answer {
  return { question, kind: 'error', answer: userMessageOf(error), citations: [], retrieved: [], notes: [], timings: { totalMs: 0 } };
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A structured answer (KPI, audit, RIPA) still lists the passages it rests on: first the passages
 * holding its citations, then the document search's best passages for the question.
 */
async function withRetrieved(store: PassageStore, answer: Answer, started: number): Promise<Answer> {
  const cited: SearchHit[] = [];
  // A record's citation points into the passage holding it, so that "Show source" can show its context.
  const citations: Answer['citations'] = [];
  for (const c of answer.citations) {
    const chunk = c.start === null ? null : await store.atOffset(c.source, c.start);
    if (!chunk) {
      citations.push(c);
      continue;
    }
    cited.push({ chunk, score: 1, vectorRank: null, keywordRank: null });
    citations.push({ ...c, chunkId: c.chunkId ?? chunk.id, url: c.url ?? chunk.place.url ?? null });
  }
  const hits = await store.search(answer.question, { k: 12 });
  const seen = new Set<string>();
  const merged = [...cited, ...hits].filter((h) => !seen.has(h.chunk.id) && seen.add(h.chunk.id));
  return { ...answer, citations, retrieved: toRetrieved(merged.slice(0, 12)), timings: { ...answer.timings, totalMs: Number((performance.now() - started).toFixed(2)) } };
}

/** Builds the assistant from its parts (made once in main.ts or a script). */
export function createAssistant(parts: AssistantParts): Assistant {
  const { store, logger, deadlines } = parts;
  const kpis = toKpiRecords(store.records('kpi'));
  // Indicators are grouped once, here, so that no question pays for it; a question's narrower list reuses them.
  groupIndicators(kpis);
  const audits = readAuditRecords(store.records('audit'));
  const ripaPolicies = readRipaPolicies(store.records('ripa-policy'));
  const ripaPolicy = ripaPolicies[0] ?? null;
  const context = (): SkillContext => ({ store, logger, deadlines, kpis, audits, ripaPolicies, llm: parts.llm, today: isoDay(parts.now()) });
  return {
    async ask(question, options = {}) {
      const started = performance.now();
      try {
        const reading = readInThread(question, options.history ?? [], scopeRegistryOf(store), parts.ourCouncil ?? null, store.glossary, store);
        const claim = route({ reading, filters: options.filters ?? {}, history: options.history ?? [], id: options.id }, context());
        const answer = await claim.answer();
        if (claim.skill === 'documents' || claim.skill === 'deadline') return answer;
        return await withRetrieved(store, answer, started);
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'question failed');
        return { ...errorAnswer(question, error), ...(options.id === undefined ? {} : { id: options.id }) };
      }
    },
    async kpi(query) {
      const started = performance.now();
      try {
        const answer = kpiAnswer(query, kpis) ?? kpiAnswer(`latest KPI ${query}`, kpis);
        if (answer) return await withRetrieved(store, answer, started);
        // Throws KpiNotFoundError, with the nearest indicators, when nothing matches.
        const matches = findKpis(query, kpis).slice(0, 3);
        const citations = matches.flatMap((m, i) => (m.citations[0] ? [{ ...m.citations[0], n: i + 1 }] : []));
        const lines = matches.map((m, i) => `${describeRecord(m.latest, m.ref)}${m.citations[0] ? ` [${i + 1}]` : ''}`);
        return await withRetrieved(store, { question: query, kind: 'kpi', answer: lines.join('\n'), citations, retrieved: [], notes: [], data: { matches }, timings: { totalMs: 0 } }, started);
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'kpi look-up failed');
        return errorAnswer(query, error);
      }
    },
    async audit(query) {
      try {
        return await withRetrieved(store, auditQueryAnswer(query, audits), performance.now());
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'audit look-up failed');
        return errorAnswer(query, error);
      }
    },
    ripaCheck(values) {
      try {
        return answerRipaForm(values, ripaPolicy, deadlines, isoDay(parts.now()));
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'ripa check failed');
        return errorAnswer('/ripa', error);
      }
    },
    deadline(text) {
      const started = performance.now();
      const words = text.trim().split(/\s+/).filter(Boolean);
      if (!words.length || /^(help|list|rules|\?)$/i.test(words[0]!)) return deadlineHelp(text, deadlines.listRules());
      try {
        const [rule, ...date] = words;
        const result = deadlines.compute(rule!.toLowerCase(), date.join(' ') || 'today', isoDay(parts.now()));
        return deadlineAnswer(text, result, performance.now() - started);
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'deadline failed');
        return errorAnswer(text, error);
      }
    },
    async source(chunkId) {
      const chunk = await store.passage(chunkId);
      if (!chunk) return null;
      const [before, after] = await Promise.all([store.adjacent(chunkId, -1), store.adjacent(chunkId, 1)]);
      return { chunkId, place: chunk.place, before: before?.text ?? '', text: chunk.text, after: after?.text ?? '' };
    },
  };
}
