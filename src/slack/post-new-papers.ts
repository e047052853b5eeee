import { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { slackApiUrl } from './app.js';
import { renderNewPapers, type NewPapersNotice } from './blocks/render-new-papers.js';

/** Posts one short message per meeting with new papers to a channel; returns how many were posted. */
export type PapersNotifier = (notices: readonly NewPapersNotice[]) => Promise<number>;

/**
 * The notifier for SLACK_PAPERS_CHANNEL_ID, through the Slack Web API. A failed post is logged and
 * the others still go out: a sync never fails because Slack did.
 */
export function createPapersNotifier(options: { token: string; apiUrl?: string; channelId: string; logger: Logger }): PapersNotifier {
  const client = new webApi.WebClient(options.token, {
    slackApiUrl: slackApiUrl(options.apiUrl),
    retryConfig: { retries: 2, factor: 2, minTimeout: 1_000, maxTimeout: 10_000 },
    timeout: 15_000,
  });
  return async (notices) => {
    let posted = 0;
    for (const notice of notices) {
      try {
        await client.chat.postMessage({ channel: options.channelId, unfurl_links: false, ...renderNewPapers(notice) });
        posted++;
      } catch (error) {
        options.logger.warn({ err: error, channelId: options.channelId }, 'new papers message not posted');
      }
    }
    return posted;
  };
}
