import type { KpiIndicator } from './group-indicators.js';
import { kpiTerms } from './kpi-terms.js';

/** Words of a question that ask for a KPI rather than name one. */
const ASKING = new Set(
  kpiTerms(
    'latest current performance performing target floor rate figure kpi indicator dashboard doing result month quarter ytd year date rag red amber green ' +
      'moved move change changed trend between report reported show tell much many what how which value level score status progress compare compared since last',
  ),
);

/**
 * Whether the question is about this indicator rather than something that shares one word with it
 * ("the Corporate Risk Register" is not "registered users of the rewards scheme"): at least half of the
 * question's naming words are words of the indicator's names or area.
 */
export function aboutIndicator(question: string, indicator: KpiIndicator): boolean {
  const what = question.replace(/\b(?:Q|Quarter\s*)[1-4]\b|\b(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\b/gi, ' ');
  const naming = [...new Set(kpiTerms(what))].filter((t) => !ASKING.has(t));
  if (!naming.length) return false;
  const own = new Set(indicator.records.flatMap((r) => kpiTerms(`${r.name} ${r.area ?? ''} ${r.group ?? ''}`)));
  return naming.filter((t) => own.has(t)).length * 2 >= naming.length;
}
