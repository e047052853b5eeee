/**
 * Slack mrkdwn needs only these three escaped (docs.slack.dev, "Formatting text for app surfaces").
 * This is the one escaping place: every string from a document, a model or a user that goes to Slack
 * (blocks, a message's top-level `text`, modals, ephemeral and response_url posts) passes through it,
 * so that `<!channel>`, `<@U…>` or `<https://…|label>` in a passage is shown as text, never acted on.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The answer's markdown (**bold**, __italic__) as Slack mrkdwn, escaped. */
export function markdownToMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '*$1*')
    .replace(/__(?=\S)([^\n]*?\S)__/g, '_$1_');
}

/** The answer's markdown as plain text, for notifications and the message `text` fallback. Not escaped: see messageText. */
export function markdownToPlain(text: string): string {
  return text.replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '$1').replace(/__(?=\S)([^\n]*?\S)__/g, '$1');
}

/** A message's top-level `text` (notification and fallback) from markdown: plain, escaped, within `max`. */
export function messageText(markdown: string, max: number): string {
  return truncate(escapeMrkdwn(markdownToPlain(markdown)), max);
}

/** Where a cut at `at` would not split a UTF-16 surrogate pair or a mrkdwn entity such as `&amp;`. */
function safeCut(text: string, at: number): number {
  let cut = at;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 5) {
    const entity = /^&(amp|lt|gt);/.exec(text.slice(amp, amp + 5));
    if (entity && amp + entity[0].length > cut) cut = amp;
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(1, cut);
}

/** `text` cut to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
}

/** Break points, best first, with how many matched characters stay on the left of the cut. */
const BREAKS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\n\s*\n/g, 0],
  [/\n/g, 0],
  [/[.!?;:]\s/g, 1],
  [/\s/g, 0],
];

/**
 * Splits text into parts of at most `max` characters, preferring paragraph breaks, then line breaks,
 * then sentence ends, then spaces; cuts mid-word only when a single word is longer than `max`.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const floor = Math.floor(max / 3);
    let cut = -1;
    for (const [pattern, keep] of BREAKS) {
      let best = -1;
      for (const m of window.matchAll(pattern)) {
        const end = m.index + keep;
        if (end >= floor && end <= max) best = end;
      }
      if (best > 0) {
        cut = best;
        break;
      }
    }
    if (cut <= 0) cut = safeCut(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-10-25" as "25 Oct 2023"; anything else unchanged. */
export function formatIsoDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
