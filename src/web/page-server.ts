import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { PageEvent } from './conversation.js';
import { parseApiArguments, readBody, sendJson } from './http-io.js';
import type { ResponseUrls } from './response-urls.js';
import type { SseHub } from './sse-hub.js';
import { serveStatic } from './static-files.js';
import type { ApiReply, WebApiFake } from './web-api-fake.js';

export interface PageServerDeps {
  hub: SseHub;
  /** The whole conversation, sent first on every new event stream. */
  snapshot(): PageEvent;
  webApi: WebApiFake;
  responseUrls: ResponseUrls;
  browserApi(route: string, input: unknown): Promise<ApiReply>;
  /** Host names the page answers to; null for any (when serving on every interface). */
  hostNames: ReadonlySet<string> | null;
  logger: Logger;
}

const hostName = (header: string | undefined): string => (header ?? '').replace(/:\d+$/, '').toLowerCase();

/** The host name of an Origin header; null when absent, '' when unreadable (such as "null"). */
function originHost(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return hostName(new URL(origin).host);
  } catch {
    return '';
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The page's HTTP server. For the browser: `GET /` and the page's files, `GET /events` (Server-Sent
 * Events) and `POST /ui/{send,action,view-submit,view-closed}`. For the Slack app: `POST /api/METHOD`
 * (the Web API) and `POST /response/ID` (response_urls).
 */
export function createPageServer(deps: PageServerDeps): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) gets nothing.
    if (deps.hostNames && !deps.hostNames.has(hostName(req.headers.host))) return sendJson(res, 421, { ok: false, error: 'wrong_host' });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/events') return deps.hub.add(res, deps.snapshot());
    if (method === 'GET' || method === 'HEAD') return serveStatic(path, res);
    if (method !== 'POST') return sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    const raw = await readBody(req);
    if (raw === null) return sendJson(res, 413, { ok: false, error: 'too_large' });
    const type = req.headers['content-type'];
    if (path.startsWith('/api/')) {
      const reply = deps.webApi.call(path.slice('/api/'.length), parseApiArguments(raw, type), req.headers.authorization);
      return sendJson(res, reply.status, reply.body);
    }
    if (path.startsWith('/response/')) {
      const body = parseJson(raw);
      const reply = await deps.responseUrls.post(path.slice('/response/'.length), body && typeof body === 'object' ? (body as Record<string, unknown>) : {});
      return sendJson(res, reply.status, reply.body);
    }
    if (path.startsWith('/ui/')) {
      // JSON only, and from this page: a form on another site cannot send it without a CORS preflight.
      const origin = originHost(req.headers.origin);
      if (!String(type).startsWith('application/json') || (origin !== null && origin !== hostName(req.headers.host))) {
        return sendJson(res, 403, { ok: false, error: 'forbidden' });
      }
      const reply = await deps.browserApi(path.slice('/ui/'.length), parseJson(raw));
      return sendJson(res, reply.status, reply.body);
    }
    return sendJson(res, 404, { ok: false, error: 'not_found' });
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.logger.error({ err: error, url: req.url }, 'local page request failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      else res.end();
    });
  });
}
