/**
 * npm run sync -- --site URL --council NAME [--committees ID,ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *                 [--corpus DIR] [--index DIR] [--json]
 * Brings a council's committee papers from its ModernGov web service into the corpus folder, then
 * updates the index. Defaults come from MODERNGOV_SITE, MODERNGOV_COMMITTEES and COUNCIL_NAME.
 */
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { userMessageOf } from '../src/errors.js';
import { createRuntime } from '../src/runtime.js';
import { syncAndIndex } from '../src/sync/sync-and-index.js';
import { syncRequest } from '../src/sync/sync-request.js';

const { flags } = parseArgs(process.argv.slice(2), ['json']);
try {
  const rt = await createRuntime({ corpusDir: flag(flags, 'corpus'), indexDir: flag(flags, 'index') });
  const request = syncRequest(
    { site: flag(flags, 'site'), council: flag(flags, 'council'), committees: flag(flags, 'committees'), from: flag(flags, 'from'), to: flag(flags, 'to') },
    rt.config,
  );
  const onProgress = flags.json ? undefined : (line: string): void => void process.stderr.write(`${line}\n`);
  const { summary, build } = await syncAndIndex(
    { ...request, corpusDir: rt.buildOptions.corpusDir, now: new Date(), logger: rt.logger, http: { pauseMs: rt.config.MODERNGOV_PAUSE_MS }, onProgress },
    { ...rt.buildOptions, onProgress: rt.progress },
  );
  if (flags.json) {
    const { news, ...rest } = summary;
    console.log(JSON.stringify({ ...rest, meetingsWithNewPapers: news.length, index: { files: build.files, indexed: build.indexed, chunks: build.chunks, skipped: build.skipped } }, null, 2));
  } else {
    console.log(
      `${summary.meetingsRead} meetings read (${summary.meetingsCancelled} cancelled skipped), ${summary.documentsFetched} documents fetched, ` +
        `${summary.documentsUnchanged} already held, ${summary.minutesWritten} sets of minutes written, ${summary.restricted} restricted left out, ${summary.failed.length} failed.`,
    );
    for (const f of summary.failed) console.log(`  not fetched: ${f.title} (${f.url}): ${f.reason}`);
    console.log(`Index: ${build.chunks} passages from ${build.files} files.`);
  }
} catch (error) {
  console.error(userMessageOf(error));
  process.exitCode = 1;
}
