/**
 * npm run ask -- [--corpus DIR] [--index DIR] --json "question"
 * npm run ask -- --questions FILE.jsonl   (one JSON answer per line, in order, with each item's id)
 * Filters: --council NAME --committee NAME --from YYYY-MM-DD --to YYYY-MM-DD --type minutes|report|appendix|agenda
 */
import { readFileSync } from 'node:fs';
import { flag, parseArgs } from '../src/cli/parse-args.js';
import { userMessageOf } from '../src/errors.js';
import { createRuntime } from '../src/runtime.js';

const { flags, positional } = parseArgs(process.argv.slice(2), ['json']);
try {
  const rt = await createRuntime({ corpusDir: flag(flags, 'corpus'), indexDir: flag(flags, 'index') });
  const deps = await rt.assistant();
  // Optional filters: --council, --committee, --from DATE, --to DATE, --type (agenda, minutes, report, appendix).
  const filters = {
    council: flag(flags, 'council'),
    committee: flag(flags, 'committee'),
    from: flag(flags, 'from'),
    to: flag(flags, 'to'),
    docType: flag(flags, 'type'),
  };
  const file = flag(flags, 'questions');
  if (file) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
    for (const [i, line] of lines.entries()) {
      let item: { id?: string; question?: string };
      try {
        item = JSON.parse(line) as { id?: string; question?: string };
      } catch {
        console.log(JSON.stringify({ id: `line-${i + 1}`, kind: 'error', answer: 'This line is not valid JSON.' }));
        continue;
      }
      const id = String(item.id ?? `line-${i + 1}`);
      if (!item.question) {
        console.log(JSON.stringify({ id, kind: 'error', answer: 'This line has no "question".' }));
        continue;
      }
      console.log(JSON.stringify(await deps.ask(item.question, { id, filters })));
    }
  } else {
    const question = positional.join(' ').trim();
    if (!question) throw new Error('usage: npm run ask -- [--corpus DIR] [--index DIR] --json "question"');
    const answer = await deps.ask(question, { filters });
    if (flags.json) console.log(JSON.stringify(answer, null, 2));
    else {
      console.log(answer.answer);
      for (const c of answer.citations) {
        console.log(`[${c.n}] ${[c.council, c.committee, c.meetingDate, c.item, c.page ? `p.${c.page}` : null, c.paragraph ? `para ${c.paragraph}` : null].filter(Boolean).join(' · ')}`);
        console.log(`    "${c.quote.replace(/\s+/g, ' ').slice(0, 300)}"`);
        if (c.url) console.log(`    ${c.url}`);
      }
    }
  }
} catch (error) {
  console.error(error instanceof Error && error.message.startsWith('usage') ? error.message : userMessageOf(error));
  process.exitCode = 1;
}
