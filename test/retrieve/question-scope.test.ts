import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load-index.js';
import { committeeShortForms, committeesNamed, datesNamed } from '../../src/retrieve/question-scope.js';
import { councilsNamed, search } from '../../src/retrieve/search.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const minutes = (council: string, committee: string, date: string, body: string): string =>
  `${council}\nMinutes of the ${committee}\n\n${date} at 5.00 pm\n\nMembers Present:-\nCouncillors: A Chair (Chair), B Vice (Vice-Chair)\n\n1 Bus lane review\n\n${body}\n`;
const report = (council: string, committee: string, date: string, body: string): string =>
  `Meeting: ${committee}\n\nDate: ${date}\n\nSubject: Bus lane review\n\nReport Of: Director of Place\n\n1.0 Purpose of Report\n\n1.1 ${body} This report is from ${council}.\n`;

describe('search within the scope a question names', () => {
  const dir = tempDir();
  let index: LoadedIndex;

  beforeAll(async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    const files: Record<string, string> = {
      'wessex-oct.txt': minutes('Wessex City Council', 'Transport and Connectivity Policy Committee', '23 October 2025', 'The bus lane review was APPROVED (5 voting for, 4 against).'),
      'wessex-mar.txt': minutes('Wessex City Council', 'Transport and Connectivity Policy Committee', '19 March 2026', 'The bus lane review FELL (2 voting for, 7 against).'),
      'wessex-report.txt': report('Wessex City Council', 'Transport and Connectivity Policy Committee', '19 March 2026', 'The bus lane review proposes removing three bus lanes and a vote on them.'),
      'mercia-report.txt': report('Mercia Borough Council', 'Cabinet', '19 March 2026', 'The bus lane review in Mercia proposes two new bus lanes and a vote on them.'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(corpusDir, name), text);
    await buildIndex({ corpusDir, indexDir: join(dir, 'index'), logger: memoryLogger().logger });
    index = await loadIndex(join(dir, 'index'));
  });

  it('reads committee short forms from the name', () => {
    expect(committeeShortForms('Transport & Connectivity Policy Committee')).toEqual(['TCPC', 'T&C']);
  });

  it('reads the meeting dates a question names, not a period end', () => {
    expect(datesNamed('what did TCPC decide on 19 March, and in October 2025? accounts y/e 31 March 2020')).toEqual([
      { year: null, month: 3, day: 19 },
      { year: 2025, month: 10, day: null },
    ]);
  });

  it('takes a bare body name standing alone as the committee ("went to Cabinet?")', () => {
    expect([...committeesNamed(index, 'how often does the bus lane review go to Cabinet?')]).toEqual(['Cabinet']);
  });

  it('does not take a bare body name that starts a longer title ("Cabinet Member for Place")', () => {
    expect([...committeesNamed(index, 'what did the Cabinet Member for Place say about bus lanes?')]).toEqual([]);
  });

  it('knows a council by the initials of its name', () => {
    expect([...councilsNamed(index, "what did MBC's cabinet say about bus lanes?")]).toEqual(['Mercia Borough Council']);
  });

  it('answers "what was the vote at TCPC in March" from that meeting\'s minutes', async () => {
    const [top] = await search(index, 'did the bus lane review get through at TCPC on 19 March? what was the vote?', { k: 5 });
    expect(top!.chunk.source).toBe('wessex-mar.txt');
  });

  it('answers for the meeting a question dates', async () => {
    const [top] = await search(index, 'what was decided on the bus lane review in October 2025?', { k: 5 });
    expect(top!.chunk.source).toBe('wessex-oct.txt');
  });
});
