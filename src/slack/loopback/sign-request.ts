import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`) in hex. */
export function signSlackRequest(signingSecret: string, rawBody: string, timestampSec: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestampSec) };
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(fields: { command: string; text: string; userId?: string; channelId?: string; teamId?: string; responseUrl: string; triggerId?: string }): string {
  return new URLSearchParams({
    token: 'unused-verification-token',
    team_id: fields.teamId ?? 'T0TEAM',
    team_domain: 'council',
    channel_id: fields.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.userId ?? 'U0OFFICER',
    user_name: 'officer',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0APP',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? '1.2.3',
  }).toString();
}

/** An interaction payload (block_actions, view_submission) as Slack posts it: form field `payload` holding JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SignedResponse {
  status: number;
  text: string;
  /** Time from sending the request to having the whole response. */
  ms: number;
}

/** Posts a correctly signed request to a Slack app's endpoint. */
export async function postSigned(
  url: string,
  input: { signingSecret: string; body: string; timestampSec: number; contentType?: string; headers?: Record<string, string> },
): Promise<SignedResponse> {
  const contentType = input.contentType ?? (input.body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    body: input.body,
    headers: { 'content-type': contentType, ...signSlackRequest(input.signingSecret, input.body, input.timestampSec), ...input.headers },
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}
