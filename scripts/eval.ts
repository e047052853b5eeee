/** npm run eval -- --questions FILE.jsonl [--corpus DIR] [--index DIR] [--json]: scores the assistant. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { cliErrorMessage } from '../src/cli/cli-error-message.js';
import { loadFile } from '../src/ingest/load-file.js';
import { listCorpus } from '../src/index/index-files.js';
import { createRuntime } from '../src/runtime.js';
import { metricsByCouncil } from '../src/eval/eval-metrics.js';
import {
  answerCorrect,
  citationCorrect,
  citationsVerbatim,
  EvalItemSchema,
  firstHitRank,
} from '../src/eval/score-answer.js';

const { flags } = parseArgs(process.argv.slice(2), ['json', 'verbose']);
try {
  const file = flag(flags, 'questions');
  if (!file) throw new Error('usage: npm run eval -- --questions FILE.jsonl [--corpus DIR]');
  const rt = await createRuntime({ corpusDir: flag(flags, 'corpus'), indexDir: flag(flags, 'index') });
  const deps = await rt.assistant();
  const corpusDir = rt.buildOptions.corpusDir;
  const texts = new Map<string, string | null>();
  const sourceText = (name: string): string | null => texts.get(name) ?? null;
  const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => EvalItemSchema.parse(JSON.parse(l)));
  for (const name of new Set(items.flatMap((i) => i.sources.map((s) => s.file)).concat(await listCorpus(corpusDir)))) {
    texts.set(name, await loadFile(join(corpusDir, name), name).then((f) => f.text, () => null));
  }
  const rows = [];
  for (const item of items) {
    const answer = await deps.ask(item.question, { id: item.id });
    const rank = item.sources.length ? firstHitRank(item, answer) : null;
    rows.push({
      item,
      answer,
      rank,
      correct: answerCorrect(item, answer),
      cited: item.sources.length ? citationCorrect(item, answer, sourceText) : null,
      verbatim: citationsVerbatim(answer, sourceText),
    });
  }
  const { overall: metrics, councils } = metricsByCouncil(rows);
  const failures = rows
    .filter((r) => !r.correct || (r.item.sources.length && (r.rank === null || r.rank > 5 || !r.cited)))
    .map((r) => ({ id: r.item.id, category: r.item.category, rank: r.rank, correct: r.correct, cited: r.cited, kind: r.answer.kind, question: r.item.question, answer: r.answer.answer.slice(0, 240) }));
  if (flags.json) console.log(JSON.stringify({ metrics, councils, failures }));
  else {
    const fmt = (v: unknown) => (v === null ? '-' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v));
    for (const [k, v] of Object.entries(metrics)) console.log(`${k.padEnd(26)} ${fmt(v)}`);
    const names = Object.keys(councils);
    if (names.length > 1) {
      const cols = ['questions', 'routingAccuracy', 'recall@5', 'answerAccuracy', 'compositionGivenRetrieval', 'unanswerableDeclined', 'citationsOtherCouncil'] as const;
      console.log(`\nper council: ${cols.join(' | ')}`);
      for (const name of names) console.log(`${name.slice(0, 44).padEnd(45)} ${cols.map((c) => fmt(councils[name]![c])).join(' | ')}`);
    }
    console.log(`\nfailures (${failures.length}):`);
    for (const f of failures) console.log(`- ${f.id} [${f.category}] rank=${f.rank} correct=${f.correct} cited=${f.cited} ${f.kind}: ${f.question}\n    -> ${f.answer.replace(/\n/g, ' / ')}`);
  }
} catch (error) {
  console.error(error instanceof Error && error.message.startsWith('usage') ? error.message : cliErrorMessage(error));
  if (!(error instanceof Error && error.message.startsWith('usage'))) console.error(error);
  process.exitCode = 1;
}
