import type { types } from '@slack/bolt';
import type { SourcePassage } from '../../assistant.js';
import { LIMITS } from './limits.js';
import { alignRows, inlineCells, passageSegments, plainWords } from './readable-passage.js';
import { escapeMrkdwn, splitText, truncate } from './text.js';

/** What "Show source" knows about one citation. */
export interface CitedSource {
  n: number;
  chunkId: string | null;
  /** The quoted words (possibly shortened) and the full quote's length. */
  quote: string | null;
  quoteLength?: number;
  /** The citation's place line: "Northshire CC · Governance and Audit Committee · 25 Oct 2023 · Item 9 · para 5.2". */
  place: string;
}

const NEIGHBOUR_CHARS = 1_200;

/** Where the quote sits in `text`: exact, else the same words with any whitespace between them. */
export function locateQuote(text: string, quote: string, quoteLength = quote.length): { start: number; end: number } | null {
  const q = quote.trim();
  if (!q) return null;
  const at = text.indexOf(q);
  if (at >= 0) {
    const full = quoteLength > q.length && at + quoteLength <= text.length ? quoteLength : q.length;
    return { start: at, end: at + full };
  }
  const words = q.split(/\s+/).slice(0, 60).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(words.join('\\s+')).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const sections = (text: string): types.SectionBlock[] =>
  text.trim() ? splitText(escapeMrkdwn(text), LIMITS.sectionText).map((t) => ({ type: 'section', text: mrkdwn(t) })) : [];
const muted = (text: string): types.ContextBlock[] =>
  text.trim() ? splitText(escapeMrkdwn(text), LIMITS.contextText).slice(0, LIMITS.contextElements).map((t) => ({ type: 'context', elements: [mrkdwn(t)] })) : [];

/** The quote as a highlighted block quote: each line quoted and, where mrkdwn allows, bold. */
function highlighted(quote: string): types.SectionBlock[] {
  const lines = inlineCells(quote).trim().split('\n').map((line) => {
    const t = escapeMrkdwn(line.trim());
    return t && !t.includes('*') ? `>*${t}*` : `>${t}`;
  });
  return splitText(lines.join('\n'), LIMITS.sectionText).map((t) => ({ type: 'section', text: mrkdwn(t.startsWith('>') ? t : `>${t}`) }));
}

type Range = { start: number; end: number };

/** Table rows as a code block of aligned columns; the rows inside `where` are marked. */
function tableBlocks(text: string, offset: number, where: Range | null): types.SectionBlock[] {
  let at = offset;
  const rows = text.split(/(?<=\n)/).map((row) => {
    const start = at;
    at += row.length;
    return { row, quoted: where !== null && start < where.end && at > where.start };
  }).filter((r) => r.row.trim());
  const lines = escapeMrkdwn(alignRows(rows.map((r) => r.row), rows.map((r) => r.quoted))).split('\n');
  // Whole rows per block (splitText would trim the marker column's leading spaces).
  const parts: string[] = [];
  for (const line of lines) {
    const last = parts.at(-1);
    if (last !== undefined && last.length + line.length + 1 <= LIMITS.sectionText - 8) parts[parts.length - 1] = `${last}\n${line}`;
    else parts.push(line.slice(0, LIMITS.sectionText - 8));
  }
  return parts.map((t) => ({ type: 'section', text: mrkdwn(`\`\`\`\n${t}\n\`\`\``) }));
}

/** The passage as readable blocks: prose with the quoted words highlighted, tables as aligned columns. */
function readableBlocks(text: string, where: Range | null): types.KnownBlock[] {
  return passageSegments(text).flatMap((seg): types.KnownBlock[] => {
    const part = text.slice(seg.start, seg.end);
    if (seg.kind === 'table') return tableBlocks(part, seg.start, where);
    if (!where || where.end <= seg.start || where.start >= seg.end) return sections(plainWords(part));
    const from = Math.max(where.start, seg.start) - seg.start;
    const to = Math.min(where.end, seg.end) - seg.start;
    return [...sections(plainWords(part.slice(0, from))), ...highlighted(plainWords(part.slice(from, to))), ...sections(plainWords(part.slice(to)))];
  });
}

function passageBlocks(cited: CitedSource, passage: SourcePassage): types.KnownBlock[] {
  const before = passage.before.length > NEIGHBOUR_CHARS ? `…${passage.before.slice(-NEIGHBOUR_CHARS)}` : passage.before;
  const after = passage.after.length > NEIGHBOUR_CHARS ? `${passage.after.slice(0, NEIGHBOUR_CHARS)}…` : passage.after;
  const where = cited.quote ? locateQuote(passage.text, cited.quote, cited.quoteLength) : null;
  const middle: types.KnownBlock[] = where
    ? readableBlocks(passage.text, where)
    : [...(cited.quote ? [{ type: 'section' as const, text: mrkdwn('*Quoted:*') }, ...highlighted(cited.quote)] : []), ...readableBlocks(passage.text, null)];
  return [...muted(inlineCells(before)), { type: 'divider' }, ...middle, { type: 'divider' }, ...muted(inlineCells(after))];
}

/**
 * The "Show source" modal: the cited passage as readable text (conversion Markdown as plain words,
 * table rows as aligned columns) with the quote highlighted, between the passages before and after it
 * (smaller). With no stored passage (a policy quote, or an index rebuilt since), the quote
 * and where it comes from. Pure; at most 100 blocks.
 */
export function renderSourceModal(cited: CitedSource, passage: SourcePassage | null): types.ModalView {
  const head: types.KnownBlock[] = [{ type: 'context', elements: [mrkdwn(truncate(`*[${cited.n}]* ${escapeMrkdwn(cited.place)}`, LIMITS.contextText))] }];
  const item = passage ? [passage.place.item, passage.place.section].filter(Boolean).join(' · ') : '';
  if (item) head.push({ type: 'context', elements: [mrkdwn(truncate(escapeMrkdwn(item), LIMITS.contextText))] });
  let body: types.KnownBlock[];
  if (passage) body = passageBlocks(cited, passage);
  else {
    const why = cited.chunkId
      ? 'That passage is no longer in the index (the papers may have been re-indexed since). Ask the question again for fresh sources.'
      : 'The full document is not among the indexed papers; this is the quoted text and where it comes from.';
    body = [...(cited.quote ? highlighted(cited.quote) : []), { type: 'context', elements: [mrkdwn(why)] }];
  }
  const foot: types.KnownBlock[] = passage
    ? [{ type: 'context', elements: [mrkdwn(truncate(escapeMrkdwn(`File: ${passage.place.source} · passage ${passage.chunkId}`), LIMITS.contextText))] }]
    : [];
  let blocks = [...head, ...body, ...foot];
  if (blocks.length > LIMITS.modalBlocks) {
    blocks = [...blocks.slice(0, LIMITS.modalBlocks - 1), { type: 'context', elements: [mrkdwn('_…shortened to fit._')] }];
  }
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(`Source [${cited.n}]`, LIMITS.modalTitle) },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
