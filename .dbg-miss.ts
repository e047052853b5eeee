import { readFileSync } from 'node:fs';
import { createRuntime } from './src/runtime.js';
const [corpusDir, indexDir, ...files] = process.argv.slice(2);
const rt = await createRuntime({ corpusDir, indexDir });
const a = await rt.assistant();
for (const f of files) for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
  const item = JSON.parse(line);
  const ans = await a.ask(item.question);
  const text = ans.answer.toLowerCase();
  const missing = (item.must_include as string[][]).filter((g) => !g.some((x) => text.includes(x.toLowerCase())));
  if (!missing.length && (item.sources.length || ans.kind === 'not_found')) continue;
  const pool = ans.retrieved.slice(0, 10).map((r) => r.text.toLowerCase());
  console.log(`${item.id} ${ans.kind} missing: ${missing.map((g) => `${g[0]}@${pool.findIndex((p) => g.some((x) => p.includes(x.toLowerCase())))}`).join(' | ')}`);
}
