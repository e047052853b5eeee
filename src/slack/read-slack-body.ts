/** A Slack request body as the app needs it: an object (event, command or interaction payload). */
export type SlackBody = Record<string, unknown>;

export type BodyRead = { ok: true; body: SlackBody } | { ok: false; reason: string };

const isObject = (value: unknown): value is SlackBody => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonObject(text: string, what: string): BodyRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${what} is not valid JSON` };
  }
  return isObject(value) ? { ok: true, body: value } : { ok: false, reason: `${what} is not a JSON object` };
}

/**
 * Parses a verified request body the way Slack sends it: JSON (events), a form (slash commands), or a
 * form whose `payload` field holds JSON (buttons, modals). Anything that is not an object, such as the
 * JSON `null` or `payload=null`, is refused here, before any listener can trip over it.
 */
export function readSlackBody(rawBody: string, contentType: string | undefined): BodyRead {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    if (payload !== null) return parseJsonObject(payload, 'the payload field');
    const fields: SlackBody = {};
    for (const [key, value] of form) fields[key] = value;
    return Object.keys(fields).length ? { ok: true, body: fields } : { ok: false, reason: 'the form is empty' };
  }
  return parseJsonObject(rawBody, 'the body');
}
