import { loadIndex } from './src/index/load-index.js';
import { scopeRegistryOf } from './src/understand/index-scope.js';
import { readInThread, scopeFilters, retrievePool } from './src/route/answer-question.js';
import { candidates, weigher, evidenceFor } from './src/answer/extractive-answer.js';
const index = await loadIndex(process.argv[2]!);
const reg = scopeRegistryOf(index);
for (const q of process.argv.slice(3)) {
  const r = readInThread(q, [], reg);
  const { pool } = await retrievePool(index, r, scopeFilters(r, reg).filters);
  const w = weigher(index.idf, index.known, r);
  console.log(q, r.terms.map((t) => `${t}:${w(t).toFixed(2)}`).join(' '), 'evidence', evidenceFor(r.terms, pool, w).toFixed(2));
  for (const c of candidates(pool, { periods: r.scope.periods, terms: r.terms, pairs: r.pairs, type: r.type, counted: r.counted, reason: r.wantsReason, latest: r.scope.latest }, w).slice(0, 4)) console.log('  ', c.score.toFixed(2), c.rank, [...c.covered].map(([t, f]) => `${t}:${f}`).join(','), c.text.slice(0, 100));
}
