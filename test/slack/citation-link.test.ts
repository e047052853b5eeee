import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/types.js';
import { citationPlaceMrkdwn } from '../../src/slack/blocks/citation-line.js';
import { renderAnswerBlocks } from '../../src/slack/app.js';

/** The local page's own mrkdwn renderer (plain browser JavaScript). */
const modulePath = new URL('../../src/web/public/mrkdwn.js', import.meta.url).href;
const { mrkdwnToHtml } = (await import(modulePath)) as { mrkdwnToHtml(text: string): string };

const citation = (over: Partial<Citation>): Citation => ({
  n: 1,
  chunkId: 'cabinet.pdf#3',
  source: 'cabinet.pdf',
  council: 'Gloucester City Council',
  committee: 'Audit & <Risk> Committee',
  meetingDate: '2025-12-10',
  item: 'Local Council Tax Support Scheme 2026-27',
  itemNumber: '7',
  page: 3,
  paragraph: null,
  section: null,
  docType: 'report',
  url: 'https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=66202#page=3',
  quote: 'Under the current Council Tax Support scheme 83% of the working age caseload are eligible',
  start: 0,
  end: 90,
  ...over,
});

describe('citation links', () => {
  it('makes a synced citation a Slack link to its page, the label escaped', () => {
    expect(citationPlaceMrkdwn(citation({}))).toBe('<https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=66202#page=3|Gloucester CC · Audit &amp; &lt;Risk&gt; Committee · 10 Dec 2025 · Item 7 · p. 3>');
  });

  it('escapes the ampersand of a meeting page address', () => {
    expect(citationPlaceMrkdwn(citation({ url: 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=129&MId=7837', committee: 'Cabinet' }))).toMatch(/^<https:\/\/democracy\.example\.gov\.uk\/ieListDocuments\.aspx\?CId=129&amp;MId=7837\|/);
  });

  it('shows a url that is not a web address as no link at all', () => {
    expect(citationPlaceMrkdwn(citation({ url: 'javascript:alert(1)', committee: 'Cabinet' }))).toBe('Gloucester CC · Cabinet · 10 Dec 2025 · Item 7 · p. 3');
  });

  it('puts the link in the answer message, which the local page shows as a link', () => {
    const answer: Answer = { question: 'q', kind: 'answer', answer: 'Eighty-three per cent [1].', citations: [citation({ committee: 'Cabinet' })], retrieved: [], notes: [], timings: { totalMs: 1 } };
    const line = JSON.stringify(renderAnswerBlocks(answer)).match(/\*\[1\]\* <[^"]*>/)?.[0] ?? '';
    expect(mrkdwnToHtml(line)).toContain('<a href="https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=66202#page=3" target="_blank" rel="noopener noreferrer">Gloucester CC · Cabinet · 10 Dec 2025 · Item 7 · p. 3</a>');
  });
});
