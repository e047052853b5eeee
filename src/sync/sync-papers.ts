import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import { ModernGovClient, SyncSiteError } from './moderngov-client.js';
import { isCancelled, readCommittees, readMeeting, readMeetings, type MeetingSummary } from './moderngov-records.js';
import { ukFromIsoDate } from './moderngov-xml.js';
import { planMeeting, type MeetingContext, type PlannedPaper } from './plan-meeting.js';
import { HttpFailure, PoliteHttp, POLITE_HTTP, type PoliteHttpSettings, type Sleep } from './polite-http.js';
import { Staging } from './staging.js';
import { emptySiteState, readSyncState } from './sync-state.js';

/** Which meetings a sync looks at, and which it reads again. */
export const SYNC_WINDOW = {
  /** Without --from: meetings from this many days ago. */
  pastDays: 90,
  /** Without --to: meetings up to this many days ahead (agendas are published about a week before). */
  futureDays: 60,
  /** A meeting last read less than this many days after it took place is read again: minutes and late papers come after. */
  recentDays: 42,
  /** Meetings are listed from this many days before the window, to know the meeting before its first one. */
  lookBackDays: 183,
} as const;

export interface SyncOptions {
  site: string;
  council: string;
  corpusDir: string;
  /** Committee ids; all current committees when empty. */
  committees?: readonly string[];
  /** ISO dates; the default window around `now` when absent. */
  from?: string;
  to?: string;
  now: Date;
  logger: Logger;
  http?: Partial<PoliteHttpSettings>;
  sleep?: Sleep;
  /** A line per committee and meeting, for a terminal. */
  onProgress?: (line: string) => void;
}

/** The papers one meeting gained in a sync, for the "new papers" message. */
export interface MeetingNews {
  committee: string;
  meetingDate: string | null;
  meetingUrl: string;
  papers: Array<{ title: string; docType: string; url: string }>;
}

export interface SyncSummary {
  site: string;
  committees: number;
  meetingsListed: number;
  meetingsRead: number;
  meetingsCancelled: number;
  /** Long-past meetings already read, not read again. */
  meetingsUnchanged: number;
  documentsFetched: number;
  /** Attachments already held with the same publication date: not fetched. */
  documentsUnchanged: number;
  minutesWritten: number;
  restricted: number;
  notFetched: Array<{ title: string; reason: string }>;
  failed: Array<{ title: string; url: string; reason: string }>;
  requests: number;
  news: MeetingNews[];
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The site's root: no trailing slash, no /mgWebService.asmx. */
export function siteRoot(site: string): string {
  return site.trim().replace(/\/+$/, '').replace(/\/mgWebService\.asmx.*$/i, '');
}

/**
 * Brings a council's committee papers from its ModernGov web service into the corpus folder, each
 * with a metadata sidecar. Nothing reaches the corpus until every meeting has been read; a failed
 * sync leaves the corpus as it was and the next one resumes with what this one downloaded.
 */
export async function syncPapers(options: SyncOptions): Promise<SyncSummary> {
  const site = siteRoot(options.site);
  const { logger, now } = options;
  const progress = options.onProgress ?? (() => undefined);
  const http = new PoliteHttp({ ...POLITE_HTTP, ...options.http }, options.sleep);
  const client = new ModernGovClient(site, http);
  const from = options.from ?? isoDay(new Date(now.getTime() - SYNC_WINDOW.pastDays * DAY_MS));
  const to = options.to ?? isoDay(new Date(now.getTime() + SYNC_WINDOW.futureDays * DAY_MS));
  const staging = await Staging.open(options.corpusDir);
  const state = await readSyncState(options.corpusDir);
  const siteState = structuredClone(state.sites[site] ?? emptySiteState());
  const summary: SyncSummary = { site, committees: 0, meetingsListed: 0, meetingsRead: 0, meetingsCancelled: 0, meetingsUnchanged: 0, documentsFetched: 0, documentsUnchanged: 0, minutesWritten: 0, restricted: 0, notFetched: [], failed: [], requests: 0, news: [] };
  const move: string[] = [];
  const remove: string[] = [];
  const siteHost = new URL(site).hostname.toLowerCase();
  const sameSite = (url: string): boolean => {
    try {
      return new URL(url).hostname.toLowerCase() === siteHost;
    } catch {
      return false;
    }
  };

  let committeeIds = [...(options.committees ?? [])];
  if (!committeeIds.length) {
    const committees = readCommittees(await client.call('GetCommittees'));
    committeeIds = committees.filter((c) => !c.deleted && !c.expired).map((c) => c.id);
  }
  for (const committeeId of committeeIds) {
    // Asked from further back than the window, so that the meeting before the first one is known (minutes put to a meeting record it).
    const listFrom = isoDay(new Date(Date.parse(from) - SYNC_WINDOW.lookBackDays * DAY_MS));
    const listed = readMeetings(await client.call('GetMeetings', { lCommitteeId: committeeId, sFromDate: ukFromIsoDate(listFrom), sToDate: ukFromIsoDate(to) }))
      .filter((m) => m.committeeId === committeeId || m.committeeId === '');
    summary.committees++;
    const title = listed[0]?.committeeTitle ?? `committee ${committeeId}`;
    // Some installs ignore the window and list every meeting: filter on the meeting date here.
    const held = listed.filter((m) => !isCancelled(m.status)).sort(byDate);
    const inWindow = listed.filter((m) => m.date !== null && m.date >= from && m.date <= to).sort(byDate);
    progress(`${title}: ${inWindow.length} meetings from ${from} to ${to}`);
    summary.meetingsListed += inWindow.length;
    for (const meeting of inWindow) {
      if (isCancelled(meeting.status)) {
        summary.meetingsCancelled++;
        progress(`  ${meeting.date} cancelled, skipped`);
        continue;
      }
      const seen = siteState.meetings[meeting.id];
      if (seen && meeting.date && Date.parse(seen.readAt) - Date.parse(meeting.date) > SYNC_WINDOW.recentDays * DAY_MS) {
        summary.meetingsUnchanged++;
        continue;
      }
      const detail = readMeeting(await client.call('GetMeeting', { lMeetingId: meeting.id }));
      summary.meetingsRead++;
      const ctx: MeetingContext = {
        site,
        council: options.council,
        committeeId,
        committee: title,
        meetingId: meeting.id,
        meetingDate: meeting.date,
        meetingStatus: meeting.status,
        previousMeetingDate: previousHeld(held, meeting),
      };
      const plan = planMeeting(detail, ctx, sameSite);
      summary.restricted += plan.restricted;
      summary.notFetched.push(...plan.notFetched);
      const news: MeetingNews = { committee: title, meetingDate: meeting.date, meetingUrl: plan.papers[0]?.meta.meetingUrl ?? '', papers: [] };
      for (const paper of plan.papers) {
        const added = await bringIn(paper);
        if (added) news.papers.push({ title: paper.meta.title ?? paper.fileName, docType: paper.meta.docType, url: paper.meta.url });
      }
      siteState.meetings[meeting.id] = { date: meeting.date, readAt: now.toISOString() };
      progress(`  ${meeting.date} ${meeting.status ?? ''}: ${plan.papers.length} papers, ${news.papers.length} new, ${plan.restricted} restricted left out`);
      if (news.papers.length) summary.news.push(news);
    }
  }
  summary.requests = http.requests;
  await staging.commit(move, remove, { ...state, sites: { ...state.sites, [site]: siteState } });
  logger.info({ ...summary, news: summary.news.length, notFetched: summary.notFetched.length, failed: summary.failed.length }, 'moderngov sync done');
  return summary;

  /** Stages one paper unless the corpus already holds this version; true when it is new or changed. */
  async function bringIn(paper: PlannedPaper): Promise<boolean> {
    if (paper.kind === 'minutes') {
      const hash = createHash('sha256').update(paper.html).update(JSON.stringify(paper.meta)).digest('hex');
      const held = siteState.minutes[paper.meta.meetingId];
      if (held && held.hash === hash) return false;
      await staging.put(paper.fileName, paper.html, paper.meta);
      if (held && held.fileName !== paper.fileName) remove.push(held.fileName);
      siteState.minutes[paper.meta.meetingId] = { hash, fileName: paper.fileName };
      move.push(paper.fileName);
      summary.minutesWritten++;
      return !held;
    }
    const held = siteState.attachments[paper.attachmentId];
    if (held && held.publishedAt === paper.meta.publishedAt) {
      summary.documentsUnchanged++;
      return false;
    }
    if (!(await staging.has(paper.fileName, paper.attachmentId, paper.meta.publishedAt))) {
      try {
        const res = await http.request(paper.url);
        if (res.status >= 400) throw new Error(`HTTP ${res.status}`);
        if (!res.body.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new Error(`not a PDF (${res.contentType || 'no content type'})`);
        await staging.put(paper.fileName, res.body, paper.meta);
        summary.documentsFetched++;
      } catch (error) {
        const reason = error instanceof HttpFailure ? error.message : (error as Error).message;
        logger.warn({ url: paper.url, err: error }, 'moderngov document not fetched');
        summary.failed.push({ title: paper.meta.title ?? paper.fileName, url: paper.url, reason });
        return false;
      }
    }
    if (held && held.fileName !== paper.fileName) remove.push(held.fileName);
    siteState.attachments[paper.attachmentId] = { publishedAt: paper.meta.publishedAt, fileName: paper.fileName };
    move.push(paper.fileName);
    return true;
  }
}

function byDate(a: MeetingSummary, b: MeetingSummary): number {
  return (a.date ?? '').localeCompare(b.date ?? '');
}

/** The committee's last meeting held before this one, from the meetings listed. */
function previousHeld(held: readonly MeetingSummary[], meeting: MeetingSummary): string | null {
  const before = held.filter((m) => m.date !== null && meeting.date !== null && m.date < meeting.date);
  return before.at(-1)?.date ?? null;
}

export { SyncSiteError };
