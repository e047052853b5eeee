/**
 * npm start: configuration -> logger -> index (built first if missing or stale) -> assistant ->
 * Slack when SLACK_BOT_TOKEN is set, otherwise the local chat page on PORT; with
 * MODERNGOV_SYNC_MINUTES, a background ModernGov sync that swaps in each new index. Wiring only.
 */
import { userMessageOf } from './errors.js';
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
  const assistant = await rt.assistant();
  const { manifest } = assistant.index;
  process.stderr.write(`Index ready: ${manifest.chunkCount} passages from ${manifest.files.filter((f) => f.status !== 'skipped').length} files.\n`);
  const live = swappableAssistant(assistant);
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
      swap: (index) => live.swap(rt.assistantFor(index)),
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
