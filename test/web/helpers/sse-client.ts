import type { PageEvent } from '../../../src/web/conversation.js';

/** A Server-Sent Events reader for tests: every event the page server pushes, parsed. */
export interface SseClient {
  events: PageEvent[];
  /** Resolves with the first event (past or future) matching `predicate`. */
  waitFor<T extends PageEvent = PageEvent>(predicate: (event: PageEvent) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function connectSse(url: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`SSE connection failed: HTTP ${res.status}`);
  const events: PageEvent[] = [];
  const waiters = new Set<{ predicate: (e: PageEvent) => boolean; resolve: (e: PageEvent) => void }>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = chunk.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const event = JSON.parse(data) as PageEvent;
          events.push(event);
          for (const w of [...waiters]) if (w.predicate(event)) (waiters.delete(w), w.resolve(event));
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    waitFor<T extends PageEvent>(predicate: (event: PageEvent) => boolean, timeoutMs = 10_000): Promise<T> {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found as T);
      return new Promise<T>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (e: PageEvent) => {
            clearTimeout(timer);
            resolve(e as T);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching event within ${timeoutMs} ms; events so far: ${JSON.stringify(events).slice(0, 2_000)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => abort.abort(),
  };
}
