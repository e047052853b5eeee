import type { ServerResponse } from 'node:http';
import type { PageEvent } from './conversation.js';

/** Open Server-Sent Events streams to the page; each event is one JSON `data:` line. */
export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    // A comment line now and then keeps proxies and the browser from closing an idle stream.
    this.heartbeat = setInterval(() => {
      for (const res of this.clients) res.write(': keep-alive\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts a stream on `res`, sending `first` (the whole conversation) before any later event. */
  add(res: ServerResponse, first: PageEvent): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    this.write(res, first);
  }

  publish(event: PageEvent): void {
    for (const res of this.clients) this.write(res, event);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(res: ServerResponse, event: PageEvent): void {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  }
}
