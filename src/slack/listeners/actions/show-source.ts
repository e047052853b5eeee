import type { App, BlockAction } from '@slack/bolt';
import { ACTION, parseValue, SourceRefSchema, type SourceRef } from '../../blocks/action-values.js';
import { citationPlace } from '../../blocks/citation-line.js';
import { renderSourceModal, type CitedSource } from '../../blocks/render-source-modal.js';
import { renderNotice } from '../../blocks/render-answer-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { markAck, requestOf } from '../../request-state.js';
import { safely } from './safely.js';

/** The citation a control points at: from the cached answer when possible, else from the control's value. */
function citedSource(deps: SlackDeps, ref: SourceRef): CitedSource {
  const c = deps.answers.get(ref.a)?.citations.find((x) => x.n === ref.n);
  if (c) return { n: c.n, chunkId: c.chunkId, quote: c.quote, quoteLength: c.quote.length, place: citationPlace(c) };
  return { n: ref.n, chunkId: ref.c, quote: ref.q ?? null, quoteLength: ref.ql, place: ref.p ?? ref.c ?? 'Source no longer available' };
}

/** "Show source" (a button, or the menu when there are many citations): opens the passage in a modal. */
export function registerShowSource(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: new RegExp(`^${ACTION.sourcePrefix}`) }, async ({ ack, action, body, client, respond, context }) => {
    const request = requestOf(context, deps.logger, body);
    await ack();
    markAck(request);
    const raw = action.type === 'button' ? action.value : action.type === 'static_select' ? action.selected_option.value : undefined;
    const ref = parseValue(SourceRefSchema, raw);
    if (!ref) {
      request.outcome = 'invalid_value';
      return;
    }
    await safely(request, (text) => respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) }), async () => {
      const cited = citedSource(deps, ref);
      const passage = cited.chunkId ? await deps.assistant.source(cited.chunkId) : null;
      await client.views.open({ trigger_id: body.trigger_id, view: renderSourceModal(cited, passage) });
      request.outcome = passage ? 'source_shown' : 'quote_shown';
      request.cited = cited.chunkId ? [cited.chunkId] : [];
    });
  });
}
