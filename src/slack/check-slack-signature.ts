import { verifySlackRequest } from '@slack/bolt';

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a request's `X-Slack-Signature` (HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing
 * secret) and its timestamp, which must be within `maxSkewSec` of `nowMs` in either direction. Bolt's
 * own check rejects only stale requests; a far-future timestamp would let a captured request be
 * replayed later, so both directions are refused here. The clock is a parameter.
 */
export function checkSlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
  maxSkewSec?: number;
}): SignatureCheck {
  const maxSkewSec = input.maxSkewSec ?? 300;
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const timestampSec = Number(input.timestamp);
  if (Math.abs(input.nowMs / 1000 - timestampSec) > maxSkewSec) return { ok: false, reason: 'timestamp outside the allowed window' };
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { 'x-slack-signature': input.signature, 'x-slack-request-timestamp': timestampSec },
      nowMilliseconds: input.nowMs,
    });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'signature mismatch' };
  }
}
