/** How the sync treats a council's server. */
export const POLITE_HTTP = {
  /** Wait between two requests to the same site, so a sync never loads a council's server. */
  pauseMs: 500,
  /** A request that has not answered by then is given up (a hung server must not stall the sync). */
  timeoutMs: 30_000,
  /** Attempts after the first for timeouts, refused connections, 429 and 5xx. */
  retries: 2,
  /** First wait before a retry; doubled each time. */
  backoffMs: 1_000,
  /** The assistant names itself, so the council's web team can see who is calling. */
  userAgent: 'CommitteeAssistant/0.1 (council committee papers assistant; ModernGov sync)',
} as const;

export type PoliteHttpSettings = { -readonly [K in keyof typeof POLITE_HTTP]: (typeof POLITE_HTTP)[K] extends string ? string : number };

export interface HttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** What went wrong with a request after its retries: the server's status, or no answer at all. */
export class HttpFailure extends Error {
  constructor(readonly url: string, readonly status: number | null, detail: string, options: { cause?: unknown } = {}) {
    super(detail, options);
    this.name = 'HttpFailure';
  }
}

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One site's requests, one at a time with a pause between them, each with a timeout and bounded
 * retries with backoff. Every request of a sync to a site goes through one instance.
 */
export class PoliteHttp {
  private queue: Promise<unknown> = Promise.resolve();
  private lastAt = 0;
  /** Requests sent (including retries), for the summary and the tests. */
  requests = 0;

  constructor(
    private readonly settings: PoliteHttpSettings = { ...POLITE_HTTP },
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Sends a request in turn; resolves with any HTTP answer, throws HttpFailure only when none came. */
  request(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<HttpResponse> {
    const run = this.queue.then(() => this.withRetries(url, init));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withRetries(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<HttpResponse> {
    let lastError: HttpFailure | null = null;
    for (let attempt = 0; attempt <= this.settings.retries; attempt++) {
      if (attempt > 0) await this.sleep(this.settings.backoffMs * 2 ** (attempt - 1));
      const wait = this.lastAt + this.settings.pauseMs - Date.now();
      if (this.lastAt && wait > 0) await this.sleep(wait);
      this.requests++;
      try {
        const res = await this.once(url, init);
        if (res.status !== 429 && res.status < 500) return res;
        lastError = new HttpFailure(url, res.status, `HTTP ${res.status}`);
        if (attempt === this.settings.retries) return res;
      } catch (error) {
        lastError = error instanceof HttpFailure ? error : new HttpFailure(url, null, (error as Error).message, { cause: error });
      } finally {
        this.lastAt = Date.now();
      }
    }
    throw lastError ?? new HttpFailure(url, null, 'no answer');
  }

  private async once(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<HttpResponse> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      const res = await fetch(url, {
        method: init.method ?? 'GET',
        headers: { 'user-agent': this.settings.userAgent, ...init.headers },
        body: init.body,
        redirect: 'follow',
        signal,
      });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
    } catch (error) {
      const timedOut = signal.aborted;
      throw new HttpFailure(url, null, timedOut ? `no answer within ${this.settings.timeoutMs} ms` : describeNetworkError(error), { cause: error });
    }
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
