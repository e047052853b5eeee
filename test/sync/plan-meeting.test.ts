import { describe, expect, it } from 'vitest';
import { readMeeting } from '../../src/sync/moderngov-records.js';
import { readServiceXml } from '../../src/sync/moderngov-xml.js';
import { dateInTitle, planMeeting, type MeetingContext } from '../../src/sync/plan-meeting.js';
import { shared } from './stub-moderngov.js';

const ctx: MeetingContext = { site: 'https://democracy.example.gov.uk', council: 'Example City Council', committeeId: '129', committee: 'Cabinet', meetingId: '7837', meetingDate: '2025-11-21', meetingStatus: 'Confirmed; Special Meeting', previousMeetingDate: '2025-11-12' };
const plan = () => planMeeting(readMeeting(readServiceXml(shared('gloucester-city_GetMeeting_7837.xml'), 'GetMeeting')), ctx, () => true);

describe('planMeeting on the captured Gloucester special meeting', () => {
  it('takes a document under "Public Question Time (15 minutes)" for a report, not minutes', () => {
    expect(plan().papers.find((p) => p.kind === 'attachment' && p.attachmentId === '65461')?.meta.docType).toBe('report');
  });

  it('takes "Appendix 1 …" for an appendix of its agenda item', () => {
    expect(plan().papers.find((p) => p.kind === 'attachment' && p.attachmentId === '65413')?.meta).toMatchObject({ docType: 'appendix', itemNumber: '6', itemTitle: 'Final Proposals for Local Government Reorganisation in Gloucestershire' });
  });

  it('lists the items the inline minutes cover, titles unescaped', () => {
    expect(plan().papers.find((p) => p.kind === 'minutes')?.meta.minuteItems.map((i) => `${i.number}. ${i.title}`)).toEqual([
      '2. Declarations of Interest',
      '3. Public Question Time (15 minutes)',
      '4. Petitions and Deputations (15 minutes)',
      "5. Leader and Cabinet Members' Question Time (15 minutes)",
      '6. Final Proposals for Local Government Reorganisation in Gloucestershire',
    ]);
  });
});

describe('dateInTitle', () => {
  it.each([
    ['Minutes , 12/11/2025 Cabinet', '2025-11-12'],
    ['6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025', '2025-11-25'],
    ['Minutes of the meeting held on 3rd September 2025', '2025-09-03'],
    ['Printed minutes 12112025 1800 Cabinet', '2025-11-12'],
    ['Minutes of Previous Meeting', null],
    ['Minutes 31/02/2025', null],
  ])('%s -> %s', (title, iso) => {
    expect(dateInTitle(title)).toBe(iso);
  });
});
