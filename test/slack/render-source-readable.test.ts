import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { renderSourceModal } from '../../src/slack/blocks/render-source-modal.js';

const place = { source: 'pack.txt', council: 'Kent County Council', committee: 'Cabinet', meetingDate: '2017-09-15', item: 'Dashboard', itemNumber: '5', page: 28, paragraph: null, section: null, docType: 'report', url: null };
const texts = (view: ReturnType<typeof renderSourceModal>): string[] =>
  view.blocks.flatMap((b) => (b.type === 'section' && (b as types.SectionBlock).text ? [(b as types.SectionBlock).text!.text] : []));

describe('Show source shows the passage as readable text', () => {
  it('shows conversion Markdown (emphasis, links) as plain words, the quote still highlighted', () => {
    const text = 'Our standard is to reply within **20 working days** (*Item 2*).\nYou can ask the [Local Government Ombudsman](#) to review it.';
    const view = renderSourceModal(
      { n: 1, chunkId: 'pack.txt#1', quote: 'You can ask the [Local Government Ombudsman](#) to review it.', place: 'Kent CC' },
      { chunkId: 'pack.txt#1', place, before: '', text, after: '' },
    );
    expect(texts(view)).toEqual(['Our standard is to reply within 20 working days (Item 2).', '>*You can ask the Local Government Ombudsman to review it.*']);
  });

  it('shows table rows as aligned columns, marking the quoted row', () => {
    const text = 'Ref\tIndicator\tActual\tRAG\nGL01\tComplaints answered on time\t85%\tAMBER\nGL02\tFOI requests on time\t95%\tGREEN\n';
    const view = renderSourceModal(
      { n: 2, chunkId: 'pack.txt#2', quote: 'GL02\tFOI requests on time\t95%\tGREEN', place: 'Kent CC' },
      { chunkId: 'pack.txt#2', place, before: '', text, after: '' },
    );
    expect(texts(view)).toEqual([
      [
        '```',
        '  Ref   Indicator                    Actual  RAG',
        '  GL01  Complaints answered on time  85%     AMBER',
        '▶ GL02  FOI requests on time         95%     GREEN',
        '```',
      ].join('\n'),
    ]);
  });
});
