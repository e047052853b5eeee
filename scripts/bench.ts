/**
 * npm run bench -- [--corpus DIR] [--questions FILE.jsonl] [--queries N] [--store postgres]   (questions default to eval/dev.jsonl)
 * Ingest speed, query latency, index size, peak memory, and recall@5 against plain LangChain baselines
 * (RecursiveCharacterTextSplitter 1000/200 into BM25, and into HNSWLib), overall and per council.
 * --store postgres: the PostgreSQL store's ingest, latency and recall@5 too (DATABASE_URL, else PGlite in a temp folder).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchStores, type BenchStore } from '../src/bench/bench-stores.js';
import { buildBaseline, buildBm25Baseline } from '../src/bench/langchain-baseline.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { EvalItemSchema, containsQuote, percentile } from '../src/eval/score-answer.js';
import { buildIndex } from '../src/index/build-index.js';
import { listCorpus } from '../src/index/index-files.js';
import { LocalEmbedder, type LocalEmbedderState } from '../src/index/local-embedder.js';
import { openStore, openStoreWriter } from '../src/store/open-store.js';
import type { PassageStore } from '../src/retrieve/passage-store.js';
import { loadFile } from '../src/ingest/load-file.js';
import { answerQuestion } from '../src/route/answer-question.js';
import { createRuntime } from '../src/runtime.js';
import { createAssistant } from '../src/assistant.js';
import { benchSlashAck } from '../src/slack/bench-ack.js';

const { flags } = parseArgs(process.argv.slice(2));
if (flag(flags, 'scale') !== undefined) {
  // The scaled bench: a replicated corpus, each phase in its own process (scripts/bench-scale.ts).
  await import('./bench-scale.js');
  process.exit(process.exitCode ?? 0);
}
// The questions that ship with the project (on the bundled corpus); --questions for another set.
const questionsFile = flag(flags, 'questions', 'eval/dev.jsonl')!;
if (!existsSync(questionsFile)) {
  console.error(`The questions file ${questionsFile} does not exist; pass --questions FILE.jsonl (one {"question", "sources"} per line).`);
  process.exit(1);
}
const rounds = Number(flag(flags, 'queries', '200'));
const indexDir = mkdtempSync(join(tmpdir(), 'ca-bench-'));
// The PostgreSQL store's PGlite folder (when DATABASE_URL is not given), apart from the embedded index.
const pgDir = mkdtempSync(join(tmpdir(), 'ca-bench-pg-'));
let stores: BenchStore[];
try {
  stores = benchStores(flag(flags, 'store'), process.env, pgDir);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
// The embedded store is the reference whatever STORE says; the PostgreSQL store is measured beside it.
const rt = await createRuntime({ corpusDir: flag(flags, 'corpus'), env: stores[0]!.env });
const { corpusDir } = rt.buildOptions;
let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const count = (flags: readonly boolean[]): number => flags.filter(Boolean).length;
const share = (flags: readonly boolean[]): string => `${(count(flags) / Math.max(1, flags.length)).toFixed(3)} (${count(flags)}/${flags.length})`;

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

try {
  const full = await buildIndex({ ...rt.buildOptions, indexDir, rebuild: true });
  const again = await buildIndex({ ...rt.buildOptions, indexDir });
  const store = await openStore({ indexDir });
  const assistant = { store, ...createAssistant({ store, logger: rt.logger, deadlines: rt.deadlines, now: () => new Date() }) };
  // The LangChain HNSWLib baseline embeds with the same local embedder, restored from the index.
  const meta = await (await openStoreWriter({ indexDir })).meta();
  const embedder = new LocalEmbedder(meta!.embedderState as LocalEmbedderState);

  const items = readFileSync(questionsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => EvalItemSchema.parse(JSON.parse(l)));
  const answerable = items.filter((i) => i.sources.length);
  const hit = (texts: readonly string[], item: (typeof items)[number]): boolean => texts.some((t) => item.sources.some((s) => containsQuote(t, s.quote)));
  /** Answer latency over `rounds` questions, then whether each answerable question's sources are in the top 5. */
  const measure = async (on: PassageStore): Promise<{ latencies: number[]; found: boolean[] }> => {
    const d = { store: on, logger: rt.logger };
    const latencies: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await answerQuestion(d, items[i % items.length]!.question);
      latencies.push(performance.now() - t);
    }
    const found: boolean[] = [];
    for (const item of answerable) found.push(hit((await answerQuestion(d, item.question)).retrieved.slice(0, 5).map((r) => r.text), item));
    return { latencies, found };
  };
  const { latencies, found: ours } = await measure(store);
  const files = [];
  for (const name of await listCorpus(corpusDir)) {
    const loaded = await loadFile(join(corpusDir, name), name).catch(() => null);
    if (loaded) files.push({ source: name, text: loaded.text });
  }
  const baseline = await buildBaseline(files, embedder);
  const bm25 = await buildBm25Baseline(files);
  const theirs: boolean[] = [];
  const plain: boolean[] = [];
  // The baseline's retrieval time per question, so that latency can be read as a ratio on a loaded machine.
  const baselineMs: number[] = [];
  for (const item of answerable) {
    const t = performance.now();
    const found = await bm25.search(item.question, 5);
    baselineMs.push(performance.now() - t);
    plain.push(hit(found.map((r) => r.text), item));
    theirs.push(hit((await baseline.search(item.question, 5)).map((r) => r.text), item));
  }
  const ack = await benchSlashAck(assistant, 50);
  clearInterval(sample);
  const rows: Array<[string, string]> = [
    ['corpus files', String(full.files)],
    ['passages (chunks)', String(full.chunks)],
    ['full ingest', `${full.ms} ms (${Math.round((full.chunks / full.ms) * 1000)} chunks/s)`],
    ['re-ingest, nothing changed', `${again.ms} ms (${again.embedded} embedded)`],
    ['query latency p50', `${percentile(latencies, 50).toFixed(1)} ms`],
    ['query latency p95', `${percentile(latencies, 95).toFixed(1)} ms (${rounds} questions)`],
    ['LangChain BM25 search p50', `${percentile(baselineMs, 50).toFixed(1)} ms (retrieval only, ${baselineMs.length} questions)`],
    ['index size on disk', `${(dirBytes(indexDir) / 1024 / 1024).toFixed(1)} MiB`],
    ['peak memory (RSS)', `${Math.round(peakRss / 1024 / 1024)} MiB`],
    ['slash command ack p50 / p99', `${ack.p50Ms.toFixed(1)} ms / ${ack.p99Ms.toFixed(1)} ms (signed /deadline and /ask over loopback into Bolt)`],
    ['recall@5, this pipeline', share(ours)],
    ['recall@5, LangChain BM25', `${share(plain)} (${bm25.chunks} chunks of 1000/200, BM25Retriever)`],
    ['recall@5, LangChain HNSWLib', `${share(theirs)} (${baseline.chunks} chunks of 1000/200, HNSWLib, same embedder)`],
  ];
  // Per council, so that a regression on any one council's papers shows.
  for (const council of [...new Set(answerable.map((i) => i.council ?? 'unknown'))].sort()) {
    const pick = (flags: readonly boolean[]): boolean[] => flags.filter((_, j) => (answerable[j]!.council ?? 'unknown') === council);
    const [o, b, h] = [pick(ours), pick(plain), pick(theirs)];
    const flag = count(o) < count(b) ? '  << below the BM25 baseline' : '';
    rows.push([`recall@5 ${council}`.slice(0, 30), `ours ${share(o)} · BM25 ${share(b)} · HNSWLib ${share(h)}${flag}`]);
  }
  // The same ingest and questions on the PostgreSQL store (--store postgres), after the embedded store's figures
  // (its size on disk and peak memory) are taken.
  const others: Array<{ name: string; full: typeof full; again: typeof again; latencies: number[]; found: boolean[] }> = [];
  for (const other of stores.slice(1)) {
    const ort = await createRuntime({ corpusDir, env: { ...other.env, LOG_LEVEL: 'warn' } });
    const lockDir = join(pgDir, other.name);
    const oFull = await buildIndex({ ...ort.buildOptions, indexDir: lockDir, rebuild: true });
    const oAgain = await buildIndex({ ...ort.buildOptions, indexDir: lockDir });
    const oStore = await ort.openStore();
    try {
      others.push({ name: other.name, full: oFull, again: oAgain, ...(await measure(oStore)) });
    } finally {
      await oStore.close();
    }
  }
  for (const o of others) {
    rows.push(
      [`full ingest [${o.name}]`, `${o.full.ms} ms (${Math.round((o.full.chunks / o.full.ms) * 1000)} chunks/s, ${o.full.chunks} passages)`],
      [`re-ingest [${o.name}]`, `${o.again.ms} ms (nothing changed, ${o.again.embedded} embedded)`],
      [`query p50 / p95 [${o.name}]`, `${percentile(o.latencies, 50).toFixed(1)} ms / ${percentile(o.latencies, 95).toFixed(1)} ms (${rounds} questions)`],
      [`recall@5 [${o.name}]`, share(o.found)],
    );
  }
  for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
} finally {
  clearInterval(sample);
  rmSync(indexDir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
}
