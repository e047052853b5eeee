import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/types.js';
import { ACTION, FeedbackValueSchema, parseValue, SourceRefSchema } from '../../src/slack/blocks/action-values.js';
import { citationLine } from '../../src/slack/blocks/citation-line.js';
import { renderAnswerBlocks, renderAnswerMessage } from '../../src/slack/app.js';
import { renderDeadlineHelp } from '../../src/slack/blocks/render-deadline-help.js';
import { locateQuote, renderSourceModal } from '../../src/slack/blocks/render-source-modal.js';
import { splitText } from '../../src/slack/blocks/text.js';
import { actionElements } from './helpers/slack-harness.js';
import { blockKitViolations } from './helpers/block-kit-limits.js';

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  chunkId: `pack.txt#${n}`,
  source: 'pack.txt',
  council: 'Kent County Council',
  committee: 'Governance and Audit Committee',
  meetingDate: '2023-10-25',
  item: 'Internal Audit Progress Report',
  itemNumber: '9',
  page: null,
  paragraph: '5.2',
  section: null,
  docType: 'report',
  url: null,
  quote: 'The overall opinion is Adequate.',
  start: 10,
  end: 42,
  ...over,
});

const answer = (over: Partial<Answer> = {}): Answer => ({
  id: 'ans-1',
  question: 'What was the annual internal audit opinion?',
  kind: 'answer',
  answer: 'The Head of Internal Audit gave an **Adequate** opinion for 2022-23 [1].',
  citations: [citation(1)],
  retrieved: [],
  notes: [],
  timings: { totalMs: 3 },
  ...over,
});

describe('renderAnswerBlocks', () => {
  it('writes citations as compact context lines and converts bold to mrkdwn', () => {
    expect(citationLine(citation(1))).toBe('[1] Kent CC · Governance and Audit Committee · 25 Oct 2023 · Item 9 · para 5.2');
    const blocks = renderAnswerBlocks(answer());
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'The Head of Internal Audit gave an *Adequate* opinion for 2022-23 [1].' } });
    expect(blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*[1]* Kent CC · Governance and Audit Committee · 25 Oct 2023 · Item 9 · para 5.2' }] });
    const ids = actionElements(blocks).map((e) => e.action_id);
    expect(ids).toEqual([`${ACTION.sourcePrefix}1`, `${ACTION.feedbackPrefix}up`, `${ACTION.feedbackPrefix}down`]);
  });

  it('escapes what the documents say so that it cannot become a mention or a link', () => {
    const [first] = renderAnswerBlocks(answer({ answer: 'Costs <@U123> & <!channel> rose [1].' }));
    expect(JSON.stringify(first)).toContain('Costs &lt;@U123&gt; &amp; &lt;!channel&gt; rose [1].');
  });

  it('stays within every Block Kit limit for a 20,000-character answer with 60 citations', () => {
    const sentence = 'The committee noted the **internal audit** findings and the management responses in full detail. ';
    const long = answer({
      answer: sentence.repeat(Math.ceil(20_000 / sentence.length)).slice(0, 20_000),
      citations: Array.from({ length: 60 }, (_, i) => citation(i + 1, { quote: 'q'.repeat(3_000), item: 'A very long agenda item title '.repeat(20), itemNumber: null })),
      notes: ['A note about the answer.'],
    });
    const message = renderAnswerMessage(long, { shareable: true, askedBy: 'U1' });
    expect(blockKitViolations('message', { ...message })).toEqual([]);
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain('[60]');
    const select = actionElements(message.blocks).find((e) => e.action_id === ACTION.sourceSelect);
    expect((select?.options as unknown[]).length).toBe(60);
    const down = actionElements(message.blocks).find((e) => e.action_id === `${ACTION.feedbackPrefix}down`);
    expect(parseValue(FeedbackValueSchema, String(down?.value))?.c.length).toBeGreaterThan(0);
  });

  it('shortens rather than fails when even the sections do not fit', () => {
    const huge = answer({ answer: 'word '.repeat(60_000), citations: [citation(1)] });
    const message = renderAnswerMessage(huge);
    expect(blockKitViolations('message', { ...message })).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('too long for one Slack message');
    expect(message.text.length).toBeLessThanOrEqual(40_000);
  });

  it('keeps a long quote inside the button value and still lets the modal find it', () => {
    const quote = `Members noted ${'that the service had improved '.repeat(120)}`;
    const [button] = actionElements(renderAnswerBlocks(answer({ citations: [citation(1, { quote })] })));
    const ref = parseValue(SourceRefSchema, String(button!.value))!;
    expect(String(button!.value).length).toBeLessThanOrEqual(2_000);
    expect(ref.ql).toBe(quote.length);
    const text = `Intro. ${quote} After.`;
    expect(locateQuote(text, ref.q!, ref.ql)).toEqual({ start: 7, end: 7 + quote.length });
  });

  it('says when the papers do not answer and who to ask, with no sources to show', () => {
    const blocks = renderAnswerBlocks(answer({ kind: 'not_found', answer: 'I cannot find this in the papers.', citations: [] }));
    expect(JSON.stringify(blocks)).toContain(':mag: I cannot find this in the papers.');
    expect(JSON.stringify(blocks)).toContain('Democratic Services');
    expect(actionElements(blocks).map((e) => e.action_id)).toEqual([`${ACTION.feedbackPrefix}up`, `${ACTION.feedbackPrefix}down`]);
  });

  it('shows an input error as one sentence with a hint and no buttons', () => {
    const blocks = renderAnswerBlocks(answer({ kind: 'error', answer: 'There is no deadline rule called "x".', citations: [] }), { hint: 'Type /deadline help.' });
    expect(blocks).toHaveLength(2);
    expect(actionElements(blocks)).toEqual([]);
  });

  it('draws no buttons for the local page', () => {
    expect(actionElements(renderAnswerBlocks(answer(), { interactive: false }))).toEqual([]);
  });
});

describe('renderSourceModal', () => {
  const passage = {
    chunkId: 'pack.txt#26',
    place: { source: 'pack.txt', council: 'Kent County Council', committee: 'Governance and Audit Committee', meetingDate: '2023-10-25', item: 'Minutes', itemNumber: '4', page: null, paragraph: '4', section: '144. Internal Audit Annual Opinion', docType: 'minutes', url: null },
    before: 'Earlier paragraph. '.repeat(200),
    text: '- 4. RESOLVED to receive and note this report & its "Adequate" opinion.',
    after: 'Later paragraph <b>. '.repeat(200),
  };

  it('highlights the quote within its passage, between smaller neighbours', () => {
    const view = renderSourceModal({ n: 2, chunkId: passage.chunkId, quote: 'RESOLVED to receive and note this report & its "Adequate" opinion.', place: 'Kent CC · 25 Oct 2023' }, passage);
    expect(blockKitViolations('modal', { ...view })).toEqual([]);
    expect(view.title.text).toBe('Source [2]');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('>*RESOLVED to receive and note this report &amp; its \\"Adequate\\" opinion.*');
    expect(json).toContain('Later paragraph &lt;b&gt;.');
    expect(json).toContain('144. Internal Audit Annual Opinion');
  });

  it('shows the quote and where it comes from when there is no stored passage', () => {
    const view = renderSourceModal({ n: 1, chunkId: null, quote: 'Complaints are acknowledged within 3 working days.', place: 'Kent CC · Complaints Policy · para 4.2' }, null);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('>*Complaints are acknowledged within 3 working days.*');
    expect(json).toContain('Complaints Policy · para 4.2');
    expect(json).toContain('not among the indexed papers');
  });

  it('fits a huge passage into 100 blocks', () => {
    const view = renderSourceModal({ n: 100, chunkId: 'x', quote: 'nowhere', place: 'p'.repeat(5_000) }, { ...passage, text: 'line\n\n'.repeat(100_000) });
    expect(blockKitViolations('modal', { ...view })).toEqual([]);
  });
});

describe('text helpers', () => {
  it('splits at paragraph and sentence boundaries, never inside an escape', () => {
    const parts = splitText(`${'a'.repeat(2_990)}&amp;${'b'.repeat(100)}`, 3_000);
    expect(parts[0]!.endsWith('&')).toBe(false);
    expect(parts.join('')).toBe(`${'a'.repeat(2_990)}&amp;${'b'.repeat(100)}`);
    expect(splitText('One. Two three.\n\nFour.', 12)).toEqual(['One.', 'Two three.', 'Four.']);
  });

  it('renders /deadline help as a list of rules', () => {
    const help = renderDeadlineHelp(answer({ kind: 'deadline', answer: 'Usage: /deadline RULE DATE, e.g. /deadline foi 21/12/2026. Rules:\n• `foi`: FOI request (20 working days)' }));
    expect(blockKitViolations('message', { ...help })).toEqual([]);
    expect(JSON.stringify(help.blocks)).toContain('`foi`: FOI request');
  });
});
