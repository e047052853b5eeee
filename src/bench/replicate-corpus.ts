import { findCouncil } from '../parse/find-council.js';

/**
 * The bench's scaled corpus: the bundled papers as they are, then varied copies of the bundled and the
 * other councils' papers until the corpus is `scale` times the bundled one in size. Each copy is published
 * by an invented council, dated some years earlier, with a few paragraphs swapped and its figures changed,
 * so that copies are near, not exact, duplicates (as one council's papers are from year to year).
 */

/** How each copy is varied. */
const VARIATION = {
  /** The first paragraphs (title block, agenda) stay in place, so that the paper still reads as a paper. */
  fixedHead: 25,
  /** One paragraph pair in this many is swapped. */
  swapEvery: 7,
  /** One figure in this many is changed. */
  changeEvery: 3,
  /** Copies are moved back by 1..yearsBack years. */
  yearsBack: 9,
} as const;

/** Word parts of invented place names: generic English landscape words, no real council's name. */
const FIRST = ['Ash', 'Birch', 'Cedar', 'Elm', 'Fern', 'Hazel', 'Holly', 'Larch', 'Maple', 'Oak', 'Rowan', 'Willow', 'Heath', 'Moor', 'Thorn', 'Bramble', 'Alder', 'Linden', 'Briar', 'Aspen'];
const SECOND = ['brook', 'vale', 'field', 'mere', 'wold', 'combe', 'ridge', 'dale', 'marsh', 'holt', 'lea', 'stow', 'wick', 'ford', 'hurst', 'ley', 'moor', 'wood', 'well', 'cliff'];
const KINDS = ['shire County Council', ' Borough Council', ' District Council', ' City Council'];

/** A seeded pseudo-random generator (mulberry32), so that every bench run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The invented council of copy `n` (distinct for the first 1,600 copies). */
export function inventedCouncil(n: number): string {
  const first = FIRST[n % FIRST.length]!;
  const second = SECOND[Math.floor(n / FIRST.length) % SECOND.length]!;
  const kind = KINDS[Math.floor(n / (FIRST.length * SECOND.length)) % KINDS.length]!;
  return `${first}${second}${kind}`;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One varied copy of a paper's text. */
export function varyText(text: string, copy: number): string {
  const next = random(copy * 7919 + text.length);
  let out = text;
  const council = findCouncil(text);
  if (council) out = out.replace(new RegExp(escape(council), 'g'), inventedCouncil(copy));
  const back = 1 + (copy % VARIATION.yearsBack);
  // Years and financial years ("2023/24", "2023-24") in one pass, so that no year moves twice.
  out = out.replace(/\b(19[5-9]\d|20\d\d)(?:([/-])(\d\d)(?!\d|-\d))?/g, (_, y: string, sep: string | undefined, yy: string | undefined) =>
    sep && yy ? `${Number(y) - back}${sep}${String((Number(yy) + 100 - back) % 100).padStart(2, '0')}` : String(Number(y) - back),
  );
  // Figures: percentages, money and decimals move a little.
  out = out.replace(/(£\s?)?\b(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?(%)?/g, (m: string, pound: string | undefined, whole: string, frac: string | undefined, pct: string | undefined) => {
    if (!pound && !frac && !pct) return m;
    if (next() * VARIATION.changeEvery >= 1) return m;
    const n = Number(whole.replace(/,/g, '')) + 1 + Math.floor(next() * 5);
    const body = whole.includes(',') ? n.toLocaleString('en-GB') : String(n);
    return `${pound ?? ''}${body}${frac ?? ''}${pct ?? ''}`;
  });
  const paras = out.split(/\n\s*\n/);
  for (let i = VARIATION.fixedHead; i + 1 < paras.length; i += 2) {
    if (next() * VARIATION.swapEvery < 1) [paras[i], paras[i + 1]] = [paras[i + 1]!, paras[i]!];
  }
  return paras.join('\n\n');
}

export interface PaperFile {
  name: string;
  text: string;
}

/**
 * The files of the corpus at `scale`: the bundled papers unchanged, then varied copies drawn in turn from
 * `pool` (the bundled and the other councils' papers) until the text is `scale` times the bundled text.
 */
export function* replicateCorpus(bundled: readonly PaperFile[], pool: readonly PaperFile[], scale: number): Generator<PaperFile> {
  const target = scale * bundled.reduce((n, f) => n + f.text.length, 0);
  let size = 0;
  for (const f of bundled) {
    size += f.text.length;
    yield f;
  }
  for (let copy = 0; size < target * 0.995; copy++) {
    const source = pool[copy % pool.length]!;
    const text = varyText(source.text, Math.floor(copy / pool.length) + 1);
    size += text.length;
    yield { name: `r${String(copy).padStart(6, '0')}_${source.name}`, text };
  }
}
