import type { RipaFormValues } from '../ripa/ripa-form.js';

type Technique = RipaFormValues['technique'];

/** Two-word names first, so that "directed surveillance" is one word below. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bdirected\s+surveillance\b/g, 'directed-surveillance'],
  [/\b(?:communications?|comms)\s+data\b/g, 'communications-data'],
  [/\bjuvenile\s+or\s+vulnerable\b/g, 'juvenile-or-vulnerable'],
  [/\bresidential\s+premises\b|\bprivate\s+vehicle\b/g, 'premises'],
  [/\bunder\s+18\b/g, 'juvenile'],
];
const TECHNIQUES: Record<string, Technique> = {
  ds: 'directed-surveillance',
  'directed-surveillance': 'directed-surveillance',
  surveillance: 'directed-surveillance',
  chis: 'chis',
  'communications-data': 'communications-data',
  comms: 'communications-data',
};
const SOURCES = new Set(['juvenile', 'vulnerable', 'juvenile-or-vulnerable']);
const PREMISES = new Set(['premises', 'residential', 'home', 'house', 'vehicle', 'car']);
const FILLER = new Set(['a', 'an', 'the', 'in', 'on', 'of', 'and', 'with', 'source', 'approved', 'approval', 'from', 'likely', 'info', 'information']);
const DATE_WORD = /\d|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^(today|tomorrow|yesterday)$/;

/**
 * `/ripa` typed with its answers, e.g. `chis juvenile confidential 1/6/2026`: the form's values when
 * every word was understood and a technique named (`values`), and in any case what could be read, to
 * open the form with (`initial`). The date is left as typed; the domain reads it.
 */
export function parseRipaText(text: string): { values: RipaFormValues | null; initial: Partial<RipaFormValues> } {
  let lower = text.toLowerCase().replace(/[,;]/g, ' ');
  for (const [pattern, word] of PHRASES) lower = lower.replace(pattern, word);
  const initial: Partial<RipaFormValues> = {};
  const dateWords: string[] = [];
  let understood = true;
  for (const word of lower.split(/\s+/).filter(Boolean)) {
    if (TECHNIQUES[word]) initial.technique = TECHNIQUES[word];
    else if (SOURCES.has(word)) initial.source = initial.source && initial.source !== word ? 'juvenile-or-vulnerable' : (word as RipaFormValues['source']);
    else if (word === 'confidential') initial.confidential = 'yes';
    else if (PREMISES.has(word)) initial.premises = 'yes';
    else if (DATE_WORD.test(word)) dateWords.push(word);
    else if (!FILLER.has(word)) understood = false;
  }
  if (dateWords.length) initial.approvalDate = dateWords.join(' ');
  const { technique } = initial;
  return { values: understood && technique ? { ...initial, technique } : null, initial };
}
