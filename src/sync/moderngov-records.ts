import { child, children, flagOf, isoFromUkDate, plainText, text, type XmlNode } from './moderngov-xml.js';

/** A committee as GetCommittees lists it. */
export interface Committee {
  id: string;
  title: string;
  deleted: boolean;
  expired: boolean;
}

/** A meeting as GetMeetings lists it. */
export interface MeetingSummary {
  id: string;
  committeeId: string;
  committeeTitle: string | null;
  /** ISO date; null when the service gave none we could read. */
  date: string | null;
  status: string | null;
}

/** A document linked to an agenda item (GetMeeting's linkeddoc). */
export interface LinkedDocument {
  attachmentId: string;
  title: string | null;
  url: string | null;
  /** A link to another web page, not a document the service holds. */
  isUrl: boolean;
  restricted: boolean;
  publishedAt: string | null;
  isDecision: boolean;
}

export interface AgendaItem {
  number: string | null;
  title: string | null;
  restricted: boolean;
  /** The minutes of this item as HTML (already unescaped once by the XML reader), or null. */
  minutesHtml: string | null;
  documents: LinkedDocument[];
}

/** A meeting as GetMeeting returns it. */
export interface MeetingDetail {
  id: string;
  date: string | null;
  status: string | null;
  items: AgendaItem[];
}

/** Current committees: deleted and expired ones are left out. */
export function readCommittees(doc: XmlNode): Committee[] {
  return children(child(doc, 'committees'), 'committee').flatMap((c) => {
    const id = text(c, 'committeeid');
    if (!id) return [];
    return [{ id, title: plainText(text(c, 'committeetitle')) ?? id, deleted: flagOf(c, 'committeedeleted'), expired: flagOf(c, 'committeeexpired') }];
  });
}

/** Every meeting listed, across the committees in the response. */
export function readMeetings(doc: XmlNode): MeetingSummary[] {
  const root = child(doc, 'getmeetings');
  return children(root, 'committee').flatMap((c) => {
    const committeeId = text(c, 'committeeid') ?? '';
    const committeeTitle = plainText(text(c, 'committeetitle'));
    return children(child(c, 'committeemeetings'), 'meeting').flatMap((m) => {
      const id = text(m, 'meetingid');
      if (!id) return [];
      return [{ id, committeeId, committeeTitle, date: isoFromUkDate(text(m, 'meetingdate')), status: text(m, 'meetingstatus') }];
    });
  });
}

/** A restriction shows as a flag or as a reference to the exempt-information paragraph. */
function isRestricted(node: XmlNode): boolean {
  return flagOf(node, 'isrestricted') || text(node, 'restrictionsRef') !== null || text(node, 'restrictionsref') !== null;
}

function readDocument(d: XmlNode): LinkedDocument | null {
  const attachmentId = text(d, 'attachmentid');
  if (!attachmentId) return null;
  return {
    attachmentId,
    title: plainText(text(d, 'title')),
    url: text(d, 'url'),
    isUrl: flagOf(d, 'isurl'),
    restricted: isRestricted(d),
    publishedAt: isoFromUkDate(text(d, 'publicationdate')),
    isDecision: flagOf(d, 'isdecisionattachment'),
  };
}

/** The agenda items of a meeting, with their minutes and linked documents. */
export function readMeeting(doc: XmlNode): MeetingDetail {
  const m = child(doc, 'meeting');
  if (!m) throw new Error('the GetMeeting response has no <meeting> element');
  const items = children(child(m, 'agendaitems'), 'agendaitem').map((item): AgendaItem => ({
    number: text(item, 'agendaitemnumber'),
    title: plainText(text(item, 'agendaitemtitle')),
    restricted: isRestricted(item),
    minutesHtml: text(item, 'minutesnonemptyhtmlbody'),
    documents: children(child(item, 'linkeddocuments'), 'linkeddoc').flatMap((d) => readDocument(d) ?? []),
  }));
  return { id: text(m, 'meetingid') ?? '', date: isoFromUkDate(text(m, 'meetingdate')), status: text(m, 'meetingstatus'), items };
}

/** Whether a meeting was cancelled (its status says so; "Confirmed; Special Meeting" is not). */
export function isCancelled(status: string | null): boolean {
  return /\bcancel+ed\b|\bpostponed\b/i.test(status ?? '');
}
