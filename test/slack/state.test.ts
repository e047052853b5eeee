import { describe, expect, it } from 'vitest';
import { cleanMessageText } from '../../src/slack/clean-message-text.js';
import { describeRequest } from '../../src/slack/describe-request.js';
import { parseSlashText } from '../../src/slack/parse-slash-text.js';
import { RateLimiter } from '../../src/slack/state/rate-limiter.js';
import { RecentKeys } from '../../src/slack/state/recent-keys.js';
import { ThreadMemory } from '../../src/slack/state/thread-memory.js';

describe('request state helpers', () => {
  it('remembers event ids for a while and within a bound', () => {
    const clock = { ms: 0 };
    const recent = new RecentKeys({ max: 2, ttlMs: 1_000, now: () => new Date(clock.ms) });
    expect(recent.firstTime('a')).toBe(true);
    expect(recent.firstTime('a')).toBe(false);
    clock.ms = 1_001;
    expect(recent.firstTime('a')).toBe(true);
    recent.firstTime('b');
    recent.firstTime('c');
    expect(recent.firstTime('a')).toBe(true);
  });

  it('limits each user separately in a sliding window', () => {
    const clock = { ms: 0 };
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => new Date(clock.ms) });
    expect(limiter.take('U1')).toEqual({ allowed: true });
    clock.ms = 10_000;
    expect(limiter.take('U1')).toEqual({ allowed: true });
    expect(limiter.take('U1')).toEqual({ allowed: false, retryAfterSec: 50 });
    expect(limiter.take('U2')).toEqual({ allowed: true });
    clock.ms = 60_000;
    expect(limiter.take('U1')).toEqual({ allowed: true });
  });

  it('keeps the last few questions of a bounded number of threads', () => {
    const threads = new ThreadMemory({ maxThreads: 2, maxQuestions: 2 });
    threads.add('c:1', 'q1');
    threads.add('c:1', 'q2');
    threads.add('c:1', 'q3');
    expect(threads.history('c:1')).toEqual(['q2', 'q3']);
    threads.add('c:2', 'x');
    threads.add('c:3', 'y');
    expect(threads.history('c:1')).toEqual([]);
  });

  it('reads -private and -public flags around the text', () => {
    expect(parseSlashText('-private what is CHIS?', 'in_channel')).toEqual({ text: 'what is CHIS?', visibility: 'ephemeral' });
    expect(parseSlashText('foi 1/2/2026 --public', 'ephemeral')).toEqual({ text: 'foi 1/2/2026', visibility: 'in_channel' });
    expect(parseSlashText('  risk -privately ', 'in_channel')).toEqual({ text: 'risk -privately', visibility: 'in_channel' });
  });

  it('cleans mentions, links and escapes from message text', () => {
    expect(cleanMessageText('<@UBOT> what did <@U2|jo> say about <https://x.gov.uk|the plan> &amp; <#C1|audit>?', 'UBOT')).toBe('what did @jo say about the plan & #audit?');
    expect(cleanMessageText('<@UBOT>', 'UBOT')).toBe('');
  });

  it('describes commands, events and interactions', () => {
    expect(describeRequest({ command: '/ask', user_id: 'U1', channel_id: 'D1', team_id: 'T1', text: 'x' })).toMatchObject({ type: 'command', name: '/ask', isDirect: true });
    const event = describeRequest({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'message', channel: 'D2', channel_type: 'im', ts: '1.2', user: 'U1', bot_id: 'B9' } });
    expect(event).toMatchObject({ type: 'event', eventId: 'Ev1', messageKey: 'D2:1.2', threadTs: '1.2', isBot: true, isDirect: true });
    expect(describeRequest({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, channel: { id: 'C1' }, actions: [{ action_id: 'feedback:up' }] })).toMatchObject({ type: 'action', name: 'feedback:up', channelId: 'C1' });
  });
});
