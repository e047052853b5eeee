import { cleanText } from '../parse/clean-text.js';

/** Common English words that carry no meaning for search, and the commonest Welsh ones (papers of Welsh councils). */
export const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is
it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some
such than that the their theirs them then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yes also may might must shall us per via etc within what's
whats s t isnt arent dont doesnt didnt cant wont hasnt havent wasnt werent shouldnt couldnt wouldnt im ive youre theyre weve thats theres
theyd theyll youd youll wed well id ill itll hed hes shed shes whod wholl went gone came according
get gets getting got rid lot lots bit
ac ar beth bod ble bydd byddai cael cafodd gafodd chi dan ddim dros drwy ei eich eu faint fel gan gyda hefyd hwn hyn hynny
iddo iddi mae mai mewn nad neu nid oedd oes pam pryd pwy sut sydd trwy wedi yn yr ym yng ydy ydyw yw`.split(/\s+/),
);

/** Light suffix stripping so that "authorisations" meets "authorisation" and "renewed" meets "renew". */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  // A four-letter plural or third person ("fees", "pays", "cars") is its word; "bias", "plus", "axis" are not plurals.
  if (word.length === 4 && /[^suia]s$/.test(word)) return word.slice(0, -1);
  if (word.length <= 4) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('isation') || w.endsWith('ization')) w = `${w.slice(0, -7)}is`;
  else if (w.endsWith('ise') || w.endsWith('ize')) w = `${w.slice(0, -3)}is`;
  if (w.endsWith('e') && w.length > 5) w = w.slice(0, -1);
  return w;
}

/** Raw lower-case word tokens (letters and digits), before stop-word removal. */
export function words(text: string): string[] {
  return (
    cleanText(text)
      .toLowerCase()
      .replace(/[’']/g, '')
      // "20mph" and "20 mph", "5km" and "5 km" are one thing: a figure runs into its unit (not "2nd", "1990s").
      .replace(/\b(\d+)(?!(?:st|nd|rd|th|s)\b)([a-z]{2,})\b/g, '$1 $2')
      .match(/[\p{L}\p{N}]+(?:[.,]\d+)*%?/gu) ?? []
  );
}

/**
 * A label and the capital letter that names one of its kind ("Band D", "Appendix A", "Option B"): one
 * term, since a single letter alone is not searched. It holds a digit ("band0d") so that no stemming or
 * word-form matching takes it for its label ("band"). Labels are general words of papers.
 */
const LETTERED = /\b(band|appendix|annex|option|phase|schedule|table|figure|class|category|grade|type|part|section|stage|tier|zone|level|plan|scenario|priority|route|area|lot)\s+([A-Z])\b(?![.'’]?\w)/gi;

export function letteredTerms(text: string): string[] {
  const out: string[] = [];
  if (/\b[A-Z]\b/.test(text)) for (const m of text.matchAll(LETTERED)) if (/[A-Z]/.test(m[2]!)) out.push(`${m[1]!.toLowerCase()}0${m[2]!.toLowerCase()}`);
  return out;
}

/** Search terms: lower-case, stop words removed, lightly stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = w.replace(/,(?=\d{3})/g, '');
    if (STOPWORDS.has(t) || t.length < 2 && !/\d/.test(t)) continue;
    out.push(stem(t));
  }
  out.push(...letteredTerms(text));
  return out;
}
