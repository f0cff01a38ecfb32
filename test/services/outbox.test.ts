import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DueReply } from '../../src/db/ports.js';
import { backoffMs, firstThingsFirst, MAX_WELCOME_DEFER_MS } from '../../src/services/outbox.js';
import { SlackRateLimitedError, SlackRefusedError, SlackUnavailableError } from '../../src/services/slack-port.js';
import { startWorld, type World } from '../helpers/world.js';

let w: World;
beforeEach(async () => {
  w = await startWorld();
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
    // Once sent, only the ts is kept: the body is not needed again (new content brings its own).
    expect(await w.repos.replies.get(id)).toMatchObject({ status: 'sent', sentTs: '1700000000.000001', text: '' });
    // A sent reply due again (as an edited answer's feedback is) goes out as chat.update of that ts.
    await w.repos.replies.markFailed(id, 'new content', w.clock.now(), w.clock.now());
    expect(await w.services.outbox.deliver(id)).toBe(true);
    expect(w.gateway.callsTo('update')).toEqual([['C1234', '1700000000.000001', { text: '', blocks: [] }]]);
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

describe('the outbox after a crash mid-send', () => {
  it('finds a message Slack already has by its reply id, and posts one Slack never got, once each', async () => {
    const posted = await notice('posted before the crash', '1700000000.000009');
    const lost = await notice('never reached Slack', '1700000000.000009');
    // A process claimed both and died: Slack has the first (with its reply id), not the second.
    await w.repos.replies.claim(posted, w.clock.now());
    await w.repos.replies.claim(lost, w.clock.now());
    await w.gateway.post('C1234', '1700000000.000009', { text: 'posted before the crash', blocks: [] }, posted);
    expect(await w.services.outbox.deliverDue()).toBe(0); // claims still within their lease
    w.clock.advance(31_000);
    expect(await w.services.outbox.deliverDue()).toBe(2);
    expect(w.gateway.callsTo('findPosted').map((c) => c[2])).toEqual([posted, lost]);
    expect(w.gateway.callsTo('post').map((c) => (c[2] as { text: string }).text)).toEqual([
      'posted before the crash',
      'never reached Slack',
    ]);
    expect((await w.repos.replies.get(posted))?.sentTs).toBe('1700000000.000001');
    expect(await w.services.outbox.deliverDue()).toBe(0);
  });
});

describe('a post whose answer never came', () => {
  it('is looked for before it is posted again: found when Slack took it, posted once when it did not', async () => {
    const taken = await notice('Slack took this one', '1700000000.000009');
    const timedOut = () => new SlackUnavailableError('timeout', { outage: true, maybeDelivered: true });
    w.gateway.failAfterPosting(timedOut());
    expect(await w.services.outbox.attempt(taken)).toMatchObject({ kind: 'unavailable' });
    // Claimed until its retry: no other sender can post it meanwhile.
    expect(await w.repos.replies.get(taken)).toMatchObject({ status: 'sending', attempts: 1, lastError: 'timeout' });
    const lost = await notice('this one never arrived', '1700000000.000009');
    w.gateway.failNext('post', timedOut());
    w.clock.advance(20_000); // the workspace's probe and both backoffs are over
    expect(await w.services.outbox.attempt(lost)).toMatchObject({ kind: 'unavailable' });
    w.clock.advance(20_000);
    expect(await w.services.outbox.deliverDue()).toBe(2);
    expect(w.gateway.callsTo('findPosted').map((c) => c[2])).toEqual([taken, lost]);
    expect(w.gateway.callsTo('post').map((c) => (c[2] as { text: string }).text)).toEqual([
      'Slack took this one',
      'this one never arrived',
      'this one never arrived',
    ]);
    expect(await w.repos.replies.get(taken)).toMatchObject({ status: 'sent', sentTs: '1700000000.000001' });
    expect((await w.repos.replies.get(lost))?.status).toBe('sent');
  });

  it('is looked for in the person’s DM when it was a direct message (a welcome) cut short by a crash', async () => {
    const { id } = await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'C1234', threadTs: null, purpose: 'notice', delivery: 'dm', target: 'U1234' },
      { text: 'welcome', blocks: [] },
      w.clock.now(),
    );
    await w.repos.replies.claim(id, w.clock.now());
    await w.gateway.post('D1234', null, { text: 'welcome', blocks: [] }, id); // Slack got it, then the crash
    w.clock.advance(31_000);
    expect(await w.services.outbox.deliverDue()).toBe(1);
    expect(w.gateway.callsTo('findPosted')).toEqual([['D1234', null, id]]);
    expect(w.gateway.callsTo('post')).toHaveLength(1);
    expect(await w.repos.replies.get(id)).toMatchObject({ status: 'sent', sentTs: '1700000000.000001' });
  });

  it('is posted again without looking when the call never left (connection refused)', async () => {
    const id = await notice('refused at the door');
    w.gateway.failNext('post', new SlackUnavailableError('connect ECONNREFUSED', { outage: true }));
    expect(await w.services.outbox.attempt(id)).toMatchObject({ kind: 'unavailable' });
    expect((await w.repos.replies.get(id))?.status).toBe('failed');
    w.clock.advance(60_000);
    expect(await w.services.outbox.deliverDue()).toBe(1);
    expect(w.gateway.callsTo('findPosted')).toEqual([]);
  });
});

describe('the outbox’s pace', () => {
  it('holds a rate-limited channel for its Retry-After and serves the other channels meanwhile', async () => {
    const limited = [await notice('a1'), await notice('a2')];
    const other = await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'C5678', threadTs: null, purpose: 'notice' },
      { text: 'b1', blocks: [] },
      w.clock.now(),
    );
    w.gateway.failNext('post', new SlackRateLimitedError(30));
    expect(await w.services.outbox.deliverDue()).toBe(1);
    expect(w.gateway.callsTo('post').map((c) => [c[0], (c[2] as { text: string }).text])).toEqual([
      ['C1234', 'a1'],
      ['C5678', 'b1'],
    ]);
    // a2 was never tried: the whole channel waits, and both go out in order once it may post again.
    expect((await w.repos.replies.get(limited[1]))?.attempts).toBe(0);
    w.clock.advance(29_000);
    expect(await w.services.outbox.deliverDue()).toBe(0);
    w.clock.advance(1_000);
    expect(await w.services.outbox.deliverDue()).toBe(2);
    expect((await w.repos.replies.get(other.id))?.status).toBe('sent');
  });

  it('while Slack is down, sends one probe at a time, and everything once Slack answers again', async () => {
    const ids = [await notice('1'), await notice('2', '1700000000.000002'), await notice('3')];
    const down = () => new SlackUnavailableError('HTTP 503', { outage: true });
    w.gateway.failNext('post', down());
    expect(await w.services.outbox.deliverDue()).toBe(0);
    expect(w.gateway.callsTo('post')).toHaveLength(1); // the others waited for the probe
    w.clock.advance(1_000);
    w.gateway.failNext('post', down());
    expect(await w.services.outbox.deliverDue()).toBe(0);
    expect(w.gateway.callsTo('post')).toHaveLength(2); // the next probe was another reply
    w.clock.advance(2_000);
    expect(await w.services.outbox.deliverDue()).toBe(1); // Slack is back: the probe went through…
    w.clock.advance(20_000);
    expect(await w.services.outbox.deliverDue()).toBe(2); // …and the replies that failed as probes follow
    const statuses = await Promise.all(ids.map(async (id) => (await w.repos.replies.get(id))?.status));
    expect(statuses).toEqual(['sent', 'sent', 'sent']);
  });

  it('sends a welcome DM after the other due replies, in the same pass', async () => {
    // Stored as onboarding stores it (stored first, so it is the oldest due reply).
    await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'U1234', threadTs: null, purpose: 'notice', delivery: 'dm', target: 'U1234' },
      { text: 'welcome', blocks: [] },
      w.clock.now(),
    );
    await notice('feedback one');
    await notice('feedback two', '1700000000.000002');
    expect(await w.services.outbox.deliverDue()).toBe(3);
    const posts = w.gateway.callsTo('post').map((c) => (c[2] as { text: string }).text);
    expect(posts).toEqual(['feedback one', 'feedback two', 'welcome']);
  });

  it('holds a welcome DM while answers wait to be worked, and sends it once they are', async () => {
    await w.close();
    let answersWaiting = true;
    w = await startWorld({ answersWaiting: () => answersWaiting });
    await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'U1234', threadTs: null, purpose: 'notice', delivery: 'dm', target: 'U1234' },
      { text: 'welcome', blocks: [] },
      w.clock.now(),
    );
    expect(await w.services.outbox.deliverDue()).toBe(0);
    answersWaiting = false;
    expect(await w.services.outbox.deliverDue()).toBe(1);
    // Held no longer than MAX_WELCOME_DEFER_MS, however long answers keep coming.
    answersWaiting = true;
    await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'U2222', threadTs: null, purpose: 'notice', delivery: 'dm', target: 'U2222' },
      { text: 'welcome', blocks: [] },
      w.clock.now(),
    );
    w.clock.advance(MAX_WELCOME_DEFER_MS);
    expect(await w.services.outbox.deliverDue()).toBe(1);
  });

  it('lets a welcome DM that waited MAX_WELCOME_DEFER_MS go with the rest', () => {
    const now = new Date('2026-11-30T09:00:10Z');
    const lane = (id: number, delivery: DueReply['delivery'], ageMs: number): DueReply[] => [
      {
        id,
        teamId: 'T1234',
        channelId: delivery === 'dm' ? `U${id}` : 'C1234',
        delivery,
        purpose: delivery === 'dm' ? 'notice' : 'feedback',
        createdAt: new Date(now.getTime() - ageMs).toISOString(),
      },
    ];
    const channel = lane(1, 'message', 0);
    const fresh = lane(2, 'dm', MAX_WELCOME_DEFER_MS - 1);
    const waited = lane(3, 'dm', MAX_WELCOME_DEFER_MS);
    expect(firstThingsFirst([fresh, channel, waited], now, false)).toEqual([channel, waited]);
    // Nothing else due and no answer waiting to be worked: the welcomes go at once.
    const another = lane(4, 'dm', 0);
    expect(firstThingsFirst([fresh, another], now, false)).toEqual([fresh, another]);
    // Welcomes alone go a round of eight lanes at a time (then what is due is looked at again).
    const many = Array.from({ length: 20 }, (_, i) => lane(10 + i, 'dm', 0));
    expect(firstThingsFirst(many, now, false)).toEqual(many.slice(0, 8));
    // Answers waiting (their feedback is not stored yet): only a welcome held long enough goes.
    expect(firstThingsFirst([fresh, waited], now, true)).toEqual([waited]);
    expect(firstThingsFirst([fresh], now, true)).toEqual([]);
    // Private channel feedback is delivered to the person's DM too, and is never held back.
    const privateFeedback: DueReply[] = [{ ...fresh[0], id: 5, purpose: 'feedback' }];
    expect(firstThingsFirst([privateFeedback], now, true)).toEqual([privateFeedback]);
  });

  it('gives a reply up once it has failed for a day', async () => {
    const id = await notice();
    w.gateway.failNext('post', new SlackUnavailableError('internal_error'));
    expect(await w.services.outbox.attempt(id)).toEqual({ kind: 'failed' });
    w.clock.advance(24 * 3_600_000);
    w.gateway.failNext('post', new SlackUnavailableError('internal_error'));
    expect(await w.services.outbox.attempt(id)).toEqual({ kind: 'dead' });
  });
});
