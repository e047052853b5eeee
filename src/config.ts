import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from './errors.js';

const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const csv = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [])),
);

const ConfigSchema = z.object({
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  CORPUS_DIR: z.preprocess(emptyToUndefined, z.string().default('corpus')),
  INDEX_DIR: z.preprocess(emptyToUndefined, z.string().default('data/index')),
  /** Where passages live: 'embedded' (HNSW and BM25 files in INDEX_DIR) or 'postgres' (DATABASE_URL). */
  STORE: z.preprocess(emptyToUndefined, z.enum(['embedded', 'postgres']).default('embedded')),
  /** STORE=postgres: postgres://user:password@host:5432/db for a server, pglite:DIR (or pglite:memory) for PGlite in this process. */
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().regex(/^(postgres(ql)?:\/\/|pglite:).+/i, 'must start with postgres:// or pglite:').optional()),
  /** Connections per process to a PostgreSQL server. */
  PG_POOL_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(10)),
  PG_IDLE_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(30_000)),
  PG_CONNECT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(10_000)),
  /** The server cancels a statement running longer than this; 0 for no limit. */
  PG_STATEMENT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(60_000)),
  /** false: keyword search only, for a server without the pgvector extension. */
  PG_VECTORS: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('true').transform((v) => v === 'true')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  /** The interface HTTP servers listen on; loopback unless set (e.g. 0.0.0.0 behind a reverse proxy on another host). */
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  EMBEDDINGS: z.preprocess(emptyToUndefined, z.enum(['local', 'openai']).default('local')),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: optionalString,
  OPENAI_EMBEDDING_MODEL: z.preprocess(emptyToUndefined, z.string().default('text-embedding-3-small')),
  OPENAI_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(20_000)),
  OPENAI_MAX_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(2)),
  /** The whole model call, retries included; after it the answer is taken directly from the papers. */
  OPENAI_TOTAL_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(20_000)),
  /** The council a one-council deployment serves: what "we" and "our" mean in questions. */
  COUNCIL_NAME: optionalString,
  COUNCIL_NATION: z.preprocess(emptyToUndefined, z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales')),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString,
  /** Who sees slash-command answers by default: the channel (public) or only the asker (private). */
  SLACK_SLASH_REPLIES: z.preprocess(emptyToUndefined, z.enum(['public', 'private']).default('public')),
  SLACK_ALLOWED_TEAM_IDS: csv,
  SLACK_ALLOWED_CHANNEL_IDS: csv,
  /** Worker threads that answer questions off the main event loop; one per core by default, 0 answers in the main thread. */
  ANSWER_WORKERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(64).optional()),
  FEEDBACK_FILE: z.preprocess(emptyToUndefined, z.string().default('data/feedback.jsonl')),
  /** Recent Slack event ids, kept across restarts so that a retry after one is not answered twice. */
  SLACK_EVENTS_FILE: z.preprocess(emptyToUndefined, z.string().default('data/slack-events.jsonl')),
  /** ModernGov sync: the site's root (the part before /mgWebService.asmx) and its committees (all current ones when empty); papers are COUNCIL_NAME's. */
  MODERNGOV_SITE: z.preprocess(emptyToUndefined, z.string().url().optional()),
  MODERNGOV_COMMITTEES: csv,
  /** With a site set, `npm start` syncs every this many minutes in the background. */
  MODERNGOV_SYNC_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  /** Pause between two requests to the site. */
  MODERNGOV_PAUSE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(500)),
  /** Where the background sync posts "new papers" messages. */
  SLACK_PAPERS_CHANNEL_ID: optionalString,
});

export type Config = z.infer<typeof ConfigSchema>;

/** Checks between keys: STORE=postgres needs DATABASE_URL. */
const CheckedConfigSchema = ConfigSchema.superRefine((c, ctx) => {
  if (c.STORE === 'postgres' && !c.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'STORE=postgres needs DATABASE_URL (postgres://… or pglite:DIR)' });
});

/** Reads KEY=VALUE lines from a .env file; existing environment variables win. */
function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (!m) continue;
    out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/** Parses configuration once; throws one readable error naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotEnvPath = '.env'): Config {
  const merged = { ...readDotEnv(dotEnvPath), ...env };
  const parsed = CheckedConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** STORE=postgres: the database to use and how (null for the embedded store). */
export function databaseConfig(config: Config): { url: string; pool: { max: number; idleTimeoutMs: number; connectTimeoutMs: number; statementTimeoutMs: number }; vectors: boolean } | null {
  if (config.STORE !== 'postgres' || !config.DATABASE_URL) return null;
  return {
    url: config.DATABASE_URL,
    pool: { max: config.PG_POOL_MAX, idleTimeoutMs: config.PG_IDLE_TIMEOUT_MS, connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS },
    vectors: config.PG_VECTORS,
  };
}

/** Whether an OpenAI-compatible chat model is configured. */
export function llmConfigured(config: Config): boolean {
  return Boolean(config.OPENAI_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL));
}
