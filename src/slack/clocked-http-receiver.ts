import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, HTTPModuleFunctions, HTTPResponseAck, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { checkSlackSignature } from './check-slack-signature.js';
import { readSlackBody } from './read-slack-body.js';
import { RecentKeys } from './state/recent-keys.js';

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

/** Signatures remembered to refuse replays: a signature is valid while its timestamp is in the window either side of now. */
const REPLAY_MEMORY = { maxSignatures: 100_000 } as const;

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
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
};

/**
 * The HTTP transport: verifies every request with an injected clock (timestamps more than 5 minutes
 * from now in either direction are refused; Bolt accepts future ones), refuses a signature already
 * seen (a replayed capture), parses the body and refuses anything that is not an object, then hands
 * the event to the app and answers with its acknowledgement. It is the transport's error boundary:
 * whatever is thrown while a request is handled ends in an error status and a log line, never in an
 * unhandled rejection. It only carries transport; the app does the rest.
 */
export class ClockedHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly seenSignatures: RecentKeys;

  constructor(private readonly options: ClockedHttpReceiverOptions) {
    const windowMs = (options.maxSkewSec ?? 300) * 1000;
    this.seenSignatures = new RecentKeys({ max: REPLAY_MEMORY.maxSignatures, ttlMs: 2 * windowMs, now: options.now });
  }

  init(app: App): void {
    this.app = app;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== (this.options.endpoint ?? '/slack/events')) return reply(res, 404);
    const receivedAt = performance.now();
    const body = await readBody(req, this.options.bodyLimitBytes ?? 1_000_000);
    if (!body) {
      logger.warn(`Rejected a request to ${path}: body larger than allowed`);
      return reply(res, 413);
    }
    const rawBody = body.toString('utf8');
    const contentType = typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : undefined;
    // Slack's SSL check is unsigned; answer it here so that no unsigned payload reaches the app.
    if (/(^|&)ssl_check=1(&|$)/.test(rawBody) && String(contentType).startsWith('application/x-www-form-urlencoded')) return reply(res, 200);
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    const signature = header('x-slack-signature');
    const check = checkSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature,
      timestamp: header('x-slack-request-timestamp'),
      nowMs: this.options.now().getTime(),
      maxSkewSec: this.options.maxSkewSec,
    });
    if (!check.ok) {
      logger.warn(`Rejected a request to ${path}: ${check.reason}`);
      return reply(res, 401);
    }
    const read = readSlackBody(rawBody, contentType);
    if (!read.ok) {
      logger.warn(`Rejected a malformed request to ${path}: ${read.reason}`);
      return reply(res, 400);
    }
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    // Slack signs each retry of an event afresh, but a retry may carry the same timestamp; the event id de-duplicates those.
    const replayKey = read.body.type === 'event_callback' ? `${signature}|${retryNum ?? 0}` : String(signature);
    if (!this.seenSignatures.firstTime(replayKey)) {
      logger.warn(`Rejected a request to ${path}: replayed signature`);
      return reply(res, 401);
    }
    if (read.body.type === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(res, read.body);
    await this.dispatch(req, res, read.body, { retryNum, receivedAt });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, meta: { retryNum?: number; receivedAt: number }): Promise<void> {
    const ack = new HTTPResponseAck({ logger: this.options.logger, processBeforeResponse: false, httpRequest: req, httpRequestBody: body, httpResponse: res });
    try {
      if (!this.app) throw new Error('The receiver has no app.');
      await this.app.processEvent({
        body,
        ack: ack.bind(),
        retryNum: meta.retryNum,
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        customProperties: { requestId: randomUUID(), receivedAt: meta.receivedAt },
      });
    } catch (error) {
      const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.options.logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acknowledged) ack.ack();
    }
  }

  /** Listens on `port` (0 for any free port) and `host`; resolves with the server. */
  start(port: number, host?: string): Promise<Server> {
    if (this.server) return Promise.reject(new Error('The receiver is already started.'));
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.logger.error('Failed to handle an HTTP request', error);
        reply(res, 500);
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
