/**
 * One phase of `npm run bench -- --scale N`, run in its own process so that its memory is its own:
 *   ingest --corpus DIR --index DIR [--rebuild]      build or update the index
 *   answer --corpus DIR --index DIR --queries N       open, first answer, latency, memory, vector recall@10
 *   baseline --corpus DIR --queries N                 plain LangChain BM25 (1000/200 split) retrieval latency
 * STORE and DATABASE_URL in the environment select the store (vector recall@10 is measured on the embedded one).
 * Prints one JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBm25Baseline } from '../src/bench/langchain-baseline.js';
import { vectorRecall } from '../src/bench/vector-recall.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { EvalItemSchema, percentile } from '../src/eval/score-answer.js';
import { buildIndex } from '../src/index/build-index.js';
import { readLiveVersion, readSegment, readVectors } from '../src/index/load-index.js';
import { TEXTS, TextsReader } from '../src/index/passage-texts.js';
import { HnswVectorStore, HNSW } from '../src/index/vector-store.js';
import { createRuntime } from '../src/runtime.js';
import type { EmbeddedStore } from '../src/store/embedded-store.js';

const { positional, flags } = parseArgs(process.argv.slice(2), ['rebuild']);
const phase = positional[0];
const corpusDir = flag(flags, 'corpus')!;
const indexDir = flag(flags, 'index') ?? '';
const queries = Number(flag(flags, 'queries', '100'));
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const questions = ['dev.jsonl', 'own-councils.jsonl']
  .map((f) => join(flag(flags, 'questions-dir', 'eval')!, f))
  .flatMap((f) => { try { return readFileSync(f, 'utf8').split('\n'); } catch { return []; } })
  .filter((l) => l.trim())
  .map((l) => EvalItemSchema.parse(JSON.parse(l)).question);

// STORE and DATABASE_URL come from the environment the bench gives this process (embedded by default).
const env = { ...process.env, LOG_LEVEL: 'warn' };
if (phase === 'ingest') {
  const rt = await createRuntime({ corpusDir, indexDir, env });
  const report = await buildIndex({ ...rt.buildOptions, rebuild: flags.rebuild === true });
  console.log(JSON.stringify({ ms: report.ms, chunks: report.chunks, files: report.files, indexed: report.indexed, embedded: report.embedded, peakMb: peakMb() }));
} else if (phase === 'answer') {
  const rt = await createRuntime({ corpusDir, indexDir, env });
  const t0 = performance.now();
  const assistant = await rt.loadAssistant();
  const openMs = performance.now() - t0;
  const first = performance.now();
  await assistant.ask(questions[0]!);
  const coldMs = performance.now() - t0;
  const firstMs = performance.now() - first;
  global.gc?.();
  const restMb = mb(process.memoryUsage().rss);
  const latencies: number[] = [];
  let answeringMb = restMb;
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    await assistant.ask(questions[i % questions.length]!);
    latencies.push(performance.now() - t);
    answeringMb = Math.max(answeringMb, mb(process.memoryUsage().rss));
  }
  global.gc?.();
  const afterMb = mb(process.memoryUsage().rss);
  const store = assistant.store;
  const common = { passages: store.size, openMs, coldMs, firstMs, p50: percentile(latencies, 50), p95: percentile(latencies, 95), restMb, answeringMb, afterMb, peakMb: peakMb() };
  if (rt.config.STORE === 'postgres') {
    // The database's HNSW index is pgvector's, not read from files: no recall@10 against exact search here.
    await store.close();
    console.log(JSON.stringify({ ...common, recall: null, vectors: null }));
  } else {
    // Vector recall@10 against exact float32 search over every passage's vector, embedded again from its
    // text (after the timings): HNSW loses recall on near-duplicates; the exact store only to 16-bit rounding.
    const embedded = store as EmbeddedStore;
    const live = (await readLiveVersion(indexDir))!;
    const withPassages = live.manifest.files.filter((f) => f.segment !== undefined);
    const searched = await readVectors(live.dir, live.manifest, withPassages);
    const texts = new TextsReader(join(live.dir, TEXTS));
    const labels: number[] = [];
    const vectors: Float32Array[] = [];
    for (const entry of withPassages) {
      const segment = await readSegment(live.dir, entry);
      vectors.push(...(await embedded.embedder.embedDocuments(segment.chunks.map((c) => texts.chunk(c, entry.texts![0]).indexText))));
      labels.push(...segment.chunks.map((_, i) => entry.firstLabel! + i));
    }
    const position = new Map(labels.map((label, i) => [label, i]));
    const qv = await embedded.embedder.embedDocuments(questions.slice(0, Number(flag(flags, 'recall-queries', '60'))));
    const recall = vectorRecall(vectors, (q, k) => searched.search(q, k).map((r) => ({ label: position.get(r.label)! })), qv, 10);
    const how = searched instanceof HnswVectorStore ? { kind: 'hnsw', ...HNSW, ef: searched.ef } : { kind: 'exact' };
    console.log(JSON.stringify({ ...common, recall, vectors: { ...how, dims: live.manifest.embedder.dims } }));
  }
} else if (phase === 'baseline') {
  const files = readdirSync(corpusDir).sort().map((name) => ({ source: name, text: readFileSync(join(corpusDir, name), 'utf8') }));
  const bm25 = await buildBm25Baseline(files);
  const latencies: number[] = [];
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    await bm25.search(questions[i % questions.length]!, 12);
    latencies.push(performance.now() - t);
  }
  console.log(JSON.stringify({ chunks: bm25.chunks, p50: percentile(latencies, 50), p95: percentile(latencies, 95), peakMb: peakMb() }));
} else {
  console.error('usage: bench-phase.ts ingest|answer|baseline --corpus DIR [--index DIR] [--queries N] [--rebuild]');
  process.exitCode = 1;
}
