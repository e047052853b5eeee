/** The passages of a user message sent to the model: each data block's id and its text with the data marks read as spaces. */
export function passagesOf(user: string): Array<{ id: string; text: string }> {
  const blocks = [...user.matchAll(/<data-([0-9a-f]+) passage="(P\d+)"[^>]*>\n([\s\S]*?)\n<\/data-\1>/g)];
  return blocks.map((m) => ({ id: m[2]!, text: m[3]!.replace(/ˆ/g, ' ') }));
}
