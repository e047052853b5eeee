import { describe, expect, it } from 'vitest';
import { checkSlackSignature } from '../../src/slack/check-slack-signature.js';
import { signSlackRequest } from '../../src/slack/loopback/sign-request.js';
import { PUBLISHED } from './helpers/published-example.js';

const check = (over: Partial<Parameters<typeof checkSlackSignature>[0]> = {}) =>
  checkSlackSignature({
    signingSecret: PUBLISHED.secret,
    rawBody: PUBLISHED.body,
    signature: PUBLISHED.signature,
    timestamp: PUBLISHED.timestamp,
    nowMs: Number(PUBLISHED.timestamp) * 1000,
    ...over,
  });

describe('checkSlackSignature', () => {
  it("accepts Slack's published example, and our signer produces its signature", () => {
    expect(check()).toEqual({ ok: true });
    expect(signSlackRequest(PUBLISHED.secret, PUBLISHED.body, Number(PUBLISHED.timestamp))['x-slack-signature']).toBe(PUBLISHED.signature);
  });

  it('refuses a changed body, a wrong secret and missing headers', () => {
    expect(check({ rawBody: PUBLISHED.body.replace('text=', 'text=x') })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(check({ signingSecret: 'another-secret' }).ok).toBe(false);
    expect(check({ signature: undefined }).ok).toBe(false);
    expect(check({ timestamp: 'yesterday' }).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes away in either direction, by the clock it is given', () => {
    const at = Number(PUBLISHED.timestamp) * 1000;
    expect(check({ nowMs: at + 300_000 }).ok).toBe(true);
    expect(check({ nowMs: at + 301_000 })).toEqual({ ok: false, reason: 'timestamp outside the allowed window' });
    expect(check({ nowMs: at - 300_000 }).ok).toBe(true);
    expect(check({ nowMs: at - 301_000 }).ok).toBe(false);
    expect(check({ nowMs: at - 3_600_000 }).ok).toBe(false);
  });
});
