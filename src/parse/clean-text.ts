/** LaTeX symbols that PDF converters leave in text, mapped to what they stand for. */
const LATEX_SYMBOLS: Record<string, string> = {
  rightarrow: '→',
  leftarrow: '←',
  uparrow: '↑',
  downarrow: '↓',
  nearrow: '↗',
  searrow: '↘',
  Rightarrow: '⇒',
  leftrightarrow: '↔',
  pounds: '£',
  times: '×',
  le: '≤',
  ge: '≥',
  leq: '≤',
  geq: '≥',
  pm: '±',
  checkmark: '✓',
  bullet: '•',
  cdot: '·',
  circ: '°',
  degree: '°',
  euro: '€',
  approx: '≈',
  '%': '%',
  '&': '&',
};

/**
 * Cleans conversion debris (markdown emphasis and headings, stray HTML tags, LaTeX symbols) from text
 * for indexing and matching. Quotes are always sliced from the original text, never from this.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\$+\s*\\?\^?\{?\\(?:mathrm|text)\{([^}]*)\}\}?\s*\$+/g, '$1')
    .replace(/\$*\\([A-Za-z]+|[%&])\s*\$*/g, (m, name: string) => LATEX_SYMBOLS[name] ?? ' ')
    .replace(/\$\s*\^\s*\{?([^}$]*)\}?\s*\$/g, '$1')
    .replace(/<\/?(?:u|b|i|em|strong|sup|sub|span|br|p|div|s|strike|font|h[1-6]|li|ol|ul|dl|dt|dd|time|button|hr|a|img|table|thead|tbody|tr|td|th|section|article|header|footer|nav|small|label|blockquote)\b[^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(\S[^*\n]*?)\*(?=[\s).,;:]|$)/gm, '$1$2')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \u00a0]{2,}/g, ' ');
}

/** Lower-case words of a text, for matching (letters and digits only). */
export function normalizeForMatch(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
