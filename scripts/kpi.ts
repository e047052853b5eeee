/**
 * npm run kpi -- [--json] [--corpus DIR] [--index DIR] QUERY
 * npm run kpi -- [--json] --rag red [--area "Adult Social Care"]
 * A thin wrapper: opens the index through the runtime, takes its KPI records, hands over to runKpiCli.
 */
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { cliErrorMessage } from '../src/cli/cli-error-message.js';
import { toKpiRecords } from '../src/kpi/kpi-record.js';
import { runKpiCli } from '../src/kpi/run-kpi-cli.js';
import { createRuntime } from '../src/runtime.js';

const argv = process.argv.slice(2);
const { flags } = parseArgs(argv, ['json', 'list']);
try {
  const rt = await createRuntime({ corpusDir: flag(flags, 'corpus'), indexDir: flag(flags, 'index') });
  const deps = await rt.assistant();
  const records = toKpiRecords(deps.store.records('kpi'));
  process.exitCode = runKpiCli(argv, records, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  console.error(cliErrorMessage(error));
  process.exitCode = 1;
}
