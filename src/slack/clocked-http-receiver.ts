import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, HTTPReceiver, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { checkSlackSignature } from './check-slack-signature.js';

export interface ClockedHttpReceiverOptions {
  signingSecret: string;
  logger: BoltLogger;
  /** The clock the timestamp window is checked against. */
  now: () => Date;
  maxSkewSec?: number;
  /** Largest request body accepted; Slack's payloads are far smaller. */
  bodyLimitBytes?: number;
  endpoint?: string;
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const reply = (res: ServerResponse, status: number): void => {
  res.writeHead(status);
  res.end();
};

/**
 * Bolt's HTTPReceiver behind a gate that verifies every request with an injected clock, refusing
 * timestamps more than 5 minutes from now in either direction (Bolt accepts future ones). Verified
 * requests go on to the HTTPReceiver, which acknowledges and dispatches as usual; it only carries
 * transport, the app does the rest.
 */
export class ClockedHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server: Server | undefined;

  constructor(private readonly options: ClockedHttpReceiverOptions) {
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      // Verified here, with the injected clock, before the request reaches it.
      signatureVerification: false,
      logger: options.logger,
      endpoints: options.endpoint ?? '/slack/events',
      customPropertiesExtractor: () => ({ requestId: randomUUID(), receivedAt: performance.now() }),
    });
  }

  init(app: App): void {
    this.inner.init(app);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== (this.options.endpoint ?? '/slack/events')) return reply(res, 404);
    const body = await readBody(req, this.options.bodyLimitBytes ?? 1_000_000);
    if (!body) return reply(res, 413);
    const rawBody = body.toString('utf8');
    // Slack's SSL check is unsigned; answer it here so that no unsigned payload reaches the app.
    if (/(^|&)ssl_check=1(&|$)/.test(rawBody) && String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return reply(res, 200);
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    const check = checkSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature: header('x-slack-signature'),
      timestamp: header('x-slack-request-timestamp'),
      nowMs: this.options.now().getTime(),
      maxSkewSec: this.options.maxSkewSec,
    });
    if (!check.ok) {
      this.options.logger.warn(`Rejected a request to ${path}: ${check.reason}`);
      return reply(res, 401);
    }
    // HTTPReceiver reuses an already-read body (`rawBody`) instead of reading the stream again.
    this.inner.requestListener(Object.assign(req, { rawBody: body }), res);
  }

  /** Listens on `port` (0 for any free port) and `host`; resolves with the server. */
  start(port: number, host?: string): Promise<Server> {
    if (this.server) return Promise.reject(new Error('The receiver is already started.'));
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.logger.error('Failed to handle an HTTP request', error);
        if (!res.headersSent) reply(res, 500);
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  }

  /** The port the server listens on, once started. */
  get port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : null;
  }
}
