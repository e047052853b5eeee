/**
 * npm start: configuration -> logger -> index (built first if missing or stale) -> assistant ->
 * Slack when SLACK_BOT_TOKEN is set, otherwise the local chat page on PORT; with
 * MODERNGOV_SYNC_MINUTES, a background ModernGov sync that swaps in each new index. Wiring only.
 */
import { cliErrorMessage } from './cli/cli-error-message.js';
import { userMessageOf } from './errors.js';
import { PooledAssistant } from './pool/pooled-assistant.js';
import { createRuntime } from './runtime.js';
import { startSlack } from './slack/app.js';
import { createPapersNotifier } from './slack/post-new-papers.js';
import { swappableAssistant } from './swappable-assistant.js';
import { startBackgroundSync, type BackgroundSync } from './sync/background-sync.js';
import { syncRequest } from './sync/sync-request.js';
import { startLocalPage } from './web/start-local-page.js';

async function main(): Promise<void> {
  const rt = await createRuntime();
  process.stderr.write(`Opening the index of ${rt.buildOptions.corpusDir} (built now if missing or out of date)...\n`);
  const local = await rt.assistant();
  process.stderr.write(`Index ready: ${local.store.size} passages (${local.store.kind} store).\n`);
  // Search runs in worker threads, so that the main event loop is always free to acknowledge Slack within 3 seconds.
  const startPool = (inMain: typeof local) =>
    PooledAssistant.start(inMain, { init: { corpusDir: rt.buildOptions.corpusDir, indexDir: rt.buildOptions.indexDir, env: { ...process.env } }, logger: rt.logger, workers: rt.config.ANSWER_WORKERS });
  let pool = rt.config.ANSWER_WORKERS === 0 ? null : await startPool(local);
  const live = swappableAssistant(pool ?? local);
  /** A new index after a sync: new workers load it, then take over; the old ones finish their questions first. */
  const swapIn = async (next: typeof local): Promise<void> => {
    if (!pool) return live.swap(next);
    const old = pool;
    pool = await startPool(next);
    live.swap(pool);
    await old.closeWhenIdle();
  };
  const running = rt.config.SLACK_BOT_TOKEN
    ? await startSlack(rt.config, live.assistant, rt.logger)
    : await startLocalPage({ config: rt.config, assistant: live.assistant, logger: rt.logger });
  let sync: BackgroundSync | null = null;
  const syncMinutes = rt.config.MODERNGOV_SYNC_MINUTES;
  if (syncMinutes) {
    const { config } = rt;
    const announce =
      config.SLACK_BOT_TOKEN && config.SLACK_PAPERS_CHANNEL_ID
        ? createPapersNotifier({ token: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, channelId: config.SLACK_PAPERS_CHANNEL_ID, logger: rt.logger })
        : undefined;
    sync = startBackgroundSync({
      request: syncRequest({}, config),
      build: rt.buildOptions,
      intervalMs: syncMinutes * 60_000,
      pauseMs: config.MODERNGOV_PAUSE_MS,
      logger: rt.logger,
      now: () => new Date(),
      swap: (store) => void swapIn(rt.assistantFor(store)).catch((error: unknown) => rt.logger.error({ err: error }, 'new index not taken into service')),
      announce,
    });
    void sync.runOnce();
    process.stderr.write(`Syncing papers from ${config.MODERNGOV_SITE} every ${syncMinutes} minutes.\n`);
  }
  if ('url' in running) process.stdout.write(`Committee Assistant is running at ${running.url} (no Slack tokens set, so this is the local chat page)\n`);
  else process.stdout.write('Committee Assistant is connected to Slack.\n');
  const stop = async (): Promise<void> => {
    sync?.stop();
    await running.stop();
    await pool?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // An AppError (bad configuration, a missing corpus folder) is one readable sentence; anything else is
  // logged in full first, so that its sentence ("the details have been logged") is true.
  process.stderr.write(`${cliErrorMessage(error)}\n`);
  process.exit(1);
});
