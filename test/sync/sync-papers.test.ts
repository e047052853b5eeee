import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncPapers, type SyncOptions } from '../../src/sync/sync-papers.js';
import { PaperMetaSchema } from '../../src/sync/paper-meta.js';
import { POLITE_HTTP, PoliteHttp } from '../../src/sync/polite-http.js';
import { userMessageOf } from '../../src/errors.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { tempDir } from '../helpers/temp-dir.js';
import { gloucesterSite, RESTRICTED_IDS } from './gloucester-site.js';
import { shared, startStubModernGov, type StubModernGov, type StubModernGovOptions } from './stub-moderngov.js';

const FAST = { pauseMs: 0, backoffMs: 5, timeoutMs: 5_000, retries: 2 };
const servers: StubModernGov[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function serve(options: StubModernGovOptions): Promise<StubModernGov> {
  const server = await startStubModernGov(options);
  servers.push(server);
  return server;
}

function gloucester(site: string, corpusDir: string, over: Partial<SyncOptions> = {}): SyncOptions {
  return { site, council: 'Gloucester City Council', corpusDir, committees: ['129'], from: '2025-11-01', to: '2025-12-31', now: new Date('2026-01-20T09:00:00Z'), logger: memoryLogger().logger, http: FAST, ...over };
}

/** The one sentence a failed sync gives the user. */
async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return userMessageOf(error);
  }
  throw new Error('the sync did not fail');
}

const papers = (dir: string): string[] => readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.meta.json')).sort();
const metaOf = (dir: string, pattern: RegExp) => {
  const name = papers(dir).find((f) => pattern.test(f));
  if (!name) throw new Error(`no paper matching ${pattern}`);
  return PaperMetaSchema.parse(JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8')));
};

describe('syncPapers against a loopback ModernGov serving real responses', () => {
  it('brings every public attachment and the inline minutes of the window into the corpus', async () => {
    const server = await serve(gloucesterSite());
    const dir = tempDir();
    const summary = await syncPapers(gloucester(server.url, dir));
    expect({ listed: summary.meetingsListed, read: summary.meetingsRead, fetched: summary.documentsFetched, minutes: summary.minutesWritten, restricted: summary.restricted, failed: summary.failed }).toEqual({ listed: 3, read: 3, fetched: 10, minutes: 1, restricted: 2, failed: [] });
    expect(papers(dir)).toHaveLength(11);
  });

  it('keeps the service metadata of a report beside it, with its url on the syncing server', async () => {
    const server = await serve(gloucesterSite());
    const dir = tempDir();
    await syncPapers(gloucester(server.url, dir));
    expect(metaOf(dir, /66202/)).toMatchObject({ council: 'Gloucester City Council', committee: 'Cabinet', meetingDate: '2025-12-10', itemNumber: '7', docType: 'report', publishedAt: '2025-12-02', url: `${server.url}/mgConvert2PDF.aspx?ID=66202`, pageLinks: true });
  });

  it('dates minutes put to a later meeting by the meeting they record', async () => {
    const server = await serve(gloucesterSite());
    const dir = tempDir();
    await syncPapers(gloucester(server.url, dir));
    expect(metaOf(dir, /66201/)).toMatchObject({ docType: 'minutes', meetingDate: '2025-11-21', approvedAtMeetingDate: '2025-12-10' });
  });

  it('writes the inline minutes as a paper linked to the meeting page, their doubly escaped text readable', async () => {
    const server = await serve(gloucesterSite());
    const dir = tempDir();
    await syncPapers(gloucester(server.url, dir));
    const name = papers(dir).find((f) => f.endsWith('_minutes.html'))!;
    expect(metaOf(dir, /_minutes\.html$/)).toMatchObject({ docType: 'minutes', meetingDate: '2025-11-21', url: `${server.url}/ieListDocuments.aspx?CId=129&MId=7837`, pageLinks: false });
    expect(readFileSync(join(dir, name), 'utf8')).toContain("<h2>5. Leader and Cabinet Members' Question Time (15 minutes)</h2>");
  });

  it('never requests a restricted document, and reports how many it left out', async () => {
    const server = await serve(gloucesterSite());
    const summary = await syncPapers(gloucester(server.url, tempDir()));
    expect({ restricted: summary.restricted, requested: server.requests.filter((r) => RESTRICTED_IDS.some((id) => r.includes(`ID=${id}`))) }).toEqual({ restricted: 2, requested: [] });
  });

  it('fetches no document again on a second sync over the same window', async () => {
    const server = await serve(gloucesterSite());
    const dir = tempDir();
    await syncPapers(gloucester(server.url, dir));
    const before = server.requests.length;
    const second = await syncPapers(gloucester(server.url, dir));
    expect({ fetched: second.documentsFetched, pdfRequests: server.requests.slice(before).filter((r) => r.includes('mgConvert2PDF')) }).toEqual({ fetched: 0, pdfRequests: [] });
  });

  it('does not read a long-past meeting again once it has been read well after it took place', async () => {
    const server = await serve(gloucesterSite());
    const dir = tempDir();
    await syncPapers(gloucester(server.url, dir, { now: new Date('2026-03-01T00:00:00Z') }));
    const before = server.requests.length;
    await syncPapers(gloucester(server.url, dir, { now: new Date('2026-03-02T00:00:00Z') }));
    expect(server.requests.slice(before).filter((r) => r.includes('GetMeeting?'))).toEqual([]);
  });

  it('names itself in the User-Agent', async () => {
    const server = await serve(gloucesterSite());
    await syncPapers(gloucester(server.url, tempDir()));
    expect(new Set(server.userAgents)).toEqual(new Set([POLITE_HTTP.userAgent]));
  });

  it('sends one request at a time to a site, with the pause between them, even when asked for several at once', async () => {
    const server = await serve(gloucesterSite());
    const http = new PoliteHttp({ ...POLITE_HTTP, ...FAST, pauseMs: 40 });
    await Promise.all(['65412', '65413', '65414', '65415'].map((id) => http.request(`${server.url}/mgConvert2PDF.aspx?ID=${id}`)));
    const gaps = server.arrivalsMs.slice(1).map((t, i) => t - server.arrivalsMs[i]!);
    expect({ maxInFlight: server.maxInFlight(), shortestGapAtLeastPause: Math.min(...gaps) >= 39 }).toEqual({ maxInFlight: 1, shortestGapAtLeastPause: true });
  });

  it('skips a cancelled meeting without reading it (Manchester)', async () => {
    const server = await serve({
      responses: { 'GetMeetings:144': shared('manchester_meetings.xml'), 'GetMeeting:4967': shared('manchester_meeting_with_minutes.xml'), 'GetMeeting:4966': shared('manchester_meeting_no_minutes.xml') },
      documents: { '60860': 'bristol-city_printed-minutes-transport-and-connectivity-policy-committee-12-september-2024.pdf', '60909': 'bristol-city_part-3-4-delegations-to-officers-january-2026.pdf' },
    });
    const dir = tempDir();
    const summary = await syncPapers({ ...gloucester(server.url, dir), council: 'Manchester City Council', committees: ['144'], from: '2026-01-01', to: '2026-02-28' });
    expect({ cancelled: summary.meetingsCancelled, read: summary.meetingsRead, requested: server.requests.filter((r) => r.includes('lMeetingId=4966')) }).toEqual({ cancelled: 1, read: 1, requested: [] });
    expect(metaOf(dir, /60860/)).toMatchObject({ committee: 'Audit Committee', docType: 'minutes', meetingDate: '2025-11-25', approvedAtMeetingDate: '2026-02-10' });
  });

  it('lists all current committees when none are given, skipping deleted and expired ones', async () => {
    const server = await serve({ responses: { GetCommittees: shared('manchester_committees.xml'), GetMeetings: '<?xml version="1.0"?><getmeetings><meetingscount>0</meetingscount></getmeetings>' }, documents: {} });
    const summary = await syncPapers({ ...gloucester(server.url, tempDir()), committees: [] });
    expect(server.requests.filter((r) => r.includes('GetMeetings')).map((r) => /lCommitteeId=(\d+)/.exec(r)?.[1])).toEqual(['163', '144']);
    expect(summary.committees).toBe(2);
  });

  it('speaks SOAP 1.1 to a site that refuses GET', async () => {
    const server = await serve({ ...gloucesterSite(), soapOnly: true });
    const summary = await syncPapers(gloucester(server.url, tempDir()));
    expect({ fetched: summary.documentsFetched, soapCalls: server.requests.filter((r) => r.startsWith('POST /mgWebService.asmx "http://moderngov.co.uk/namespaces/GetMeeting"')).length }).toEqual({ fetched: 10, soapCalls: 3 });
  });
});

describe('syncPapers against a broken site', () => {
  it('gives up after bounded retries on a server that answers 500, with one sentence naming the site', async () => {
    const server = await serve({ ...gloucesterSite(), misbehave: () => 'error-500' });
    const dir = tempDir();
    const message = await failure(syncPapers(gloucester(server.url, dir)));
    expect({ message, requests: server.requests.length, papers: papers(dir) }).toEqual({
      message: `The ModernGov site ${server.url} answered GetMeetings with an error (HTTP 500); check that the address is the site's root (the part before /mgWebService.asmx) and try again later.`,
      requests: 3,
      papers: [],
    });
  });

  it('times out on a server that hangs', async () => {
    const server = await serve({ ...gloucesterSite(), misbehave: () => 'hang' });
    const message = await failure(syncPapers(gloucester(server.url, tempDir(), { http: { ...FAST, timeoutMs: 150, retries: 1 } })));
    expect(message).toBe(`The ModernGov site ${server.url} could not be reached (no answer within 150 ms); check the address and this server's network access to it.`);
  });

  it('says so when the site answers with a login page instead of XML', async () => {
    const server = await serve({ ...gloucesterSite(), misbehave: () => 'login-page' });
    const message = await failure(syncPapers(gloucester(server.url, tempDir())));
    expect(message).toBe(`The ModernGov site ${server.url} answered with a web page instead of the web service's XML (a login or firewall page?); check that its web service is open to this server.`);
  });

  it('leaves the corpus untouched when a sync fails half-way, and the next sync resumes without fetching again', async () => {
    let failing = true;
    const server = await serve({ ...gloucesterSite(), misbehave: (path) => (failing && path.endsWith('/GetMeeting') && server.requests.at(-1)!.includes('7610') ? 'error-500' : 'ok') });
    const dir = tempDir();
    await syncPapers(gloucester(server.url, dir)).catch(() => undefined);
    expect({ papers: papers(dir), state: existsSync(join(dir, '.moderngov-sync.json')) }).toEqual({ papers: [], state: false });
    failing = false;
    const before = server.requests.length;
    await syncPapers(gloucester(server.url, dir));
    expect(server.requests.slice(before).filter((r) => r.includes('mgConvert2PDF')).map((r) => /ID=(\d+)/.exec(r)![1])).toEqual(['66201', '66202']);
  });
});
