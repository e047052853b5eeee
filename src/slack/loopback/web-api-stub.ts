import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the stub received: a Web API method, or a post to a response_url. */
export interface RecordedCall {
  kind: 'api' | 'response';
  /** Web API method ("chat.postMessage") or the response_url id. */
  method: string;
  body: Record<string, unknown>;
  status: number;
  /** What the stub answered. */
  response: unknown;
  atMs: number;
}

export interface StubFailure {
  status: number;
  headers?: Record<string, string>;
  /** A Slack-style `{ ok: false, error }` body for status 200 failures. */
  body?: unknown;
}

/** A local stand-in for Slack's Web API and response_urls that records every call. */
export interface WebApiStub {
  /** Base for the WebClient's `slackApiUrl` (with the trailing slash it needs). */
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Answers the next `times` calls of `method` with `failure` (e.g. 429 with Retry-After). */
  failNext(method: string, failure: StubFailure, times?: number): void;
  /** Resolves with the first recorded call (past or future) matching `predicate`. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The WebClient form-encodes objects (blocks, view) as JSON strings.
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function answerFor(method: string, body: Record<string, unknown>, ts: string): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0TEAM', user: 'committee-assistant', team: 'Council' };
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts, message: { text: body.text, ts } };
    case 'chat.update':
      return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts };
    case 'views.open':
      return { ok: true, view: { id: `V${ts.replace('.', '')}` } };
    default:
      return { ok: true };
  }
}

/** Starts the stub on 127.0.0.1 at a free port. */
export async function startWebApiStub(): Promise<WebApiStub> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, StubFailure[]>();
  const waiters: Array<{ predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  let counter = 0;
  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.predicate(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const kind = path.startsWith('/response/') ? 'response' : 'api';
    const method = path.replace(/^\/(api|response)\//, '');
    const failure = failures.get(method)?.shift();
    const status = failure?.status ?? 200;
    counter += 1;
    const response = failure ? (failure.body ?? { ok: false, error: 'ratelimited' }) : kind === 'response' ? { ok: true } : answerFor(method, body, `1700000000.${String(counter).padStart(6, '0')}`);
    record({ kind, method, body, status, response, atMs: performance.now() });
    res.writeHead(status, { 'content-type': 'application/json', ...failure?.headers });
    res.end(JSON.stringify(response));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    waitFor(predicate, timeoutMs = 5_000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (c: RecordedCall) => (clearTimeout(timer), resolve(c)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching call within ${timeoutMs} ms; calls so far: ${calls.map((c) => `${c.kind}:${c.method}`).join(', ')}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
