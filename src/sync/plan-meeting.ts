import type { AgendaItem, LinkedDocument, MeetingDetail } from './moderngov-records.js';
import { minuteItemHeading, type PaperMeta } from './paper-meta.js';

/** What the titles the service gives say about a document's type. Plain English words, not any council's layout. */
const DOC_TYPE_WORDS = {
  // Not a duration: "Public Question Time (15 minutes)" is no minutes.
  minutes: /(?<!\d\s*)\bminutes\b/i,
  agenda: /\bagenda\b|\breports? pack\b|\bfront ?sheet\b|\bsummons\b/i,
  appendix: /^\s*(?:appendix|appendices|annex|schedule)\b/i,
} as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The meeting a paper belongs to, as the sync saw it. */
export interface MeetingContext {
  site: string;
  council: string;
  committeeId: string;
  committee: string;
  meetingId: string;
  meetingDate: string | null;
  meetingStatus: string | null;
  /** The committee's meeting before this one (not cancelled), which minutes put to this one record. */
  previousMeetingDate: string | null;
}

export type PlannedPaper =
  | { kind: 'attachment'; fileName: string; attachmentId: string; url: string; meta: PaperMeta }
  | { kind: 'minutes'; fileName: string; html: string; meta: PaperMeta };

export interface MeetingPlan {
  papers: PlannedPaper[];
  /** Documents left out because they are restricted (exempt or confidential). Never requested. */
  restricted: number;
  /** Documents that are not papers we can fetch (links to web pages, documents on another host). */
  notFetched: Array<{ title: string; reason: string }>;
}

/** "Cabinet - Public Questions" -> "cabinet-public-questions", for file names. */
export function slug(value: string, max = 60): string {
  return value.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '') || 'paper';
}

export function meetingUrl(site: string, committeeId: string, meetingId: string): string {
  return `${site}/ieListDocuments.aspx?CId=${encodeURIComponent(committeeId)}&MId=${encodeURIComponent(meetingId)}`;
}

function docTypeOf(doc: LinkedDocument, item: AgendaItem): PaperMeta['docType'] {
  const title = doc.title ?? '';
  if (doc.isDecision) return 'decision';
  if (DOC_TYPE_WORDS.minutes.test(title) || DOC_TYPE_WORDS.minutes.test(item.title ?? '')) return 'minutes';
  if (DOC_TYPE_WORDS.agenda.test(title)) return 'agenda';
  if (DOC_TYPE_WORDS.appendix.test(title)) return 'appendix';
  return title || item.title ? 'report' : 'document';
}

/** A date written in a title: "12/11/2025", "12 November 2025", "25 Nov 2025", or "12112025" as in "Printed minutes 12112025 1800". */
export function dateInTitle(title: string): string | null {
  const valid = (y: number, m: number, d: number): string | null => {
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
  };
  let m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(title);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i.exec(title);
  if (m) return valid(Number(m[3]), MONTHS.findIndex((name) => name.startsWith(m![2]!.toLowerCase())) + 1, Number(m[1]));
  m = /\b(\d{2})(\d{2})(\d{4})\b/.exec(title);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * The meeting minutes record. Minutes put to a meeting for approval are those of an earlier meeting:
 * the date in their title, else the committee's previous meeting. Null when it cannot be told.
 */
function recordedMeetingDate(doc: LinkedDocument, ctx: MeetingContext): string | null {
  const dated = dateInTitle(doc.title ?? '');
  if (dated) return dated;
  return ctx.previousMeetingDate;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function longDate(iso: string | null): string {
  if (!iso) return 'a date not given';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
}

/** The minutes the service returns inline, item by item, as one HTML paper. */
function minutesHtml(ctx: MeetingContext, items: AgendaItem[]): string {
  const heading = `Minutes of the meeting of ${ctx.committee} held on ${longDate(ctx.meetingDate)}`;
  const body = items
    .map((item) => `<h2>${escapeHtml(minuteItemHeading(item))}</h2>\n${item.minutesHtml}`)
    .join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head><body>\n<h1>${escapeHtml(ctx.council)}</h1>\n<h1>${escapeHtml(heading)}</h1>\n${body}\n</body></html>\n`;
}

/**
 * The papers of one meeting to bring into the corpus, each with its metadata from the service.
 * Restricted items and documents are counted and left out; they are never requested.
 */
export function planMeeting(detail: MeetingDetail, ctx: MeetingContext, sameSite: (url: string) => boolean): MeetingPlan {
  const plan: MeetingPlan = { papers: [], restricted: 0, notFetched: [] };
  const base = `${slug(ctx.council, 40)}_${slug(ctx.committee, 40)}_${ctx.meetingDate ?? 'undated'}`;
  const pageOfMeeting = meetingUrl(ctx.site, ctx.committeeId, ctx.meetingId);
  const common = { council: ctx.council, committee: ctx.committee, committeeId: ctx.committeeId, meetingId: ctx.meetingId, meetingStatus: ctx.meetingStatus, meetingUrl: pageOfMeeting };
  for (const item of detail.items) {
    for (const doc of item.documents) {
      if (item.restricted || doc.restricted) {
        plan.restricted++;
        continue;
      }
      const title = doc.title ?? item.title ?? `attachment ${doc.attachmentId}`;
      if (doc.isUrl || !doc.url) {
        plan.notFetched.push({ title, reason: 'a link to a web page, not a document' });
        continue;
      }
      if (!sameSite(doc.url)) {
        plan.notFetched.push({ title, reason: 'not on the ModernGov site being synced' });
        continue;
      }
      const docType = docTypeOf(doc, item);
      const recorded = docType === 'minutes' ? recordedMeetingDate(doc, ctx) : ctx.meetingDate;
      const meta: PaperMeta = {
        ...common,
        meetingDate: recorded,
        approvedAtMeetingDate: docType === 'minutes' && recorded !== ctx.meetingDate ? ctx.meetingDate : null,
        itemNumber: item.number,
        itemTitle: item.title,
        title,
        docType,
        publishedAt: doc.publishedAt,
        url: doc.url,
        pageLinks: true,
        attachmentId: doc.attachmentId,
        minuteItems: [],
      };
      plan.papers.push({ kind: 'attachment', fileName: `${base}_${slug(doc.attachmentId, 20)}_${slug(title)}.pdf`, attachmentId: doc.attachmentId, url: doc.url, meta });
    }
  }
  const minuted = detail.items.filter((i) => i.minutesHtml && !i.restricted);
  if (minuted.length) {
    const meta: PaperMeta = {
      ...common,
      meetingDate: ctx.meetingDate,
      approvedAtMeetingDate: null,
      itemNumber: null,
      itemTitle: null,
      title: `Minutes: ${ctx.committee}, ${longDate(ctx.meetingDate)}`,
      docType: 'minutes',
      publishedAt: null,
      url: pageOfMeeting,
      pageLinks: false,
      attachmentId: null,
      minuteItems: minuted.map((i) => ({ number: i.number, title: i.title })),
    };
    plan.papers.push({ kind: 'minutes', fileName: `${base}_m${slug(ctx.meetingId, 20)}_minutes.html`, html: minutesHtml(ctx, minuted), meta });
  }
  return plan;
}
