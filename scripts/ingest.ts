/** npm run ingest -- [--corpus DIR] [--index DIR] [--rebuild]: builds or updates the index. */
import { buildIndex } from '../src/index/build-index.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { createRuntime } from '../src/runtime.js';
import { AppError, userMessageOf } from '../src/errors.js';
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
  // "The details have been logged" must be true: anything that is not a known error goes to the log (or stderr) in full.
  if (!(error instanceof AppError)) {
    if (logger) logger.error({ err: error }, 'ingest failed');
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  console.error(userMessageOf(error));
  process.exitCode = 1;
}
