import { describe, expect, it } from 'vitest';
import { describePapers, renderNewPapers } from '../../src/slack/blocks/render-new-papers.js';

const paper = (docType: string, title = docType) => ({ title, docType, url: `https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=${title.length}` });

describe('the new papers message', () => {
  it('counts an agenda and four reports as officers would say it', () => {
    expect(describePapers([paper('agenda'), paper('report'), paper('report'), paper('report'), paper('report')])).toBe('agenda and 4 reports');
  });

  it('links the meeting and each paper, with titles from the site escaped', () => {
    const { blocks } = renderNewPapers({ committee: 'Cabinet', meetingDate: '2025-12-10', meetingUrl: 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=129&MId=7610', papers: [paper('report', 'Fees & <Charges>')] });
    expect(JSON.stringify(blocks)).toContain('*<https://democracy.example.gov.uk/ieListDocuments.aspx?CId=129&amp;MId=7610|Cabinet, 10 Dec 2025>*: 1 report published\\n• <https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=16|Fees &amp; &lt;Charges&gt;>');
  });
});
