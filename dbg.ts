import { loadIndex } from './src/index/load-index.js';
import { scopeRegistryOf } from './src/understand/index-scope.js';
import { readInThread, scopeFilters, retrievePool } from './src/route/answer-question.js';
import { outOfScope } from './src/understand/scope-check.js';
const index = await loadIndex(process.argv[2]!);
const reg = scopeRegistryOf(index);
if (process.argv[3] === 'reg') { console.log(JSON.stringify(reg, null, 1).slice(0, 6000)); process.exit(0); }
for (const q of process.argv.slice(3)) {
  const r = readInThread(q, [], reg);
  const { filters, missing } = scopeFilters(r, reg);
  console.log(JSON.stringify({ terms: r.terms, type: r.type, clauses: r.clauses.map((c) => [c.text, c.type, c.terms]), scope: r.scope, filters, missing }));
  const { pool } = await retrievePool(index, r, filters);
  for (const h of pool.slice(0, 12)) console.log(' ', h.score.toFixed(4), outOfScope(h.chunk, r, reg), h.chunk.place.council, '|', h.chunk.place.committee, h.chunk.place.meetingDate, h.chunk.source.slice(0, 40), JSON.stringify(h.chunk.text.slice(0, 140)));
}
