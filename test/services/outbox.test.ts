import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/services/outbox.js';
import { SlackRateLimitedError, SlackRefusedError, SlackUnavailableError } from '../../src/services/slack-port.js';
import { startWorld, type World } from '../helpers/world.js';

let w: World;
beforeEach(() => {
  w = startWorld();
});
afterEach(() => w.close());

async function notice(text = 'hello', threadTs: string | null = null) {
  return (
    await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'C1234', threadTs, purpose: 'notice' },
      { text, blocks: [] },
      w.clock.now(),
    )
  ).id;
}

describe('the outbox', () => {
  it('sends a stored reply once, however often it is asked to', async () => {
    const id = await notice();
    expect(await w.services.outbox.deliver(id)).toBe(true);
    expect(await w.services.outbox.deliver(id)).toBe(false);
    expect(w.gateway.callsTo('post')).toHaveLength(1);
    expect((await w.repos.replies.get(id))?.status).toBe('sent');
  });

  it('waits exactly Slack’s Retry-After after a 429', async () => {
    const id = await notice();
    w.gateway.failNext('post', new SlackRateLimitedError(30));
    expect(await w.services.outbox.attempt(id)).toEqual({ kind: 'rate-limited', retryAfterMs: 30_000 });
    expect((await w.repos.replies.get(id))?.nextAttemptAt).toBe('2026-11-30T09:00:30.000Z');
    expect(await w.services.outbox.deliverDue(new Date('2026-11-30T09:00:29Z'))).toBe(0);
    w.clock.advance(30_000);
    expect(await w.services.outbox.deliverDue()).toBe(1);
  });

  it('backs off with jitter after an outage, and gives up at once when Slack refuses for good', async () => {
    const id = await notice();
    w.gateway.failNext('post', new SlackUnavailableError('internal_error'));
    expect(await w.services.outbox.attempt(id)).toEqual({ kind: 'failed' });
    const next = Date.parse((await w.repos.replies.get(id))?.nextAttemptAt ?? '') - w.clock.now().getTime();
    expect(next).toBeGreaterThanOrEqual(2_500);
    expect(next).toBeLessThanOrEqual(5_000);
    const refused = await notice('to a channel that is gone');
    w.gateway.failNext('post', new SlackRefusedError('channel_not_found'));
    expect(await w.services.outbox.attempt(refused)).toEqual({ kind: 'dead' });
    expect(await w.repos.replies.get(refused)).toMatchObject({
      status: 'dead',
      lastError: 'gave up: channel_not_found',
    });
    expect(w.logger.errors.map((e) => String(e[0]))).toEqual([
      expect.stringContaining('cannot be delivered (channel_not_found)'),
    ]);
  });

  it('updates the message it sent when new content arrives, and takes nothing once stopped', async () => {
    const id = await notice();
    await w.services.outbox.deliver(id);
    // New content for a sent reply (as an edited answer gives its feedback) goes out as chat.update.
    await w.repos.replies.markFailed(id, 'new content', w.clock.now(), w.clock.now());
    expect(await w.services.outbox.deliver(id)).toBe(true);
    expect(w.gateway.callsTo('update')).toEqual([['C1234', '1700000000.000001', { text: 'hello', blocks: [] }]]);
    w.services.outbox.stop();
    expect(await w.services.outbox.attempt(await notice())).toEqual({ kind: 'busy' });
  });

  it('spreads backoff between half and all of 5 s, 10 s, 20 s… capped at 10 minutes', () => {
    expect([0, 1, 2].map((n) => backoffMs(n, () => 0))).toEqual([2_500, 5_000, 10_000]);
    expect([0, 1, 2].map((n) => backoffMs(n, () => 1))).toEqual([5_000, 10_000, 20_000]);
    expect(backoffMs(40, () => 1)).toBe(600_000);
    expect(backoffMs(40, () => 0)).toBe(300_000);
  });
});
