/**
 * A Slack message's text as the user meant it: without mentions of the bot (or, when its id is not
 * known, the leading mention), with links and other mentions shown by their labels, and with Slack's
 * three escapes undone.
 */
export function cleanMessageText(text: string, botUserId?: string): string {
  const withoutBot = botUserId
    ? text.replace(new RegExp(`<@${botUserId.replace(/[^A-Z0-9]/gi, '')}(?:\\|[^>]*)?>`, 'g'), '')
    : text.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/, '');
  return withoutBot
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `@${label ?? id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? '')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
