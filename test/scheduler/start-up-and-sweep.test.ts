import { afterEach, describe, expect, it } from 'vitest';
import { catchUpAtStart } from '../../src/scheduler/catch-up.js';
import { startJobs } from '../../src/scheduler/jobs.js';
import { pruneOld } from '../../src/scheduler/prune.js';
import { InFlight } from '../../src/services/in-flight.js';
import { SlackRateLimitedError, SlackUnavailableError } from '../../src/services/slack-port.js';
import { startWorld, type World } from '../helpers/world.js';

const STRONG =
  'At my previous job I ran the billing service and 2% of invoices failed to send. My goal was to fix it before month end. I traced the failures to a template bug, I wrote a fix and I added a test. As a result failures went from 2% to zero. I learned to test every locale, and I now add one to each review.';

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});
async function world(start: string) {
  const w = await startWorld({ start });
  worlds.push(w);
  return w;
}

describe('start-up catch-up', () => {
  it('posts the slot missed while down, then scores answers posted meanwhile in recent prompt threads, once', async () => {
    const w = await world('2026-11-30T09:45:00Z');
    await w.repos.schedules.upsertTime(
      { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 9 * 60, timezone: 'UTC', days: [1], createdBy: 'U1234' },
      new Date('2026-11-29T00:00:00Z'),
    );
    await catchUpAtStart(w.jobs, w.clock.now());
    const [prompt] = w.gateway.callsTo('post');
    const thread = String((await w.repos.prompts.postedSince(new Date(0)))[0].messageTs);
    expect(prompt[0]).toBe('C1234');
    w.gateway.threads.set(`C1234/${thread}`, [
      { user: 'U1111', text: STRONG, ts: '1700001000.000001' },
      { user: 'U0BOT', botId: 'B0BOT', text: 'bot', ts: '1700001000.000002' },
      { user: 'U2222', subtype: 'channel_join', text: 'joined', ts: '1700001000.000003' },
    ]);
    await catchUpAtStart(w.jobs, w.clock.now());
    await catchUpAtStart(w.jobs, w.clock.now());
    // The one answer's private feedback, in its author's DM; the prompt is the one channel message.
    expect(w.gateway.callsTo('post').filter((p) => p[0] === 'D1111')).toHaveLength(1);
    expect(w.gateway.callsTo('post').filter((p) => p[0] === 'C1234')).toHaveLength(1);
  });

  it('goes on when Slack does not answer, and logs it', async () => {
    const w = await world('2026-11-30T09:00:00Z');
    await w.repos.schedules.upsertTime(
      { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 9 * 60, timezone: 'UTC', days: [1], createdBy: 'U1234' },
      new Date('2026-11-29T00:00:00Z'),
    );
    await catchUpAtStart(w.jobs, w.clock.now());
    w.gateway.failNext('threadReplies', new SlackUnavailableError('HTTP 500'));
    await catchUpAtStart(w.jobs, w.clock.now());
    expect(String(w.logger.warnings.at(-1)?.[0])).toContain('could not read the thread of prompt');
  });

  it('skips the rest of a rate-limited workspace with one log line, and reads the other workspaces', async () => {
    const w = await world('2026-11-30T09:00:00Z');
    // T9999's prompt is older, so its thread is read after T1234's (newest first).
    for (const [team, channel, minute] of [
      ['T1234', 'C1111', 9 * 60],
      ['T1234', 'C2222', 9 * 60],
      ['T9999', 'C3333', 8 * 60 + 30],
    ] as const)
      await w.repos.schedules.upsertTime(
        { teamId: team, channelId: channel, minuteOfDay: minute, timezone: 'UTC', days: [1], createdBy: 'U1234' },
        new Date('2026-11-29T00:00:00Z'),
      );
    await catchUpAtStart(w.jobs, w.clock.now());
    const before = w.gateway.callsTo('threadReplies').length;
    w.gateway.failNext('threadReplies', new SlackRateLimitedError(60));
    await catchUpAtStart(w.jobs, w.clock.now());
    const read = w.gateway
      .callsTo('threadReplies')
      .slice(before)
      .map((c) => c[0]);
    // The first read of one workspace was refused; its other thread was not asked; the other workspace was.
    expect(read).toHaveLength(2);
    expect(read).toContain('C3333');
    expect(w.logger.warnings.map((x) => String(x[0])).filter((m) => m.includes('rate-limited'))).toEqual([
      expect.stringMatching(/Retry-After 60 s\); skipped 2 prompt thread\(s\)/),
    ]);
  });

  it('startJobs runs the catch-up once in start-up-only mode and nothing in none', async () => {
    const w = await world('2026-11-30T09:05:00Z');
    await w.repos.schedules.upsertTime(
      { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 9 * 60, timezone: 'UTC', days: [1], createdBy: 'U1234' },
      new Date('2026-11-29T00:00:00Z'),
    );
    (await startJobs(w.jobs, w.clock, new InFlight(), 'none')).stop();
    expect(w.gateway.callsTo('post')).toHaveLength(0);
    (await startJobs(w.jobs, w.clock, new InFlight(), 'start-up-only')).stop();
    expect(w.gateway.callsTo('post')).toHaveLength(1);
  });
});

describe('retries and retention', () => {
  it('retries due replies, and forgets delivery ids after a day and sent replies after the retention', async () => {
    const w = await world('2026-11-30T09:00:00Z');
    const reply = await w.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'C1234', threadTs: null, purpose: 'notice' },
      { text: 'hi', blocks: [] },
      w.clock.now(),
    );
    w.gateway.failNext('post', new SlackUnavailableError('HTTP 500', { outage: true }));
    expect(await w.services.outbox.deliver(reply.id)).toBe(false);
    // Slack looked down: the reply waits 2.5 to 5 s, the workspace's next probe at most 1 s.
    expect(await w.services.outbox.deliverDue(new Date('2026-11-30T09:00:02Z'))).toBe(0);
    w.clock.set('2026-11-30T09:00:05Z');
    expect(await w.services.outbox.deliverDue(w.clock.now())).toBe(1);
    const work: string[] = [];
    expect(await w.services.deliveries.once('T1234', 'event:Ev1', async () => void work.push('Ev1'))).toBe('worked');
    expect(await w.services.deliveries.once('T1234', 'event:Ev1', async () => void work.push('again'))).toBe(
      'repeated',
    );
    expect(await pruneOld(w.jobs, new Date('2026-11-30T20:00:00Z'))).toEqual({ events: 0, replies: 0 });
    expect(await pruneOld(w.jobs, new Date('2026-12-01T09:00:06Z'))).toEqual({ events: 1, replies: 0 });
    expect(await pruneOld(w.jobs, new Date('2026-12-31T09:00:06Z'))).toEqual({ events: 0, replies: 1 });
    expect(await w.services.deliveries.once('T1234', 'event:Ev1', async () => void work.push('later'))).toBe('worked');
    expect(work).toEqual(['Ev1', 'later']);
    expect(await w.repos.replies.get(reply.id)).toBeUndefined();
  });
});
