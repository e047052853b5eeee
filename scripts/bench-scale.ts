/**
 * npm run bench -- --scale N [--store postgres] [--work DIR] [--queries N] [--councils DIR] [--skip-baseline]
 * Builds the bundled corpus replicated N times with variations (invented councils, shifted years, swapped
 * paragraphs, changed figures; from corpus/ and ../shared/councils/text/), then measures, each phase in its
 * own process: full ingest, re-ingest with nothing changed, with one file changed, cold first answer,
 * answer p50/p95, memory, vector recall@10 against exact float32 search, and plain LangChain BM25 at the same size.
 * --store postgres runs the same phases on the PostgreSQL store too (DATABASE_URL, else PGlite in the work
 * folder) and prints its figures beside the embedded store's.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchStores, type BenchStore } from '../src/bench/bench-stores.js';
import { replicateCorpus, type PaperFile } from '../src/bench/replicate-corpus.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';

const { flags } = parseArgs(process.argv.slice(2), ['skip-baseline']);
const scale = Number(flag(flags, 'scale'));
if (!Number.isFinite(scale) || scale < 1) {
  console.error('usage: npm run bench -- --scale N   (N >= 1: the bundled corpus replicated N times)');
  process.exit(1);
}
const work = resolve(flag(flags, 'work', join('/tmp', `ca-bench-scale-${scale}`))!);
const corpusDir = join(work, 'corpus');
const indexDir = join(work, 'index');
const queries = Number(flag(flags, 'queries', '100'));
const councilsDir = flag(flags, 'councils', '../shared/councils/text')!;
let stores: BenchStore[];
try {
  stores = benchStores(flag(flags, 'store'), process.env, work);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

const read = (dir: string): PaperFile[] => readdirSync(dir).filter((n) => !n.startsWith('.') && !/^readme/i.test(n)).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const marker = join(corpusDir, `.scale-${scale}`);
if (!existsSync(marker)) {
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const bundled = read('corpus');
  const others = scale > 1 && existsSync(councilsDir) ? read(councilsDir) : [];
  let n = 0;
  for (const f of replicateCorpus(bundled, [...bundled, ...others], scale)) {
    writeFileSync(join(corpusDir, f.name), f.text);
    n++;
  }
  writeFileSync(marker, String(n));
}

function phase(args: string[], env: NodeJS.ProcessEnv = process.env): Record<string, number> & Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=6144', '--import', 'tsx', 'scripts/bench-phase.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 24, env });
  if (run.status !== 0) throw new Error(`bench phase ${args[0]} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

const base = ['--corpus', corpusDir, '--index', indexDir];
const names = readdirSync(corpusDir).filter((n) => !n.startsWith('.')).sort();
type Phase = ReturnType<typeof phase>;
/** The ingest and answer phases on one store. */
function measure(store: BenchStore): { full: Phase; again: Phase; changed: Phase; answer: Phase } {
  rmSync(indexDir, { recursive: true, force: true });
  if (store.ownPglite) rmSync(store.ownPglite, { recursive: true, force: true });
  const full = phase(['ingest', ...base, '--rebuild'], store.env);
  const again = phase(['ingest', ...base], store.env);
  // One file changed: a paragraph added to a paper in the middle of the corpus.
  const changedFile = join(corpusDir, names[Math.floor(names.length / 2)]!);
  const original = readFileSync(changedFile, 'utf8');
  appendFileSync(changedFile, `\n\nAddendum. The committee noted a correction to the figures above, issued on ${new Date(0).toISOString().slice(0, 10)}.\n`);
  let changed: Phase;
  try {
    changed = phase(['ingest', ...base], store.env);
  } finally {
    // The corpus is kept for the next run at this scale: the file goes back to what it was.
    writeFileSync(changedFile, original);
  }
  const answer = phase(['answer', ...base, '--queries', String(queries)], store.env);
  return { full, again, changed, answer };
}
const results = stores.map((store) => ({ store: store.name, ...measure(store) }));
// --skip-baseline: a rerun at a size whose (slow) baseline was measured already.
const baseline = flags['skip-baseline'] ? { p50: NaN, p95: NaN, chunks: 'not run' } : phase(['baseline', '--corpus', corpusDir, '--queries', String(Math.min(queries, scale >= 50 ? 20 : queries))]);

const ms = (v: unknown): string => `${Math.round(Number(v))} ms`;
const s = (v: unknown): string => (Number(v) >= 10_000 ? `${(Number(v) / 1000).toFixed(1)} s` : ms(v));
type Result = (typeof results)[number];
const recallRow = (answer: Phase): string => {
  const how = answer.vectors as unknown as { kind: 'hnsw' | 'exact'; m?: number; efConstruction?: number; ef?: number; dims: number } | null;
  if (!how) return 'not measured (pgvector HNSW)';
  const what = how.kind === 'hnsw' ? `HNSW: M ${how.m}, efConstruction ${how.efConstruction}, ef ${how.ef}` : 'exact search, 16-bit components';
  return `${Number(answer.recall).toFixed(3)} (${what}, ${how.dims} dims)`;
};
const perStore: Array<[string, (r: Result) => string]> = [
  ['passages', (r) => String(r.full.chunks)],
  ['full ingest', (r) => `${s(r.full.ms)} (${Math.round((Number(r.full.chunks) / Number(r.full.ms)) * 1000)} passages/s, peak ${r.full.peakMb} MB)`],
  ['re-ingest, nothing changed', (r) => `${s(r.again.ms)} (peak ${r.again.peakMb} MB)`],
  ['re-ingest, one file changed', (r) => `${s(r.changed.ms)} (${r.changed.embedded} passages embedded, peak ${r.changed.peakMb} MB)`],
  ['index open', (r) => s(r.answer.openMs)],
  ['cold first answer', (r) => `${s(r.answer.coldMs)} (open + first question; the question alone ${ms(r.answer.firstMs)})`],
  ['answer p50 / p95', (r) => `${ms(r.answer.p50)} / ${ms(r.answer.p95)} (${queries} questions)`],
  ['p95 ratio to plain BM25', (r) => `${(Number(r.answer.p95) / Math.max(1, Number(baseline.p95))).toFixed(2)}×`],
  ['memory at rest / answering', (r) => `${r.answer.restMb} MB / ${r.answer.answeringMb} MB RSS (peak of the answering process ${r.answer.peakMb} MB)`],
  ['vector recall@10 vs exact float32', (r) => recallRow(r.answer)],
];
const rows: Array<[string, string]> = [
  ['scale', `×${scale} (${names.length} files)`],
  ['plain LangChain BM25 p50 / p95', `${ms(baseline.p50)} / ${ms(baseline.p95)} (retrieval only, ${baseline.chunks} chunks of 1000/200)`],
];
// One row per figure and store, the stores side by side (embedded first).
for (const [label, cell] of perStore) for (const r of results) rows.push([results.length > 1 ? `${label} [${r.store}]` : label, cell(r)]);
for (const [k, v] of rows) console.log(`${k.padEnd(42)} ${v}`);
console.log(JSON.stringify({ scale, stores: results, baseline }));
