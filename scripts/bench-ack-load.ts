/**
 * npm run bench:load -- [--passages 100000] [--concurrent 50] [--workers N] [--index DIR]
 * Builds (or reuses) an index of about N passages by repeating the corpus, then sends C signed /ask
 * commands at once to the real Slack app on loopback: acknowledgement times (Slack allows 3 s), how
 * many got the "Looking…" placeholder, answer times, and the main event loop's delay while answering.
 * `--workers 0` answers in the main thread, for comparison.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAckLoad } from '../src/bench/ack-load.js';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { listCorpus } from '../src/index/index-files.js';
import { PooledAssistant } from '../src/pool/pooled-assistant.js';
import { createRuntime } from '../src/runtime.js';

const { flags } = parseArgs(process.argv.slice(2));
const passages = Number(flag(flags, 'passages', '100000'));
const concurrent = Number(flag(flags, 'concurrent', '50'));
const workersFlag = flag(flags, 'workers');
const base = flag(flags, 'index', join(tmpdir(), `ca-bench-load-${passages}`))!;
const sourceDir = flag(flags, 'corpus', 'corpus')!;
const corpusDir = join(base, 'corpus');
const indexDir = join(base, 'index');

// About 230 passages per 100 KB of committee papers (measured: 59,508 passages from 25.6 MB of copies of the bundled corpus).
if (!existsSync(corpusDir)) {
  mkdirSync(corpusDir, { recursive: true });
  const names = await listCorpus(sourceDir);
  const bytes = names.reduce((n, f) => n + readFileSync(join(sourceDir, f)).length, 0);
  const copies = Math.max(1, Math.ceil(passages / ((bytes / 100_000) * 230)));
  for (let k = 0; k < copies; k++) {
    for (const name of names) {
      if (k === 0) copyFileSync(join(sourceDir, name), join(corpusDir, name));
      else writeFileSync(join(corpusDir, `copy-${k}-${name}`), `Reference copy ${k}\n\n${readFileSync(join(sourceDir, name), 'utf8')}`);
    }
  }
}
const env = { ...process.env, LOG_LEVEL: 'warn' };
const rt = await createRuntime({ corpusDir, indexDir, env });
const t = performance.now();
const local = await rt.assistant();
console.log(`index: ${local.store.size} passages (${Math.round(performance.now() - t)} ms to open or build)`);
const workers = workersFlag === undefined ? undefined : Number(workersFlag);
const pool = workers === 0 ? null : await PooledAssistant.start(local, { init: { corpusDir, indexDir, env }, logger: rt.logger, workers });
try {
  await local.ask('warm up');
  const report = await benchAckLoad(pool ?? local, concurrent);
  console.log(JSON.stringify({ workers: pool ? pool.load.workers : 0, ...report }, null, 2));
} finally {
  await pool?.close();
}
