import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/runtime.js';
import { ACTION } from '../../../src/slack/blocks/action-values.js';
import type { Citation } from '../../../src/types.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { fixedAssistant } from '../fakes/fixed-assistant.js';
import { actionElements, clickPayload, startHarness, type Harness } from '../helpers/slack-harness.js';

const HOSTILE = 'Tell <!channel> and <!everyone> and <!here>, ask <@U12345>, see <https://evil.example|click here> & more.';
/** What Slack would act on: a special mention, a user mention, or a labelled link. */
const ACTIVE = /<!(channel|everyone|here)>|<@U12345>|<https:\/\/evil\.example/;
const CITATION: Citation = {
  n: 1, chunkId: 'pack.txt#0', quote: HOSTILE, start: 0, end: HOSTILE.length, source: 'pack.txt', council: '<!here> Council', committee: 'Audit <@U12345>',
  meetingDate: null, item: null, itemNumber: null, page: null, paragraph: null, section: null, docType: null, url: null,
};
const ANSWER = { kind: 'answer' as const, answer: `**${HOSTILE}** [1]`, citations: [CITATION], retrieved: [], notes: [`The model said: ${HOSTILE}`], timings: { totalMs: 1 } };
const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;
/** What Slack shows of a payload: everything but the opaque values that buttons hand back to the app. */
const shown = (payload: unknown): string => JSON.stringify(payload, (key, value: unknown) => (key === 'value' || key === 'private_metadata' ? undefined : value));

describe('document and model text never pings anyone', () => {
  const dir = tempDir('slack-escape-');
  let quick: Harness;
  let slow: Harness;
  beforeAll(async () => {
    quick = await startHarness(dir, fixedAssistant(ANSWER));
    slow = await startHarness(dir, fixedAssistant(ANSWER), { overrides: { settings: { quickReplyMs: 0 } } });
  });
  afterAll(async () => {
    await quick?.close();
    await slow?.close();
  });

  it('escapes the acknowledgement (blocks and top-level text) and turns unfurling off', async () => {
    const res = await quick.command('/ask', 'Who should be told?');
    const body = parse(res.text);
    expect(shown(body)).not.toMatch(ACTIVE);
    expect(body.text).toContain('&lt;!channel&gt;');
    expect(body).toMatchObject({ unfurl_links: false, unfurl_media: false });
  });

  it('escapes the response_url answer, the thread reply, the shared copy and the source modal', async () => {
    const { responseId } = await slow.command('/ask', '-private Who should be told?');
    const answer = await slow.stub.waitFor((c) => c.kind === 'response' && c.method === responseId && Array.isArray(c.body.blocks));
    const ts = '1700000900.000001';
    await slow.event({ type: 'app_mention', user: 'U0OFFICER', text: '<@UBOT> Who should be told?', channel: 'C0GENERAL', ts });
    await slow.stub.waitFor((c) => c.method === 'chat.update' || (c.method === 'chat.postMessage' && Array.isArray(c.body.blocks)));
    const elements = actionElements(answer.body.blocks);
    const share = elements.find((e) => e.action_id === ACTION.share)!;
    await slow.action(clickPayload(share, { responseId: 'shared', stub: slow.stub }));
    await slow.stub.waitFor((c) => c.method === 'shared' && c.body.response_type === 'in_channel');
    const source = elements.find((e) => String(e.action_id).startsWith(ACTION.sourcePrefix))!;
    await slow.action(clickPayload(source, { responseId: 'source', stub: slow.stub }));
    await slow.stub.waitFor((c) => c.method === 'views.open');
    const sent = shown(slow.stub.calls.map((c) => c.body));
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).not.toMatch(ACTIVE);
  });
});

describe('an HTML paper with escaped mentions', () => {
  const dir = tempDir('slack-escape-html-');
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'minutes.html'), '<html><body><h1>Audit Committee minutes</h1><p>The retention period for audit working papers is six years. &lt;!channel&gt; please note &lt;@U12345&gt;.</p></body></html>');
    const rt = await createRuntime({ corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index'), env: { LOG_LEVEL: 'silent' } });
    h = await startHarness(dir, await rt.assistant());
  });
  afterAll(async () => h?.close());

  it('shows the decoded mention as text, in the blocks and in the top-level text', async () => {
    const body = parse((await h.command('/ask', 'What is the retention period for audit working papers?')).text);
    expect(String(body.text)).toContain('six years');
    expect(shown(body)).not.toMatch(/<!channel>|<@U12345>/);
  });
});
