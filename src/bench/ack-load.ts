import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Assistant } from '../assistant.js';
import { PENDING_TEXT } from '../slack/deliver-answer.js';
import { startBenchSlack } from '../slack/loopback/bench-slack.js';
import { postSigned, slashCommandBody } from '../slack/loopback/sign-request.js';

const SECRET = 'bench-load-signing-secret';
const QUESTIONS = [
  'What was the annual internal audit opinion?',
  'How many limited assurance reports were there?',
  'Who is the Head of Internal Audit?',
  'What did the committee resolve about the external audit plan?',
  'What are the main risks in the strategic risk register?',
  'How long must RIPA records be kept?',
];

export interface AckLoadReport {
  requests: number;
  ackMs: { p50: number; p95: number; max: number };
  over3s: number;
  /** Acknowledged with "Looking through the committee papers…" (the answer followed by response_url). */
  placeholders: number;
  answeredMs: { p50: number; max: number };
  /** The main thread's event-loop delay while answering (monitorEventLoopDelay, 10 ms resolution). */
  loopDelayMs: { p50: number; p99: number; max: number };
}

const pct = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(1));
};

/**
 * Sends `concurrent` signed `/ask` commands at once to the real Slack app on loopback and measures
 * when each is acknowledged, when its answer arrives, and how long the main event loop was blocked.
 */
export async function benchAckLoad(assistant: Assistant, concurrent: number): Promise<AckLoadReport> {
  const { stub, url, stop } = await startBenchSlack(assistant, SECRET, concurrent + 10);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    loop.enable();
    const started = performance.now();
    const acks = await Promise.all(
      Array.from({ length: concurrent }, async (_, i) => {
        const body = slashCommandBody({ command: '/ask', text: QUESTIONS[i % QUESTIONS.length]!, responseUrl: stub.responseUrl(`load-${i}`), userId: `U${i}` });
        const res = await postSigned(url, { signingSecret: SECRET, body, timestampSec: Math.floor(Date.now() / 1000) });
        if (res.status !== 200) throw new Error(`/ask was not acknowledged: HTTP ${res.status}`);
        return { ms: res.ms, pending: res.text.includes(PENDING_TEXT), at: performance.now() - started };
      }),
    );
    const placeholders = acks.filter((a) => a.pending).length;
    const answered: number[] = acks.filter((a) => !a.pending).map((a) => a.at);
    const until = performance.now() + 120_000;
    const delivered = () => stub.calls.filter((c) => c.kind === 'response' && c.body.delete_original !== true && Array.isArray(c.body.blocks));
    while (delivered().length < placeholders && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    for (const c of delivered()) answered.push(c.atMs - started);
    loop.disable();
    const ackMs = acks.map((a) => a.ms);
    const ns = (v: number): number => Number((v / 1e6).toFixed(1));
    return {
      requests: concurrent,
      ackMs: { p50: pct(ackMs, 0.5), p95: pct(ackMs, 0.95), max: pct(ackMs, 1) },
      over3s: ackMs.filter((m) => m > 3_000).length,
      placeholders,
      answeredMs: { p50: pct(answered, 0.5), max: pct(answered, 1) },
      loopDelayMs: { p50: ns(loop.percentile(50)), p99: ns(loop.percentile(99)), max: ns(loop.max) },
    };
  } finally {
    await stop();
  }
}
