/**
 * npm start: configuration -> logger -> index (built first if missing or stale) -> assistant ->
 * Slack when SLACK_BOT_TOKEN is set, otherwise the local chat page on PORT. Wiring only.
 */
import { userMessageOf } from './errors.js';
import { PooledAssistant } from './pool/pooled-assistant.js';
import { createRuntime } from './runtime.js';
import { startSlack } from './slack/app.js';
import { startLocalPage } from './web/start-local-page.js';

async function main(): Promise<void> {
  const rt = await createRuntime();
  process.stderr.write(`Opening the index of ${rt.buildOptions.corpusDir} (built now if missing or out of date)...\n`);
  const local = await rt.assistant();
  const { manifest } = local.index;
  process.stderr.write(`Index ready: ${manifest.chunkCount} passages from ${manifest.files.filter((f) => f.status !== 'skipped').length} files.\n`);
  // Search runs in worker threads, so that the main event loop is always free to acknowledge Slack within 3 seconds.
  const pool =
    rt.config.ANSWER_WORKERS === 0
      ? null
      : await PooledAssistant.start(local, { init: { corpusDir: rt.buildOptions.corpusDir, indexDir: rt.buildOptions.indexDir, env: { ...process.env } }, logger: rt.logger, workers: rt.config.ANSWER_WORKERS });
  const assistant = pool ?? local;
  const running = rt.config.SLACK_BOT_TOKEN
    ? await startSlack(rt.config, assistant, rt.logger)
    : await startLocalPage({ config: rt.config, assistant, logger: rt.logger });
  if ('url' in running) process.stdout.write(`Committee Assistant is running at ${running.url} (no Slack tokens set, so this is the local chat page)\n`);
  else process.stdout.write('Committee Assistant is connected to Slack.\n');
  const stop = async (): Promise<void> => {
    await running.stop();
    await pool?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // A configuration error is already one readable message; anything else gets its sentence, then the detail.
  const badConfig = error instanceof Error && error.message.startsWith('Invalid configuration');
  process.stderr.write(`${badConfig ? (error as Error).message : userMessageOf(error)}\n`);
  if (!badConfig) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
