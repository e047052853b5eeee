import { parseArgs } from '../cli/parse-args.js';
import type { Answer } from '../types.js';
import { cliErrorMessage } from '../cli/cli-error-message.js';
import { readAuditRecords } from './audit-record.js';
import { auditQueryAnswer } from './audit-answer.js';

/** What the audit CLI needs from outside; the script supplies the real ones. */
export interface AuditCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The stored `audit` records (index first, corpus folder otherwise). */
  loadRecords(dirs: { corpusDir?: string; indexDir?: string }): Promise<unknown[]>;
}

/** Usage text. */
export const AUDIT_USAGE = `Usage: npm run audit -- [--corpus DIR] [--index DIR] [--json] QUERY
QUERY: an audit reference (CA07, CA07-2023) or words ("procurement", "contract extensions", "limited assurance").`;

/** Citations as numbered lines under the answer. */
export function citationLines(answer: Answer): string[] {
  return answer.citations.flatMap((c) => [
    `[${c.n}] ${[c.council, c.committee, c.meetingDate, c.item, c.page ? `p.${c.page}` : null, c.paragraph ? `para ${c.paragraph}` : null].filter(Boolean).join(' · ')}`,
    `    "${c.quote.replace(/\s+/g, ' ').slice(0, 300)}"`,
  ]);
}

/** `npm run audit`: the audits matching a query, as text or the JSON answer. Returns the exit code. */
export async function runAuditCli(argv: readonly string[], io: AuditCliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, ['json', 'help']);
  const query = positional.join(' ').trim();
  if (flags.help || !query) {
    (flags.help ? io.stdout : io.stderr)(`${AUDIT_USAGE}\n`);
    return flags.help ? 0 : 1;
  }
  try {
    const dirs = { corpusDir: typeof flags.corpus === 'string' ? flags.corpus : undefined, indexDir: typeof flags.index === 'string' ? flags.index : undefined };
    const records = readAuditRecords(await io.loadRecords(dirs));
    const answer = auditQueryAnswer(query, records);
    io.stdout(flags.json ? `${JSON.stringify(answer, null, 2)}\n` : `${[answer.answer, ...citationLines(answer), ...answer.notes.map((n) => `Note: ${n}`)].join('\n')}\n`);
    return 0;
  } catch (error) {
    io.stderr(`${cliErrorMessage(error)}\n`);
    return 1;
  }
}
