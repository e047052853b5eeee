/**
 * Instruction-like text planted in documents (prompt injection). Phrase lists cannot be complete, so
 * this is one layer of three: passages also reach the model data-marked inside delimited blocks
 * (spotlighting), and no model sentence is shown unless its quote is verified and backs it.
 */

/** Look-alike letters (Greek, Cyrillic and others) that NFKC leaves alone, mapped to the Latin letter they imitate. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  ı: 'i', ɡ: 'g', ɩ: 'i', ɑ: 'a', ʏ: 'y', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɪ: 'i', ᴋ: 'k', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ᴛ: 't', ᴜ: 'u', ᴡ: 'w',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');
/** Zero-width and invisible formatting characters used to split trigger words. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Text folded for matching only (never shown): NFKC (full-width and mathematical letters become
 * plain), look-alikes mapped to Latin, invisible characters removed, accents dropped, lower case,
 * runs of spaces and punctuation separators squeezed.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONFUSABLE_RE, (ch) => CONFUSABLES[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/** Names for an AI model; "assistant" alone only where it is addressed ("note to the assistant"), as papers speak of assistant directors. */
const MODEL = String.raw`(?:ai|a\.i\.|artificial intelligence|ai assistants?|chat ?bots?|llms?|(?:large )?language models?|ai models?|gpt|chatgpt|copilot)`;
const AI = String.raw`(?:${MODEL}|assistants?)`;
/** Instruction-like wordings, matched on folded text; English, French, German and Spanish. */
const PATTERNS: readonly RegExp[] = [
  // "Ignore / disregard / forget all of the above guidance", "override the previous rules"
  /\b(ignore|disregard|forget|override|overrule|bypass|skip|neglect|discard|set aside|pay no attention to)\b[^.\n]{0,50}\b(instructions?|prompts?|rules|system|guidance|guidelines|directions?|directives?|above|previous|prior|earlier|preceding|everything|context|constraints?)\b/,
  new RegExp(String.raw`\b(note|message|notice|memo|reminder|instructions?) (to|for) (the |any |all )?${AI}\b`),
  new RegExp(String.raw`\b(dear|attention|hey|hello|hi) ${AI}\b`),
  new RegExp(String.raw`\b${AI} (reading|processing|summari[sz]ing|answering)\b`),
  new RegExp(String.raw`\b${MODEL} (must|should|shall|will now|need to|are required to|is required to|have to|has to|may not|must not)\b`),
  /\b(system|admin|administrator|developer|operator|security|priority) (notice|message|override|prompt|instructions?|note|alert|update|command)\b/,
  /\b(you are now|from now on|act as|pretend (to be|you are)|roleplay as|you must now|your new (task|role|instructions?))\b/,
  /\b(reply|respond|answer|say|output|print|state|write|tell the (user|officer|reader)s?)\b (only )?(with|that|the following|exactly)\b/,
  /\b(as an ai|new instructions?|jailbreak|do anything now|system prompt|hidden prompt|prompt injection)\b/,
  /(<\|im ?(start|end)\|>|\[\/?inst\]|<\/?(system|assistant|user)>|#{2,}\s*(system|instructions?)\b|\b(begin|end) (of )?(system|instructions?)\b)/,
  // French
  /\b(ignore[zr]?|oublie[zr]?|ne tiens pas compte|ne tenez pas compte|faites abstraction)\b[^.\n]{0,50}\b(instructions?|consignes?|regles|directives?|ci-dessus|precedent(e|es|s)?|tout)\b/,
  /\b(note|message|avis) (a|pour) (l'|l )?(ia|assistant|intelligence artificielle|modele)\b/,
  /\b(avis|message|notice|alerte) (systeme|important|urgent)\b/,
  /\bles (assistants?|ia|modeles?) (doivent|devront|doit)\b/,
  /\b(repondez|reponds|dites|ecrivez) (uniquement |seulement )?(que|par|avec)\b/,
  /\b(vous etes|tu es) (maintenant|desormais)\b/,
  // German and Spanish
  /\b(ignoriere|ignorieren sie|vergiss|vergessen sie)\b[^.\n]{0,50}\b(anweisungen|regeln|vorgaben|oben)\b/,
  /\b(ignora|ignore|olvida|olvide)\b[^.\n]{0,50}\b(instrucciones|reglas|anteriores)\b/,
];

/** Whether text reads like an instruction aimed at an AI model, after folding look-alike characters. */
export function looksLikeInjection(text: string): boolean {
  const folded = foldForMatching(text);
  return PATTERNS.some((p) => p.test(folded));
}

export const MASKED = '[instruction-like text removed]';

/** Passage text with instruction-like sentences (or lines) masked, so the model never sees them as anything to follow. */
export function maskInjections(text: string): string {
  return text.replace(/[^.!?\n]*[.!?]?/g, (sentence) => (sentence.trim() && looksLikeInjection(sentence) ? MASKED : sentence));
}
