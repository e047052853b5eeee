import { parseArgs, flag } from '../cli/parse-args.js';
import { InputError } from '../errors.js';
import { cliErrorMessage } from '../cli/cli-error-message.js';
import { parseDateText, type DeadlineService } from '../deadlines/index.js';
import { formatDayLong } from '../deadlines/iso-date.js';
import { citationLines } from '../audit/run-audit-cli.js';
import { checkRipa, formatRipaOutcome, ripaOutcomeAnswer, type RipaCheckInputRaw } from './check-ripa.js';
import { ripaAnswer } from './ripa-answer.js';
import type { RipaPolicy } from './ripa-policy.js';
import type { RipaTechnique } from './ripa-outcome.js';

/** What the RIPA CLI needs from outside; the script supplies the real ones. */
export interface RipaCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The council's covert surveillance policy from the index or the corpus folder (null when none). */
  loadPolicy(dirs: { corpusDir?: string; indexDir?: string }): Promise<RipaPolicy | null>;
  deadlines: DeadlineService;
  /** Today's date (ISO) from the real clock, unless `--today` is given. */
  clockToday: string;
}

/** Usage text. */
export const RIPA_USAGE = `Usage:
  npm run ripa -- [--json] --technique directed-surveillance|chis|communications-data
                  [--juvenile | --vulnerable | --juvenile-or-vulnerable] [--confidential] [--premises]
                  [--approval DATE] [--today DATE] [--corpus DIR] [--index DIR]
  npm run ripa -- [--json] --question "Can a directed surveillance authorisation be renewed?"
--juvenile: the CHIS is under 18; --vulnerable: a vulnerable adult; --premises: residential premises or a private vehicle.
DATE: 2026-06-01, 01/06/2026, 1 June 2026 or today.`;

const TECHNIQUES: Record<string, RipaTechnique> = {
  'directed-surveillance': 'directed-surveillance', directed: 'directed-surveillance', ds: 'directed-surveillance', surveillance: 'directed-surveillance',
  chis: 'chis', source: 'chis',
  'communications-data': 'communications-data', comms: 'communications-data', cd: 'communications-data',
};
const BOOLEANS = ['json', 'help', 'juvenile', 'vulnerable', 'juvenile-or-vulnerable', 'confidential', 'premises'];

/** The form's answers from the command line flags. */
export function inputFromFlags(flags: Record<string, string | true>, today: string): RipaCheckInputRaw {
  const name = flag(flags, 'technique');
  const technique = name ? TECHNIQUES[name.toLowerCase()] : undefined;
  if (!technique) throw new InputError('RIPA_BAD_TECHNIQUE', `--technique must be directed-surveillance, chis or communications-data${name ? ` (not "${name}")` : ''}.`);
  const approval = flag(flags, 'approval');
  const juvenile = flags.juvenile === true;
  const vulnerable = flags.vulnerable === true;
  return {
    technique,
    juvenileOrVulnerable: juvenile || vulnerable || flags['juvenile-or-vulnerable'] === true,
    ...(juvenile !== vulnerable ? { sourceUnder18: juvenile } : {}),
    confidentialInfoLikely: flags.confidential === true,
    residentialOrPrivateVehicle: flags.premises === true,
    ...(approval ? { approvalDate: parseDateText(approval, { today }) } : {}),
  };
}

const TECHNIQUE_WORDS: Record<RipaTechnique, string> = {
  'directed-surveillance': 'directed surveillance',
  chis: 'a covert human intelligence source (CHIS)',
  'communications-data': 'the acquisition of communications data',
};

/** The check the flags ask for, in words, for the answer's `question` (never the raw arguments). */
export function describeCheck(input: RipaCheckInputRaw): string {
  const source = input.sourceUnder18 === true ? 'a juvenile source' : input.sourceUnder18 === false ? 'a vulnerable source' : 'a juvenile or vulnerable source';
  const facts = [
    input.juvenileOrVulnerable ? source : null,
    input.confidentialInfoLikely ? 'confidential information likely' : null,
    input.residentialOrPrivateVehicle ? 'residential premises or a private vehicle' : null,
    input.approvalDate ? `magistrate's approval ${formatDayLong(input.approvalDate)}` : null,
  ].filter((f): f is string => f !== null);
  return `May we authorise ${TECHNIQUE_WORDS[input.technique]}${facts.length ? ` (${facts.join('; ')})` : ''}?`;
}

/** `npm run ripa`: the RIPA check for the flags given (or a plain question). Returns the exit code. */
export async function runRipaCli(argv: readonly string[], io: RipaCliIo): Promise<number> {
  const { flags } = parseArgs(argv, BOOLEANS);
  if (flags.help || (!flags.technique && !flags.question)) {
    (flags.help ? io.stdout : io.stderr)(`${RIPA_USAGE}\n`);
    return flags.help ? 0 : 1;
  }
  try {
    const today = parseDateText(flag(flags, 'today') ?? io.clockToday, { today: io.clockToday });
    const policy = await io.loadPolicy({ corpusDir: flag(flags, 'corpus'), indexDir: flag(flags, 'index') });
    const question = flag(flags, 'question');
    if (question) {
      const answer = ripaAnswer(question, policy, io.deadlines, today);
      if (!answer) throw new InputError('RIPA_NOT_A_RULES_QUESTION', 'That is not a question about RIPA authorisation rules; try `npm run ask`.');
      io.stdout(flags.json ? `${JSON.stringify(answer, null, 2)}\n` : `${[answer.answer, ...citationLines(answer), ...answer.notes.map((n) => `Note: ${n}`)].join('\n')}\n`);
      return 0;
    }
    const started = performance.now();
    const input = inputFromFlags(flags, today);
    const outcome = checkRipa(input, policy, io.deadlines, today);
    const answer = ripaOutcomeAnswer(outcome, describeCheck(input), performance.now() - started);
    io.stdout(flags.json ? `${JSON.stringify(answer, null, 2)}\n` : `${formatRipaOutcome(outcome)}\n`);
    return 0;
  } catch (error) {
    io.stderr(`${cliErrorMessage(error)}\n`);
    return 1;
  }
}
