/**
 * npm run bench -- [--corpus DIR] [--questions FILE.jsonl] [--queries N]   (questions default to eval/dev.jsonl)
 * Ingest speed, query latency, index size, peak memory, and recall@5 against a plain LangChain baseline.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBaseline } from '../src/bench/langchain-baseline.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { EvalItemSchema, containsQuote, percentile } from '../src/eval/score-answer.js';
import { buildIndex } from '../src/index/build-index.js';
import { listCorpus } from '../src/index/index-files.js';
import { loadIndex } from '../src/index/load-index.js';
import { loadFile } from '../src/ingest/load-file.js';
import { answerQuestion } from '../src/route/answer-question.js';
import { createRuntime } from '../src/runtime.js';
import { createAssistant } from '../src/assistant.js';
import { benchSlashAck } from '../src/slack/bench-ack.js';

const { flags } = parseArgs(process.argv.slice(2));
// The questions that ship with the project (on the bundled corpus); --questions for another set.
const questionsFile = flag(flags, 'questions', 'eval/dev.jsonl')!;
if (!existsSync(questionsFile)) {
  console.error(`The questions file ${questionsFile} does not exist; pass --questions FILE.jsonl (one {"question", "sources"} per line).`);
  process.exit(1);
}
const rounds = Number(flag(flags, 'queries', '200'));
const rt = await createRuntime({ corpusDir: flag(flags, 'corpus') });
const { corpusDir } = rt.buildOptions;
const indexDir = mkdtempSync(join(tmpdir(), 'ca-bench-'));
let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

try {
  const full = await buildIndex({ ...rt.buildOptions, indexDir, rebuild: true });
  const again = await buildIndex({ ...rt.buildOptions, indexDir });
  const index = await loadIndex(indexDir);
  const deps = { index, logger: rt.logger };
  const assistant = { index, ...createAssistant({ index, logger: rt.logger, deadlines: rt.deadlines, now: () => new Date() }) };

  const items = readFileSync(questionsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => EvalItemSchema.parse(JSON.parse(l)));
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const item = items[i % items.length]!;
    const t = performance.now();
    await answerQuestion(deps, item.question);
    latencies.push(performance.now() - t);
  }
  const answerable = items.filter((i) => i.sources.length);
  let ours = 0;
  for (const item of answerable) {
    const a = await answerQuestion(deps, item.question);
    if (a.retrieved.slice(0, 5).some((r) => item.sources.some((s) => containsQuote(r.text, s.quote)))) ours++;
  }
  const files = [];
  for (const name of await listCorpus(corpusDir)) {
    const loaded = await loadFile(join(corpusDir, name), name).catch(() => null);
    if (loaded) files.push({ source: name, text: loaded.text });
  }
  const baseline = await buildBaseline(files, index.embedder);
  let theirs = 0;
  // The baseline's retrieval time per question, so that latency can be read as a ratio on a loaded machine.
  const baselineMs: number[] = [];
  for (const item of answerable) {
    const t = performance.now();
    const found = await baseline.search(item.question, 5);
    baselineMs.push(performance.now() - t);
    if (found.some((r) => item.sources.some((s) => containsQuote(r.text, s.quote)))) theirs++;
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
    ['LangChain baseline search p50', `${percentile(baselineMs, 50).toFixed(1)} ms (retrieval only, ${baselineMs.length} questions)`],
    ['index size on disk', `${(dirBytes(indexDir) / 1024 / 1024).toFixed(1)} MiB`],
    ['peak memory (RSS)', `${Math.round(peakRss / 1024 / 1024)} MiB`],
    ['slash command ack p50 / p99', `${ack.p50Ms.toFixed(1)} ms / ${ack.p99Ms.toFixed(1)} ms (signed /deadline and /ask over loopback into Bolt)`],
    ['recall@5, this pipeline', `${(ours / answerable.length).toFixed(3)} (${ours}/${answerable.length})`],
    ['recall@5, LangChain baseline', `${(theirs / answerable.length).toFixed(3)} (${theirs}/${answerable.length}; ${baseline.chunks} chunks of 1000/200, HNSWLib, same embedder)`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
} finally {
  clearInterval(sample);
  rmSync(indexDir, { recursive: true, force: true });
}
