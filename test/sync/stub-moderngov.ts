import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The real responses captured from councils' ModernGov servers (see ../shared/moderngov/README.md). */
export const MODERNGOV_DIR = '../shared/moderngov';
export const PDF_DIR = '../shared/councils/pdf';

export const shared = (file: string): string => readFileSync(`${MODERNGOV_DIR}/${file}`, 'utf8');

/** How the stub misbehaves for a request, to test the sync against broken sites. */
export type Misbehaviour = 'ok' | 'error-500' | 'hang' | 'login-page';

export interface StubModernGovOptions {
  /** Response bodies by "Operation" or "Operation:parameter value" (e.g. "GetMeeting:7837"). */
  responses: Record<string, string>;
  /** PDF files served for mgConvert2PDF.aspx?ID=…, by attachment id. */
  documents: Record<string, string>;
  /** Answer GET with the .asmx "Request format is unrecognized" error, as installs that only speak SOAP do. */
  soapOnly?: boolean;
  misbehave?: (path: string, n: number) => Misbehaviour;
}

export interface StubModernGov {
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  userAgents: string[];
  /** The most requests the stub was answering at once, and when each arrived. */
  maxInFlight(): number;
  arrivalsMs: number[];
  close(): Promise<void>;
}

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to continue</form></body></html>';

function soapWrap(operation: string, xml: string): string {
  const inner = xml.replace(/^\s*<\?xml[^>]*>\s*/, '');
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><${operation}Response xmlns="http://moderngov.co.uk/namespaces"><${operation}Result>${inner}</${operation}Result></${operation}Response></soap:Body></soap:Envelope>`;
}

/**
 * A loopback ModernGov web service: serves the captured XML with the council's host rewritten to
 * itself (so documents are fetched from it), GET or SOAP 1.1, and PDFs for the attachments.
 */
export async function startStubModernGov(options: StubModernGovOptions, port = 0): Promise<StubModernGov> {
  const requests: string[] = [];
  const userAgents: string[] = [];
  const arrivalsMs: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let base = '';
  const rewrite = (xml: string): string => xml.replace(/https?:\/\/democracy\.[A-Za-z.-]+/g, base);
  const lookup = (operation: string, param: string | null): string | undefined =>
    (param !== null ? options.responses[`${operation}:${param}`] : undefined) ?? options.responses[operation];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    let body = '';
    for await (const chunk of req) body += String(chunk);
    requests.push(`${req.method} ${url.pathname}${url.search}${req.headers.soapaction ? ` ${req.headers.soapaction}` : ''}`);
    userAgents.push(String(req.headers['user-agent'] ?? ''));
    const how = options.misbehave?.(url.pathname, requests.length) ?? 'ok';
    if (how === 'hang') return; // never answers
    if (how === 'error-500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Server Error');
    if (how === 'login-page') return void res.writeHead(200, { 'content-type': 'text/html' }).end(LOGIN_PAGE);

    if (url.pathname === '/mgConvert2PDF.aspx') {
      const file = options.documents[url.searchParams.get('ID') ?? ''];
      if (!file) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
      return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(`${PDF_DIR}/${file}`));
    }
    const get = /^\/mgWebService\.asmx\/(\w+)$/.exec(url.pathname);
    if (get && req.method === 'GET') {
      if (options.soapOnly) {
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end(`Request format is unrecognized for URL unexpectedly ending in '/${get[1]}'.`);
      }
      const param = url.searchParams.get('lMeetingId') ?? url.searchParams.get('lCommitteeId') ?? url.searchParams.get('lAttachmentId');
      const xml = lookup(get[1]!, param);
      if (!xml) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('no fixture');
      return void res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(rewrite(xml));
    }
    if (url.pathname === '/mgWebService.asmx' && req.method === 'POST') {
      const operation = /moderngov\.co\.uk\/namespaces\/(\w+)/.exec(String(req.headers.soapaction ?? ''))?.[1];
      const param = /<(?:lMeetingId|lCommitteeId|lAttachmentId)>([^<]*)</.exec(body)?.[1] ?? null;
      const xml = operation ? lookup(operation, param) : undefined;
      if (!operation || !xml || !body.includes('http://schemas.xmlsoap.org/soap/envelope/')) return void res.writeHead(500).end('bad SOAP request');
      return void res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(soapWrap(operation, rewrite(xml)));
    }
    res.writeHead(404).end();
  };

  const server = createServer((req, res) => {
    arrivalsMs.push(performance.now());
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.once('close', () => inFlight--);
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    userAgents,
    maxInFlight: () => maxInFlight,
    arrivalsMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
