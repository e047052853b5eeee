/**
 * npm run audit -- [--corpus DIR] [--index DIR] [--json] QUERY
 * A thin wrapper: builds the runtime here, then hands over to runAuditCli.
 */
import { runAuditCli } from '../src/audit/run-audit-cli.js';
import { createRuntime } from '../src/runtime.js';

process.exitCode = await runAuditCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  async loadRecords(dirs) {
    const rt = await createRuntime(dirs);
    return [...(await rt.assistant()).store.records('audit')];
  },
});
