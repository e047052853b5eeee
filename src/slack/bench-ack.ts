import type { Assistant } from '../assistant.js';
import { PENDING_TEXT } from './deliver-answer.js';
import { startBenchSlack } from './loopback/bench-slack.js';
import { postSigned, slashCommandBody } from './loopback/sign-request.js';

export interface AckLatency {
  p50Ms: number;
  p99Ms: number;
}

const QUESTIONS = [
  'What was the annual internal audit opinion?',
  'How many limited assurance reports were there?',
  'Who is the Head of Internal Audit?',
  'What did the committee resolve about the external audit plan?',
];
const SECRET = 'bench-signing-secret';

function percentiles(samples: number[]): AckLatency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => Number((sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(2));
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

/**
 * Starts the real Slack app on loopback (HTTP mode, port 0) with a local Web API stub, sends `n`
 * signed `/deadline` and `n` signed `/ask` commands one after another, and measures the time until
 * each is acknowledged (the HTTP response Slack waits at most 3 s for). Quick answers are the
 * acknowledgement itself, so this is the time an officer waits for the first reply.
 */
export async function benchSlashAck(assistant: Assistant, n: number): Promise<AckLatency & { deadline: AckLatency; ask: AckLatency }> {
  const { stub, url, stop } = await startBenchSlack(assistant, SECRET, 4 * n + 100);
  let pending = 0;
  const send = async (command: string, text: string, i: number): Promise<number> => {
    const body = slashCommandBody({ command, text, responseUrl: stub.responseUrl(`${command.slice(1)}-${i}`), userId: `U${i % 50}` });
    const res = await postSigned(url, { signingSecret: SECRET, body, timestampSec: Math.floor(Date.now() / 1000) });
    if (res.status !== 200) throw new Error(`${command} was not acknowledged: HTTP ${res.status}`);
    if (res.text.includes(PENDING_TEXT)) pending += 1;
    return res.ms;
  };
  try {
    for (let i = 0; i < 3; i++) {
      await send('/deadline', 'foi 21/12/2026', -1 - i);
      await send('/ask', QUESTIONS[i % QUESTIONS.length]!, -1 - i);
    }
    const deadline: number[] = [];
    const ask: number[] = [];
    for (let i = 0; i < n; i++) deadline.push(await send('/deadline', `foi ${1 + (i % 28)}/3/2027`, i));
    for (let i = 0; i < n; i++) ask.push(await send('/ask', QUESTIONS[i % QUESTIONS.length]!, i));
    // Slow answers are still being delivered through response_url; let them land before stopping.
    const delivered = () => stub.calls.filter((c) => c.kind === 'response' && c.body.delete_original !== true).length;
    const until = performance.now() + 30_000;
    while (delivered() < pending && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    return { ...percentiles([...deadline, ...ask]), deadline: percentiles(deadline), ask: percentiles(ask) };
  } finally {
    await stop();
  }
}
