import type { Visibility } from './deps.js';

const PRIVATE = /^(?:-{1,2}private|-{1,2}p|-{1,2}me)$/i;
const PUBLIC = /^-{1,2}public$/i;

/**
 * A slash command's text and who should see the answer: `-private` (or `-p`) before or after the text
 * makes it visible only to the user, `-public` posts it in the channel; otherwise `fallback`.
 */
export function parseSlashText(text: string, fallback: Visibility): { text: string; visibility: Visibility } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let visibility = fallback;
  const flag = (word: string | undefined): boolean => {
    if (word && PRIVATE.test(word)) visibility = 'ephemeral';
    else if (word && PUBLIC.test(word)) visibility = 'in_channel';
    else return false;
    return true;
  };
  while (flag(words[0])) words.shift();
  while (flag(words.at(-1))) words.pop();
  return { text: words.join(' '), visibility };
}
