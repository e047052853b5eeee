import { shared, type StubModernGovOptions } from './stub-moderngov.js';

const HOST = 'https://democracy.Gloucester.gov.uk';

interface Doc {
  id: string;
  title: string;
  restricted?: boolean;
  restrictionsRef?: string;
  published: string;
}

function linkedDoc(d: Doc, meetingDate: string, owner: string): string {
  return `<linkeddoc><attachmentid>${d.id}</attachmentid><title>${d.title}</title><isurl>False</isurl><url>${HOST}/mgConvert2PDF.aspx?ID=${d.id}</url><isrestricted>${d.restricted ? 'True' : 'False'}</isrestricted><restrictionsRef>${d.restrictionsRef ?? ''}</restrictionsRef><itemnum>1</itemnum><publicationdate>${d.published}</publicationdate><meetingdate>${meetingDate}</meetingdate><decisiondate>${meetingDate}</decisiondate><committeetitle>Cabinet</committeetitle><isdecisionattachment>False</isdecisionattachment><ownertitle>${owner}</ownertitle></linkeddoc>`;
}

/**
 * A GetMeeting response in the element shape of the captured one (GetMeeting_7837), for the
 * Cabinet meetings of the captured GetMeetings list that have no captured GetMeeting.
 */
export function meetingXml(id: string, date: string, items: Array<{ number: string; title: string; restricted?: boolean; docs: Doc[] }>): string {
  const body = items
    .map((i) => `<agendaitem><agendaitemid>${id}${i.number}</agendaitemid><agendaitemtitle>${i.title}</agendaitemtitle><agendatext></agendatext><agendaitemnumber>${i.number}</agendaitemnumber><isrestricted>${i.restricted ? 'True' : 'False'}</isrestricted><meetingdate>${date}</meetingdate><linkeddocuments>${i.docs.map((d) => linkedDoc(d, date, i.title)).join('')}</linkeddocuments></agendaitem>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<meeting><meetingid>${id}</meetingid><meetingdate>${date}</meetingdate><meetingstatus>Confirmed</meetingstatus><agendaitems>${body}</agendaitems></meeting>`;
}

/** Attachment ids of restricted documents: the sync must never request them. */
export const RESTRICTED_IDS = ['66103', '66104'];

/**
 * Gloucester City Council's site as captured (committees, Cabinet's meetings, the 21 Nov 2025
 * special meeting with its inline minutes), plus the 12 Nov and 10 Dec 2025 meetings built in the
 * same shape. The 10 Dec meeting carries the real Local Council Tax Support Scheme report it had.
 */
export function gloucesterSite(): StubModernGovOptions {
  return {
    responses: {
      GetCommittees: shared('gloucester-city_GetCommittees.xml'),
      'GetMeetings:129': shared('gloucester-city_GetMeetings.xml'),
      'GetMeeting:7837': shared('gloucester-city_GetMeeting_7837.xml'),
      'GetAttachment:65461': shared('gloucester-city_GetAttachment_65461.xml'),
      'GetMeeting:7609': meetingXml('7609', '12/11/2025', [
        { number: '6', title: 'Resource Requirements - Finance Team', docs: [{ id: '66101', title: 'Resource Requirements Finance Team', published: '04/11/2025' }] },
        { number: '7', title: 'Acquisition of Property', restricted: true, docs: [{ id: '66103', title: 'Acquisition of Property - Exempt Report', published: '04/11/2025' }] },
        { number: '8', title: 'Contract Award', docs: [{ id: '66104', title: 'Contract Award - Appendix 2', published: '04/11/2025', restrictionsRef: 'Paragraph 3' }] },
      ]),
      'GetMeeting:7610': meetingXml('7610', '10/12/2025', [
        { number: '3', title: 'Minutes', docs: [{ id: '66201', title: 'Minutes of Previous Meeting', published: '02/12/2025' }] },
        { number: '7', title: 'Local Council Tax Support Scheme 2026-27', docs: [{ id: '66202', title: 'Local Council Tax Support Scheme 2026-27', published: '02/12/2025' }] },
      ]),
    },
    documents: {
      '66101': 'gloucester-city_resource-requirements-finance-team.pdf',
      '66201': 'bristol-city_printed-minutes-transport-and-connectivity-policy-committee-23-october-2025.pdf',
      '66202': 'gloucester-city_local-council-tax-support-scheme-2026-27.pdf',
      '65461': 'bristol-city_part-4-2-access-to-information-procedure-rules-may-2024.pdf',
      '65412': 'weca_2026-06-05-delivery-assurance.pdf',
      '65413': 'bristol-city_part-3-4-delegations-to-officers-january-2026.pdf',
      '65414': 'bristol-city_decision-notice-transport-and-connectivity-policy-committee-19-march-2026.pdf',
      '65415': 'bristol-city_committee-report-workplace-parking-levy-march-2026.pdf',
      '65416': 'bristol-city_printed-minutes-transport-and-connectivity-policy-committee-15-may-2025.pdf',
      '65417': 'bristol-city_printed-minutes-transport-and-connectivity-policy-committee-19-march-2026.pdf',
      '66103': 'weca_2026-06-05-mca-mayoral-budget-outturn.pdf',
      '66104': 'weca_2026-06-05-mca-mayoral-budget-outturn.pdf',
    },
  };
}
