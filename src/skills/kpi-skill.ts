import { kpiAnswer } from '../kpi/kpi-answer.js';
import { parseKpiQuestion } from '../kpi/parse-kpi-question.js';
import type { KpiRecord } from '../kpi/kpi-record.js';
import { inScope } from './record-scope.js';
import { CLAIM_SCORES } from './claim-scores.js';
import type { Skill } from './skill.js';

const INDICATOR_WORD = /\b(?:kpis?|indicators?|measures?|dashboard|rag)\b/i;

/** KPI values from the extracted indicator records of the councils in scope. */
export const kpiSkill: Skill = {
  name: 'kpi',
  claim({ reading, filters, id }, { kpis }) {
    // "How many FOI requests did we receive?" asks for a count of things, not for an indicator's value.
    if (reading.counted.length && !INDICATOR_WORD.test(reading.text)) return null;
    const filtered = kpis.filter((r) => inScope(r, reading.scope, filters));
    // The whole list when nothing is filtered out, so that its grouping is reused.
    const scoped = filtered.length === kpis.length ? kpis : filtered;
    if (!scoped.length) return null;
    const answer = kpiAnswer(reading.content, scoped as KpiRecord[]);
    if (!answer) return null;
    const refs = new Set(parseKpiQuestion(reading.text).refs);
    const byRef = scoped.some((r) => r.ref && refs.has(r.ref.toUpperCase()));
    const s = CLAIM_SCORES.kpi;
    const score = s.base + (byRef ? s.reference : 0) + (INDICATOR_WORD.test(reading.text) ? s.cue : 0) - (reading.wantsReason && !byRef ? s.reasonPenalty : 0);
    return {
      skill: 'kpi',
      score,
      evidence: byRef ? 'names an indicator reference' : 'matches an indicator name',
      answer: async () => ({ ...answer, question: reading.text, ...(id === undefined ? {} : { id }) }),
    };
  },
};
