/** npm run ingest -- [--corpus DIR] [--index DIR] [--rebuild]: builds or updates the index. */
import { buildIndex } from '../src/index/build-index.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { createRuntime } from '../src/runtime.js';
import { cliErrorMessage } from '../src/cli/cli-error-message.js';
import type { Logger } from '../src/logger.js';

const { flags } = parseArgs(process.argv.slice(2), ['rebuild', 'json']);
let logger: Logger | null = null;
try {
  const rt = await createRuntime({ corpusDir: flag(flags, 'corpus'), indexDir: flag(flags, 'index') });
  logger = rt.logger;
  const report = await buildIndex({ ...rt.buildOptions, rebuild: flags.rebuild === true, onProgress: rt.progress });
  if (flags.json) console.log(JSON.stringify(report));
  else {
    console.log(`Indexed ${report.chunks} passages from ${report.files - report.skipped.length} of ${report.files} files in ${report.ms} ms`);
    console.log(`  ${report.indexed} new or changed, ${report.reused} unchanged (reused), ${report.embedded} passages embedded`);
    for (const s of report.skipped) console.log(`  skipped ${s.reason}`);
    console.log(`  index: ${report.indexPath}`);
  }
} catch (error) {
  console.error(cliErrorMessage(error, logger ?? undefined));
  process.exitCode = 1;
}
