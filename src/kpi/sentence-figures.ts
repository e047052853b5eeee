/** Figures a commentary sentence states about one indicator, each copied as printed. */
export interface SentenceFigures {
  value: string | null;
  /** Whether the value is introduced as the result ("was 20.9%", "to 89%", "at 98%"). */
  valueStated: boolean;
  target: string | null;
  floor: string | null;
}

const FIGURE_RE = /(?<![\w.,/£])(£\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|m\b|k\b)?(?:\s+(days|weeks|hours|minutes|cases|tonnes))?/g;
const MONTHS = /^\s*(?:st|nd|rd|th)?\s*(?:<sup>\s*(?:st|nd|rd|th)\s*<\/sup>)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const COUNTER_BEFORE = /\b(?:quarter|qtr|q|level|stage|phase|key stage|year|round|tier|ks|page|item|section|paragraph|para|top|lre|step|group|rounds?)\s*$/i;
const CHANGE_BEFORE = /\b(?:increase|decrease|reduction|rise|fall|drop|change|growth|improvement|decline|up|down|increasing|decreasing|rising|falling|reducing)\s+(?:of|by)\s*(?:[\d,.]+\s*\(\s*)?$|\bby\s*$/i;
const CHANGE_AFTER = /^\s*(?:percentage points?|pp\b|points?\b|more\b|fewer\b|less\b|increase|decrease|higher|lower|up\b|down\b|reduction|change|rise|growth|above pre|below pre|of (?:the )?(?:same period|pre-))/i;
const PREVIOUS_BEFORE = /(?:\bfrom|compared (?:with|to)|previous (?:quarter|year|month|period)(?: of| was| when it was)?|last (?:quarter|year|month)(?: of| was)?|(?:england|national|regional|latest national|benchmark)(?: average| figure| rate| position| performance)?(?: of| was| at)?|average of|when it was|pre-pandemic level of)\s*$/i;
const TARGET_BEFORE = /\btarget(?: range)?(?: (?:is|was) to \w+)?(?: of)?(?: between)?(?: (?:below|above|under|over|at least|no more than|less than|of below|of above))?\s*$/i;
const FLOOR_BEFORE = /\bfloor(?: standard)?(?: of)?(?: (?:below|above))?\s*$/i;
const STATED_BEFORE = /(?:\b(?:was|is|were|are|at|to|reached|remains at|stood at|of only|kpi of|measure of)|^|,)\s*(?:only\s+)?$/i;

/** "below " when the words before a target say which side of it is good. */
function comparison(before: string): string {
  const m = /\b(below|above|under|over|at least|no more than|less than)\s*$/i.exec(before);
  return m ? `${m[1]!.toLowerCase()} ` : '';
}

function isPercentIndicator(name: string): boolean {
  return /%|percent|proportion|\brate\b/i.test(name);
}

/** The numbers an indicator's own name carries ("within 28 days", "rolling 12 months"), which are never its value. */
function nameNumbers(name: string): Set<string> {
  return new Set((name.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, '')));
}

/**
 * Reads the figures a sentence states for an indicator: the first figure of the indicator's kind
 * (a percentage for a "% of" indicator, otherwise a count) that is not a change, a comparison, a
 * date, a target or a floor; and any target and floor. Every figure is copied as printed; a sentence
 * that states none gives nulls.
 */
export function sentenceFigures(sentence: string, indicatorName: string): SentenceFigures {
  const percent = isPercentIndicator(indicatorName);
  const own = nameNumbers(indicatorName);
  const perPopulation = /\bper [\d,]+/i.test(indicatorName);
  const money = /£|cost|spend|value|income|budget|saving|fund|debt|receipts|contributions/i.test(indicatorName);
  const out: SentenceFigures = { value: null, valueStated: false, target: null, floor: null };
  for (const m of sentence.matchAll(FIGURE_RE)) {
    const at = m.index;
    const end = at + m[0].length;
    const before = sentence.slice(Math.max(0, at - 60), at);
    const after = sentence.slice(end, end + 30);
    const digits = `${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`;
    const isPct = m[4] === '%';
    if (!isPct && /^(?:19|20)\d\d$/.test(digits)) continue;
    if (/^[/–-]\s*\d/.test(after) || /^-?\s*(?:month|year|week|day|hour)\b/i.test(after) || /^-[a-z]/i.test(after)) continue;
    // "The target is to return 18 units and create 36 homes": every figure of a sentence about the target is a target.
    const aboutTarget = /\b(?:target|aim|ambition) (?:is|was|will be)\b/i.test(sentence.slice(0, at));
    if (!isPct && MONTHS.test(after)) continue;
    if (COUNTER_BEFORE.test(before)) continue;
    if (!isPct && own.has(digits)) continue;
    if (/^\s+(?:of|out of)\s+(?:the\s+)?\d/i.test(after) || /\d\s+(?:of|out of)\s+(?:the\s+)?$/i.test(before)) continue;
    const printed = m[0].trim();
    if (TARGET_BEFORE.test(before) || /^\s*target\b/i.test(after) || aboutTarget) {
      const upper = /between\s*$/i.test(before) ? /^\s*and\s+(\d[\d,.]*%?)/.exec(after) : null;
      out.target ??= upper ? `between ${printed} and ${upper[1]}` : `${comparison(before)}${printed}`;
      continue;
    }
    if (FLOOR_BEFORE.test(before)) {
      out.floor ??= `${comparison(before)}${printed}`;
      continue;
    }
    if (out.value !== null || isPct !== percent) continue;
    if (m[1] && !money) continue;
    // A rate "per 100,000" is stated as a rate, not as a head count of the same people.
    if (perPopulation && !/\bper [\d,]+|\brate\b/i.test(sentence)) continue;
    if (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after) || PREVIOUS_BEFORE.test(before)) continue;
    out.value = printed;
    out.valueStated = STATED_BEFORE.test(before);
  }
  return out;
}
