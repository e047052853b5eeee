import { computeDeadline } from '../../src/deadlines/compute-deadline.js';
import { loadCalendar } from '../../src/deadlines/load-calendar.js';
import { readFileSync } from 'node:fs';
const cal = loadCalendar();
for (const line of readFileSync('/work/shared/eval/deadlines-dev.jsonl','utf8').trim().split('\n')) {
  const c = JSON.parse(line);
  const r = computeDeadline({ rule: c.rule, date: c.date, calendar: cal });
  console.log(c.id, r.due === c.expected_due ? 'OK' : 'FAIL', r.due, c.expected_due);
  console.log('  ' + r.steps.join('\n  '));
}
const r = computeDeadline({ rule: 'foi', date: '2026-12-21', calendar: cal, today: '2027-01-25' });
console.log(JSON.stringify(r, null, 1).slice(0, 3000));
console.log(computeDeadline({ rule: 'foi', date: '2028-12-21', calendar: cal }).warnings);
console.log(computeDeadline({ rule: 'ripa-directed-surveillance', date: '2026-11-30', calendar: cal }).steps);
console.log(computeDeadline({ rule: 'ripa-directed-surveillance-renewal', date: '2026-08-31', calendar: cal }).steps);
