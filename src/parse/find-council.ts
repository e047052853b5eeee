import { cleanText } from './clean-text.js';
import { titleCase } from './title-case.js';

/**
 * How much each sign that a council published a document counts. The publisher is the authority the
 * document speaks as (its title block, its running headers, the body a report goes to, its email
 * domain), not the first or the most talked-about council it mentions.
 */
const COUNCIL_WEIGHTS = {
  /** Each mention anywhere in the text (a council a report discusses is mentioned too, so it is weak). */
  mention: 1,
  /** Mentions beyond this many add nothing: a report about a neighbour may name it on every page. */
  mentionCap: 6,
  /** Named first in the title block (the first lines), where a paper says whose it is. */
  titleBlock: 6,
  /** Named in a "Report To:" / "Meeting:" / "Committee:" field: the body the paper is for. */
  field: 5,
  /** The document's own email or web domain spells the name ("wessex.gov.uk", "borsets.gov.uk"). */
  domain: 5,
  /** Named on a line repeated on several pages (a running header or footer). */
  runningLine: 3,
  /** A name that says what kind of authority it is ("City Council") beats a bare "X Council". */
  kindWord: 1,
  /** Below this the document is not clearly anyone's: null, never a guess. */
  minimum: 5,
} as const;

const TITLE_BLOCK_CHARS = 600;
const HEAD_CHARS = 60_000;

const KIND = '(?:County Borough |Metropolitan Borough |Metropolitan District |County |Borough |District |City |Town |Parish |Community |Neighbourhood )';
/** A capitalised word of a name; "The", "This" and the like start a sentence, never continue a name. */
const WORD = "(?!(?:The|This|That|These|Our|Its|Their|A|An|In|If|As|At|For|From|To|By|On|Committee|Cabinet|Board|Panel|Sub-Committee)\\b)[A-Z][A-Za-z'’-]+";
const JOIN = '(?:and|upon|on|under|le|in|by|with|of|&)';
/** English names: "Wessex County Council", "Llanfair and Bryn Community Council", "London Borough of Brent", "Mercia Mayoral Combined Authority". */
const ENGLISH_RE = new RegExp(
  [
    `(?:Royal |London )?Borough of ${WORD}(?: (?:${JOIN} )?${WORD}){0,3}(?: Council)?`,
    `City of ${WORD}(?: ${WORD}){0,2} Council`,
    `${WORD}(?: (?:${JOIN} )?${WORD}){0,4} (?:Mayoral )?Combined (?:County )?Authority`,
    `(?:${WORD}[ -](?:${JOIN}[ -])?){1,3}${KIND}?Council`,
  ].map((p) => `(?:${p})`).join('|') + '(?! Chamber| Offices| House| Tax| Meeting| Hall| Buildings)',
  'g',
);
/** Welsh names: "Cyngor Cymuned Llanfair a Bryn", "Cyngor Sir Powys", "Cyngor Dinas Caerdydd". */
const WELSH_RE = /\bCyngor (?:Cymuned |Tref |Dinas |Sir |Bwrdeistref Sirol )?[A-ZÂÊÎÔÛŴŶ][\p{L}'’-]+(?: (?:a|ac|y|yr) [A-ZÂÊÎÔÛŴŶ][\p{L}'’-]+| [A-ZÂÊÎÔÛŴŶ][\p{L}'’-]+)*/gu;
/** Words that start a phrase about a council rather than its name ("The Council", "Full Council"). */
const NOT_A_NAME_START = /^(The|This|That|Each|Our|Full|Whole|County|City|Borough|District|Town|Parish|Community|Local|Every|All|Where|When|If|A|An|Member|Members|Cabinet|Leader|Chief|Any|Other|Unitary|Mayoral|Combined|Said|Report|To|From|Meeting|Committee|Ethical|Public|Cyngor Cymuned|Cyngor Sir|Cyngor Tref|Cyngor Dinas)$|^(The|This|That|Our|Full|Each|Every|All|Any|Other|Local|Unitary|Report|To|From|Meeting)\b/;
/** "County Council", "Borough Council": a kind of council, not a name. */
const GENERIC_ONLY = new RegExp(`^(?:Royal |London |General |Unitary |Local |Parish |Town )?${KIND}*(?:Council|Combined Authority)$`);
const FIELD_LINE = /^(?:report to|meeting|committee|to|body|decision maker|decision taker)\s*:\s*(.+)$/i;
const DOMAIN_RE = /(?:@|www\.|https?:\/\/)([a-z0-9-]+(?:\.[a-z0-9-]+)*?)\.(?:gov\.uk|gov\.wales|llyw\.cymru|gov\.scot|org\.uk|cymru|wales)\b/gi;

/** Candidate council names in a text, with where each was found. */
function candidates(text: string): Array<{ name: string; index: number }> {
  const out: Array<{ name: string; index: number }> = [];
  for (const re of [ENGLISH_RE, WELSH_RE]) {
    for (const m of text.matchAll(re)) {
      let name = m[0].replace(/\s+/g, ' ').replace(/^(?:and|of|the) /i, '').trim();
      // "Agreed by Wessex County Council": trim leading words until the name starts with a proper noun.
      while (/^[A-Z][a-z]+ /.test(name) && NOT_A_NAME_START.test(name.split(' ')[0]!) && name.split(' ').length > 2) name = name.split(' ').slice(1).join(' ');
      if (NOT_A_NAME_START.test(name) || name.split(' ').length < 2 || GENERIC_ONLY.test(name)) continue;
      out.push({ name, index: m.index });
    }
  }
  return out;
}

/** Upper-case runs ("MERCIA COMBINED AUTHORITY") in title case, so one pattern reads both. */
function normaliseCase(text: string): string {
  return text.replace(/\b[A-Z][A-Z'’&-]+(?: [A-Z][A-Z'’&-]+| OF| AND| THE){0,8}\b/g, (m) => (/[A-Z]{3}/.test(m) && m.includes(' ') ? titleCase(m) : m));
}

/** Lowercase letters only, for comparing a name with a domain. */
const letters = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');

/** Whether a domain label ("borsets", "mercia-ca") abbreviates a council name in order. */
export function domainSpells(domain: string, name: string): boolean {
  const d = letters(domain);
  const distinctive = name.split(' ').find((w) => !/^(Cyngor|Sir|Dinas|Tref|Cymuned|Royal|London|Borough|City|of)$/.test(w)) ?? name;
  const n = letters(name.slice(name.indexOf(distinctive)));
  if (d.length < 4 || !n.startsWith(d.slice(0, 3))) return false;
  let i = 0;
  for (const ch of n) if (ch === d[i]) i++;
  return i === d.length;
}

/** One form per authority: "Mercia Combined Authority" counts for "Mercia Mayoral Combined Authority". */
function fullerForm(name: string, names: readonly string[]): string {
  const words = name.split(' ');
  let best = name;
  for (const other of names) {
    if (other.length <= best.length) continue;
    const ow = other.split(' ');
    let i = 0;
    for (const w of ow) if (w === words[i]) i++;
    if (i === words.length && ow[0] === words[0] && ow.at(-1) === words.at(-1)) best = other;
  }
  return best;
}

/**
 * The council that published a document: the authority its title block, running headers, report-to
 * fields and email domain point to, weighted in COUNCIL_WEIGHTS. Null when no name is clearly its own.
 */
export function findCouncil(text: string): string | null {
  const head = normaliseCase(cleanText(text.slice(0, HEAD_CHARS)).replace(/<[^>]+>/g, ' '));
  // A name wrapped over two lines ("Wessex City\nCouncil") reads as one.
  const flat = head.replace(new RegExp(`(?<=[A-Z][\\w'’-]*)[ \\t]*\\n[ \\t]*(?=${KIND}?(?:Council|Mayoral|Combined|Authority)\\b)`, 'g'), ' ');
  const found = candidates(flat);
  if (!found.length) return null;
  const names = [...new Set(found.map((f) => f.name))];
  const score = new Map<string, number>();
  const add = (name: string, points: number): void => {
    const key = fullerForm(name, names);
    score.set(key, (score.get(key) ?? 0) + points);
  };
  const mentions = new Map<string, number>();
  for (const f of found) {
    const key = fullerForm(f.name, names);
    mentions.set(key, (mentions.get(key) ?? 0) + 1);
  }
  // The title block's first name is the publisher's; a neighbour named further down it is not.
  const titled = found.find((f) => f.index < TITLE_BLOCK_CHARS);
  if (titled) add(titled.name, COUNCIL_WEIGHTS.titleBlock);
  for (const [name, n] of mentions) add(name, Math.min(n, COUNCIL_WEIGHTS.mentionCap) * COUNCIL_WEIGHTS.mention + (new RegExp(`\\b${KIND}`).test(`${name.split(' ').slice(1).join(' ')} `) || /Authority$/.test(name) ? COUNCIL_WEIGHTS.kindWord : 0));
  const lines = head.split('\n').map((l) => l.trim()).filter(Boolean);
  const lineCounts = new Map<string, number>();
  for (const l of lines) lineCounts.set(l, (lineCounts.get(l) ?? 0) + 1);
  const fielded = new Set<string>();
  const running = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const field = FIELD_LINE.exec(line);
    const value = field ? `${field[1]} ${lines[i + 1] ?? ''}` : null;
    for (const name of names) {
      if (value && value.includes(name)) fielded.add(fullerForm(name, names));
      if ((lineCounts.get(line) ?? 0) >= 3 && line.includes(name)) running.add(fullerForm(name, names));
    }
  }
  for (const name of fielded) add(name, COUNCIL_WEIGHTS.field);
  for (const name of running) add(name, COUNCIL_WEIGHTS.runningLine);
  const domains = new Map<string, number>();
  for (const m of text.matchAll(DOMAIN_RE)) {
    const label = m[1]!.toLowerCase().split('.').at(-1)!;
    domains.set(label, (domains.get(label) ?? 0) + 1);
  }
  const topDomain = [...domains.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (topDomain) for (const name of score.keys()) if (domainSpells(topDomain, name)) add(name, COUNCIL_WEIGHTS.domain);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < COUNCIL_WEIGHTS.minimum) return null;
  // Two authorities with equal claims: the document does not say which is its own.
  if (second && second[1] === best[1]) return null;
  return best[0];
}
