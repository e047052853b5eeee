// Slack mrkdwn and plain_text as safe HTML: everything is HTML-escaped first; only the markup made
// here (bold, italic, strike, code, quotes, lists, links, mentions) is ever added.

/** The emoji codes the app uses, and a few common ones; unknown codes are left as typed. */
const EMOJI = {
  '+1': '👍', thumbsup: '👍', '-1': '👎', thumbsdown: '👎', warning: '⚠️', mag: '🔍', information_source: 'ℹ️',
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', calendar: '📅', spiral_calendar_pad: '🗓️', date: '📅',
  hourglass: '⌛', hourglass_flowing_sand: '⏳', page_facing_up: '📄', bar_chart: '📊', chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉', memo: '📝', link: '🔗', books: '📚', bulb: '💡', rotating_light: '🚨', eyes: '👀',
  red_circle: '🔴', large_green_circle: '🟢', large_yellow_circle: '🟡', large_orange_circle: '🟠', white_circle: '⚪',
  speech_balloon: '💬', point_right: '👉', wave: '👋', tada: '🎉', clock3: '🕒', lock: '🔒', scales: '⚖️',
};

export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Slack escapes only these three in mrkdwn. */
const decode = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function emojify(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (code, name) => EMOJI[name] ?? code);
}

/** plain_text: escaped, emoji codes shown as emoji unless `emoji: false`, line breaks kept. */
export function plainToHtml(text, emoji = true) {
  const html = escapeHtml(text ?? '').replace(/\n/g, '<br>');
  return emoji ? emojify(html) : html;
}

const SAFE_URL = /^(https?:|mailto:)/i;

/** `<…>`: a link, a mention of a user or channel, or a special mention; anything else as text. */
function entity(inner, users) {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : decode(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(label ?? users[id] ?? id)}</span>`;
  }
  if (target.startsWith('#')) return `<span class="mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(label ?? target.slice(1).split('^')[0])}</span>`;
  const url = decode(target);
  if (SAFE_URL.test(url)) return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ?? url)}</a>`;
  return escapeHtml(`<${decode(inner)}>`);
}

const BEFORE = `(^|[\\s([{"'“‘>\\u0000/-])`;
const AFTER = `(?=$|[\\s)\\]}.,;:!?"'”’<\\u0000/-])`;

/** *bold*, _italic_ and ~strike~ on one escaped line, in Slack's way: the marks must touch words. */
function inline(line) {
  let out = line;
  for (const [mark, tag] of [['\\*', 'strong'], ['_', 'em'], ['~', 'del']]) {
    const pattern = new RegExp(`${BEFORE}${mark}(?=\\S)([^\\n]*?\\S|\\S)${mark}${AFTER}`, 'g');
    out = out.replace(pattern, (_m, before, inner) => `${before}<${tag}>${inner}</${tag}>`);
  }
  return emojify(out);
}

const QUOTE = /^&gt;\s?/;
const BULLET = /^\s*(?:[•◦▪]|-|\d{1,2}[.)])\s+/;

/**
 * Lines grouped into paragraphs (with line breaks), block quotes and bullet lines. Slack has no list
 * syntax: a bullet line keeps its own marker ("•", "-", "1.") and only gets a hanging indent.
 */
function lines(escaped) {
  const groups = [];
  for (const line of escaped.split('\n')) {
    const kind = QUOTE.test(line) ? 'quote' : BULLET.test(line) ? 'list' : 'text';
    const content = inline(kind === 'quote' ? line.replace(QUOTE, '') : line);
    const last = groups[groups.length - 1];
    if (last && last.kind === kind) last.items.push(content);
    else groups.push({ kind, items: [content] });
  }
  return groups
    .map((g) => {
      if (g.kind === 'quote') return `<blockquote>${g.items.join('<br>')}</blockquote>`;
      if (g.kind === 'list') return g.items.map((i) => `<p class="bullet">${i}</p>`).join('');
      return `<p>${g.items.join('<br>')}</p>`;
    })
    .join('');
}

/**
 * Slack mrkdwn as HTML: code blocks and `code`, links `<url|text>`, mentions `<@U…>`, *bold*,
 * _italic_, ~strike~, > quotes, bullet lines and line breaks. `users` names the user ids it knows.
 */
export function mrkdwnToHtml(text, users = {}) {
  const slots = [];
  const keep = (html) => `\u0000${slots.push(html) - 1}\u0000`;
  let s = String(text ?? '').replace(/\u0000/g, '');
  s = s.replace(/```([\s\S]*?)```/g, (_m, code) => keep(`<pre class="code-block"><code>${escapeHtml(decode(code.replace(/^\n/, '')))}</code></pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_m, code) => keep(`<code>${escapeHtml(decode(code))}</code>`));
  s = s.replace(/<([^<>\n]+)>/g, (_m, inner) => keep(entity(inner, users)));
  const html = lines(escapeHtml(decode(s)).replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i) => slots[Number(i)]);
}
