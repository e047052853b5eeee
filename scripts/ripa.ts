/**
 * npm run ripa -- [--json] --technique chis [--juvenile] [--confidential] [--premises] [--approval DATE]
 * npm run ripa -- [--json] --question "..."
 * A thin wrapper: reads the clock and builds the runtime here, then hands over to runRipaCli.
 */
import { cliErrorMessage } from '../src/cli/cli-error-message.js';
import { selectRipaPolicy } from '../src/ripa/extract-ripa-policy.js';
import { runRipaCli } from '../src/ripa/run-ripa-cli.js';
import { createRuntime, type Runtime } from '../src/runtime.js';

/** Today's civil date in the UK, as YYYY-MM-DD. */
function ukToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const argv = process.argv.slice(2);
const dir = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
let rt: Runtime;
try {
  rt = await createRuntime({ corpusDir: dir('corpus'), indexDir: dir('index') });
} catch (error) {
  process.stderr.write(`${cliErrorMessage(error)}\n`);
  process.exit(1);
}
process.exitCode = await runRipaCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  deadlines: rt.deadlines,
  clockToday: ukToday(new Date()),
  async loadPolicy() {
    return selectRipaPolicy((await rt.assistant()).store.records('ripa-policy'));
  },
});
