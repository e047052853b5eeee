import OpenAI from 'openai';
import { databaseConfig, llmConfigured, loadConfig, type Config } from './config.js';
import { kpiExtractor } from './kpi/extract-kpis.js';
import { auditExtractor } from './audit/extract-audits.js';
import { ripaPolicyExtractor } from './ripa/extract-ripa-policy.js';
import { createLogger, type Logger } from './logger.js';
import type { BuildOptions, Extractor } from './index/build-index.js';
import type { Embedder } from './index/embedder.js';
import { openIndex } from './index/open-index.js';
import { openStore } from './store/open-store.js';
import type { PassageStore } from './retrieve/passage-store.js';
import { OpenAIEmbedder } from './index/openai-embedder.js';
import { createAssistant, type Assistant } from './assistant.js';
import { createDeadlineService, type DeadlineService } from './deadlines/index.js';

/** Wiring shared by main.ts and the scripts: configuration, logger, clients, index options. */
export interface Runtime {
  config: Config;
  logger: Logger;
  openai: OpenAI | null;
  buildOptions: Omit<BuildOptions, 'rebuild'>;
  /** Console progress for long builds (stderr, so stdout stays clean). */
  progress: (done: number, total: number, stage: string) => void;
  deadlines: DeadlineService;
  /** Opens the index (building it first when missing or stale) and returns the assistant. */
  assistant(): Promise<Assistant & { store: PassageStore }>;
  /** The same assistant from the index as it is, never building it (answering workers use this). */
  loadAssistant(): Promise<Assistant & { store: PassageStore }>;
  /** The assistant over a store already opened (a new index version after a background sync). */
  assistantFor(store: PassageStore): Assistant & { store: PassageStore };
  /** Opens the configured store as it is, never building it. */
  openStore(): Promise<PassageStore>;
}

/** The extractors run at ingest. */
export function defaultExtractors(): Extractor[] {
  return [kpiExtractor, auditExtractor, ripaPolicyExtractor];
}

function progressPrinter(): Runtime['progress'] {
  let last = '';
  return (done, total, stage) => {
    if (total < 50) return;
    const pct = Math.round((100 * done) / Math.max(1, total));
    // A live percentage on a terminal; a line per quarter in a log.
    const line = process.stderr.isTTY ? `${stage} ${pct}%` : `${stage} ${Math.floor(pct / 25) * 25}%`;
    if (line === last) return;
    last = line;
    process.stderr.write(process.stderr.isTTY ? `\r${line}   ${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

/** Builds the runtime from the environment; flags given on the command line win over it. */
export async function createRuntime(overrides: { corpusDir?: string; indexDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Runtime> {
  const config = loadConfig(overrides.env ?? process.env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  const openai =
    config.OPENAI_API_KEY || config.OPENAI_BASE_URL
      ? new OpenAI({
          apiKey: config.OPENAI_API_KEY ?? 'not-needed',
          baseURL: config.OPENAI_BASE_URL,
          timeout: config.OPENAI_TIMEOUT_MS,
          maxRetries: config.OPENAI_MAX_RETRIES,
        })
      : null;
  let embedder: Embedder | undefined;
  if (config.EMBEDDINGS === 'openai') {
    if (!openai) throw new Error('EMBEDDINGS=openai needs OPENAI_API_KEY or OPENAI_BASE_URL');
    embedder = await OpenAIEmbedder.create(openai, config.OPENAI_EMBEDDING_MODEL);
  }
  const buildOptions = {
    corpusDir: overrides.corpusDir ?? config.CORPUS_DIR,
    indexDir: overrides.indexDir ?? config.INDEX_DIR,
    logger,
    embedder,
    store: config.STORE,
    extractors: defaultExtractors(),
    // A paper that names no publisher is taken to be the deployment's own council.
    defaultCouncil: config.COUNCIL_NAME ?? null,
    database: databaseConfig(config) ?? undefined,
  };
  const progress = progressPrinter();
  const deadlines = createDeadlineService({ nation: config.COUNCIL_NATION });
  const assistantFor = (store: PassageStore): Assistant & { store: PassageStore } => {
    const llm =
      openai && llmConfigured(config)
        ? { client: openai, settings: { model: config.OPENAI_MODEL!, timeoutMs: config.OPENAI_TIMEOUT_MS, maxRetries: config.OPENAI_MAX_RETRIES, totalTimeoutMs: config.OPENAI_TOTAL_TIMEOUT_MS } }
        : undefined;
    return { store, ...createAssistant({ store, logger, deadlines, now: () => new Date(), llm, ourCouncil: config.COUNCIL_NAME ?? null }) };
  };
  return {
    config,
    logger,
    openai,
    buildOptions,
    progress,
    deadlines,
    async assistant() {
      const { store } = await openIndex({ ...buildOptions, onProgress: progress });
      return assistantFor(store);
    },
    async loadAssistant() {
      return assistantFor(await openStore({ store: config.STORE, indexDir: buildOptions.indexDir, embedder, database: buildOptions.database }));
    },
    assistantFor,
    openStore: () => openStore({ store: config.STORE, indexDir: buildOptions.indexDir, embedder, database: buildOptions.database }),
  };
}
