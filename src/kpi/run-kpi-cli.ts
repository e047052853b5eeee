import { flag, parseArgs } from '../cli/parse-args.js';
import { userMessageOf } from '../errors.js';
import type { Citation } from '../types.js';
import { findKpis, KpiNotFoundError, type KpiMatch } from './find-kpis.js';
import { describeRecord, shortRecord, sourceOf } from './format-kpi.js';
import { CitationList } from './kpi-citations.js';
import { RagSchema, type KpiRecord } from './kpi-record.js';
import { listKpis } from './list-kpis.js';

/** Where the CLI writes; the script passes process streams, tests collect strings. */
export interface KpiCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** How to call `npm run kpi`. */
export const KPI_USAGE =
  'usage: npm run kpi -- [--json] [--corpus DIR] [--index DIR] QUERY   (a reference such as GL02, or words such as "freedom of information")\n' +
  '       npm run kpi -- [--json] --rag red|amber|green [--area "Adult Social Care"]   (list indicators by latest RAG and service area)';

function citationLine(c: Citation): string {
  return `  [${c.n}] ${c.source}${c.page ? ` p.${c.page}` : ''}: "${c.quote.replace(/\s+/g, ' ').slice(0, 200)}"`;
}

function matchText(m: KpiMatch): string {
  const lines = [`${describeRecord(m.latest, m.ref)}${m.score < 2 ? ` (match ${m.score})` : ''}`];
  if (m.history.length > 1) lines.push(`  History: ${m.history.map(shortRecord).join('; ')}`);
  for (const c of m.citations) lines.push(citationLine(c));
  return lines.join('\n');
}

function listOutput(records: KpiRecord[], json: boolean, filter: object): string {
  const list = new CitationList();
  const items = records.map((r) => ({ record: r, cites: list.addRecord(r) }));
  if (json) return JSON.stringify({ filter, count: records.length, records, citations: list.citations }, null, 2);
  if (!records.length) return 'No indicators match that filter.';
  const lines = items.map(({ record, cites }) => `${record.ref ? `${record.ref} ` : ''}${record.name} — ${shortRecord(record)} — ${sourceOf(record)} ${cites}`);
  // The numbers point at these: each cited span once, as in a look-up.
  return [...lines, '', 'Sources:', ...list.citations.map(citationLine)].join('\n');
}

/**
 * `npm run kpi` over a set of KPI records: look-up by reference or words (ranked candidates when the
 * words are ambiguous), or a list by RAG and area. A query that matches nothing prints the error and
 * the nearest indicators (`{ error, suggestions }` with --json) and returns exit code 1.
 */
export function runKpiCli(argv: readonly string[], records: readonly KpiRecord[], io: KpiCliIo): number {
  const { flags, positional } = parseArgs(argv, ['json', 'list']);
  const json = flags.json === true;
  const ragFlag = flag(flags, 'rag');
  const area = flag(flags, 'area');
  if (ragFlag !== undefined || area !== undefined || flags.list === true) {
    const rag = ragFlag === undefined ? undefined : RagSchema.safeParse(ragFlag.toUpperCase());
    if (rag && !rag.success) {
      io.stderr(`--rag must be red, amber or green.\n${KPI_USAGE}\n`);
      return 1;
    }
    const filter = { rag: rag?.data, area };
    io.stdout(`${listOutput(listKpis(filter, records), json, filter)}\n`);
    return 0;
  }
  const query = positional.join(' ').trim();
  if (!query) {
    io.stderr(`${KPI_USAGE}\n`);
    return 1;
  }
  try {
    const matches = findKpis(query, records);
    io.stdout(json ? `${JSON.stringify({ query, matches }, null, 2)}\n` : `${matches.map(matchText).join('\n\n')}\n`);
    return 0;
  } catch (error) {
    const suggestions = error instanceof KpiNotFoundError ? error.suggestions : [];
    if (json) io.stdout(`${JSON.stringify({ error: userMessageOf(error), suggestions }, null, 2)}\n`);
    else io.stderr(`${userMessageOf(error)}\n`);
    return 1;
  }
}
