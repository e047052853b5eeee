import type { Extractor } from '../index/build-index.js';
import type { ParsedDocument } from '../parse/parse-document.js';
import { cleanText } from '../parse/clean-text.js';
import { linesOf } from '../parse/find-parts.js';
import { segmentPart } from '../parse/segment-part.js';
import { createSpanner, type Spanner } from '../extract/cite-span.js';
import { plain } from '../audit/audit-text.js';
import { RipaPolicySchema, type RipaParagraph, type RipaPolicy } from './ripa-policy.js';
import { contentTopics, headingTopics, readFacts } from './ripa-topics.js';

export { RipaPolicySchema, selectRipaPolicy, type RipaPolicy } from './ripa-policy.js';

const TITLE_WORD = /\b(?:polic(?:y|ies)|procedures?|guidance|code of practice)\b/i;
const RIPA_WORD = /\b(?:covert|surveillance|ripa|regulation of investigatory powers|investigatory powers|chis|human intelligence)\b/i;
const KEY_PHRASES = [/directed surveillance/i, /covert human intelligence|\bchis\b/i, /authoris(?:ing|ation)/i, /\bripa\b|regulation of investigatory powers/i, /magistrate|judicial approval/i];
const NUMBERED = /^\d{1,2}(?:\.\d{1,2}){0,2}$/;
const SUB_NUMBER = /^(?:[a-z]|[ivx]{1,4})$/;
const MIN_PARAGRAPHS = 4;

/** Title lines of covert surveillance policies: short, no full stop, naming a policy and RIPA or covert work. */
function titleLines(doc: ParsedDocument, from: number, to: number): Array<{ start: number; end: number; text: string }> {
  return linesOf(doc.text.slice(from, to))
    .map((l) => ({ start: l.start + from, end: l.end + from, text: plain(l.clean) }))
    .filter((l) => l.text.length >= 12 && l.text.length <= 140 && !/[.,;]$/.test(l.text) && /^[A-Z"“]/.test(l.text))
    .filter((l) => TITLE_WORD.test(l.text) && RIPA_WORD.test(l.text) && !/^(?:subject|recommendations?|summary)\b/i.test(l.text));
}

/** Splits a policy into numbered paragraphs (with their lettered sub-items and page-broken tails) and glossary entries. */
function readParagraphs(doc: ParsedDocument, start: number, end: number, spanner: Spanner): RipaParagraph[] {
  const out: Array<{ number: string | null; heading: string | null; start: number; end: number }> = [];
  let heading: string | null = null;
  let current: (typeof out)[number] | null = null;
  let seenNumbered = false;
  for (const seg of segmentPart(doc.text, start, end, doc.markers)) {
    const clean = plain(cleanText(doc.text.slice(seg.start, seg.end)));
    if (!clean) continue;
    if (seg.kind === 'heading') {
      // Annexes (forms, guidance on completing them) follow the policy itself.
      if (seenNumbered && /^(?:annex|appendix|schedule)\b/i.test(clean)) break;
      // "Links to the above documents can be found at:" introduces a list; it is no section heading.
      if (!clean.endsWith(':')) heading = clean;
      current = null;
      continue;
    }
    if (heading && /^(?:contents|index)$/i.test(heading)) continue;
    const numbered = seg.kind === 'para' && seg.paragraph !== null && NUMBERED.test(seg.paragraph);
    const sub = seg.paragraph !== null && SUB_NUMBER.test(seg.paragraph);
    const entry = /^["“'‘][^"”'’]{3,60}["”'’]\s/.test(clean) || /^a person is a covert human intelligence source/i.test(clean.replace(/^["“]/, ''));
    if (numbered || (!current && !sub) || entry) {
      current = { number: numbered ? seg.paragraph : null, heading, start: seg.start, end: seg.end };
      out.push(current);
      seenNumbered ||= numbered;
    } else if (current) current.end = seg.end;
  }
  // Where the policy numbers its paragraphs, its unnumbered text is introduction or lists; definitions stay.
  const numberedPolicy = out.filter((p) => p.number).length >= MIN_PARAGRAPHS;
  return out.flatMap((p) => {
    const span = spanner.span(p.start, p.end, { paragraph: p.number, section: p.heading });
    if (!span) return [];
    const text = plain(cleanText(span.quote));
    const topics = contentTopics(text);
    if (numberedPolicy && !p.number && !topics.includes('definition')) return [];
    return [{ number: p.number, heading: p.heading, headingTopics: headingTopics(p.heading), topics, text, span }];
  });
}

/**
 * Finds covert surveillance (RIPA) policies in a document by structure and key phrases: a title line
 * naming a policy about covert techniques, followed by numbered paragraphs that use RIPA's terms.
 * The policy runs to the end of its part or to its first annex.
 */
export function extractRipaPolicies(doc: ParsedDocument): RipaPolicy[] {
  const spanner = createSpanner(doc);
  const out: RipaPolicy[] = [];
  for (const part of doc.parts) {
    if (part.kind === 'agenda' || part.kind === 'minutes') continue;
    for (const title of titleLines(doc, part.start, part.end)) {
      const body = doc.text.slice(title.end, part.end);
      if (KEY_PHRASES.filter((re) => re.test(body)).length < 3) continue;
      const paragraphs = readParagraphs(doc, title.end, part.end, spanner);
      if (paragraphs.filter((p) => p.number).length < MIN_PARAGRAPHS) continue;
      const titleSpan = spanner.span(title.start, title.end, { section: title.text });
      if (!titleSpan) continue;
      out.push(RipaPolicySchema.parse({
        kind: 'ripa-policy',
        title: title.text,
        titleSpan,
        place: { ...spanner.place(title.start), docType: 'policy' },
        paragraphs,
        facts: readFacts(paragraphs),
      }));
      // One policy per part: later title-like lines (its annexes' guidance) belong to it.
      break;
    }
  }
  return out;
}

/** The ingest extractor for covert surveillance policies (name `ripa-policy`). */
export const ripaPolicyExtractor: Extractor = {
  name: 'ripa-policy',
  version: '2',
  extract: extractRipaPolicies,
  from: { module: import.meta.url, export: 'ripaPolicyExtractor' },
};
