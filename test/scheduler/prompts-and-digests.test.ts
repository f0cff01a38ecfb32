import { afterEach, describe, expect, it } from 'vitest';
import { postDueDigests } from '../../src/scheduler/post-due-digests.js';
import { postDuePrompts } from '../../src/scheduler/post-due-prompts.js';
import { startWorld, type World } from '../helpers/world.js';

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/** A world with one channel scheduled (created at `created`), every day unless told. */
async function scheduled(
  time: number,
  timezone: string,
  created: string,
  options: { days?: number[]; graceMinutes?: number } = {},
) {
  const w = await startWorld({ start: created, graceMs: (options.graceMinutes ?? 120) * 60_000 });
  worlds.push(w);
  await w.repos.schedules.upsertTime(
    {
      teamId: 'T1234',
      channelId: 'C1234',
      minuteOfDay: time,
      timezone,
      days: options.days ?? [0, 1, 2, 3, 4, 5, 6],
      createdBy: 'U1234',
    },
    new Date(created),
  );
  const at = async (iso: string) => {
    w.clock.set(iso);
    const { due, claimed, replyIds } = await postDuePrompts(w.jobs, new Date(iso));
    return { due, claimed, posted: await postedOf(w, replyIds) };
  };
  return { w, at };
}

/** How many of the queued replies the outbox has posted once it went idle (it posts in the background). */
async function postedOf(w: World, replyIds: number[]): Promise<number> {
  await w.services.outbox.idle();
  const replies = await Promise.all(replyIds.map((id) => w.repos.replies.get(id)));
  return replies.filter((r) => r?.status === 'sent').length;
}

async function digestsAt(w: World, iso: string) {
  w.clock.set(iso);
  const { claimed, replyIds } = await postDueDigests(w.jobs, new Date(iso));
  return { claimed, posted: await postedOf(w, replyIds) };
}

const prompts = (w: World) => w.gateway.callsTo('post').filter((p) => p[1] === null);

describe('postDuePrompts', () => {
  it('posts a slot once at its local time, and not again the same minute or day', async () => {
    const { w, at } = await scheduled(9 * 60 + 30, 'Europe/Berlin', '2026-11-29T12:00:00Z');
    expect(await at('2026-11-30T08:29:00Z')).toEqual({ due: 0, claimed: 0, posted: 0 });
    expect(await at('2026-11-30T08:30:00Z')).toEqual({ due: 1, claimed: 1, posted: 1 });
    expect(await at('2026-11-30T08:30:30Z')).toEqual({ due: 0, claimed: 0, posted: 0 });
    expect(await at('2026-11-30T12:00:00Z')).toMatchObject({ claimed: 0 });
    expect(prompts(w)).toHaveLength(1);
    expect((await w.repos.prompts.postedSince(new Date(0)))[0].slotKey).toBe('2026-11-30');
  });

  it('in spring, a time the clocks skip posts as far past the change (Berlin 02:30 → 03:30 CEST)', async () => {
    const { w, at } = await scheduled(150, 'Europe/Berlin', '2026-03-28T12:00:00Z');
    expect(await at('2026-03-29T01:29:00Z')).toMatchObject({ posted: 0 });
    expect(await at('2026-03-29T01:30:00Z')).toMatchObject({ posted: 1 });
    expect((await w.repos.prompts.postedSince(new Date(0)))[0]).toMatchObject({
      slotKey: '2026-03-29',
      slotAt: '2026-03-29T01:30:00.000Z',
    });
  });

  it('in autumn, a time that happens twice posts the first time only (Berlin 02:30 CEST, then CET)', async () => {
    const { w, at } = await scheduled(150, 'Europe/Berlin', '2026-10-24T12:00:00Z');
    expect(await at('2026-10-25T00:30:00Z')).toMatchObject({ posted: 1 });
    expect(await at('2026-10-25T01:30:00Z')).toMatchObject({ claimed: 0 });
    expect(prompts(w)).toHaveLength(1);
  });

  it('keeps the local time across the US change (New York 09:00 is 14:00 UTC, then 13:00 UTC)', async () => {
    const { w, at } = await scheduled(9 * 60, 'America/New_York', '2026-03-06T00:00:00Z');
    expect(await at('2026-03-07T14:00:00Z')).toMatchObject({ posted: 1 });
    expect(await at('2026-03-08T13:00:00Z')).toMatchObject({ posted: 1 });
    expect(await at('2026-03-08T14:00:00Z')).toMatchObject({ claimed: 0 });
    expect(prompts(w)).toHaveLength(2);
  });

  it('catches up a slot missed within the grace window and skips one missed by more', async () => {
    const { w, at } = await scheduled(9 * 60, 'UTC', '2026-11-29T12:00:00Z', { graceMinutes: 120 });
    expect(await at('2026-11-30T10:15:00Z')).toMatchObject({ posted: 1 });
    expect(await at('2026-12-01T11:30:00Z')).toMatchObject({ due: 0 });
    expect(prompts(w)).toHaveLength(1);
  });

  it('posts nothing on days off, nor for a slot before the schedule existed', async () => {
    const { w, at } = await scheduled(9 * 60, 'UTC', '2026-11-30T09:10:00Z', { days: [1, 2, 3, 4, 5] });
    expect(await at('2026-11-30T09:15:00Z')).toMatchObject({ due: 0 }); // Monday's slot came before the schedule
    expect(await at('2026-12-05T09:00:00Z')).toMatchObject({ due: 0 }); // Saturday
    expect(prompts(w)).toHaveLength(0);
  });
});

describe('the tick reads only what is due', () => {
  const due = async (w: World, iso: string) => ({
    prompts: (await w.repos.schedules.promptsDue(new Date(iso))).length,
    digests: (await w.repos.schedules.digestsDue(new Date(iso))).length,
  });

  it('finds a schedule when its next slot or digest comes, and moves it on once handled or missed', async () => {
    const { w, at } = await scheduled(9 * 60 + 30, 'Europe/Berlin', '2026-11-29T12:00:00Z', { graceMinutes: 120 });
    expect(await due(w, '2026-11-30T08:29:00Z')).toEqual({ prompts: 0, digests: 0 });
    expect(await due(w, '2026-11-30T08:30:00Z')).toMatchObject({ prompts: 1 });
    expect(await at('2026-11-30T08:30:00Z')).toMatchObject({ claimed: 1 });
    expect(await due(w, '2026-11-30T12:00:00Z')).toMatchObject({ prompts: 0 });
    // Tuesday's slot missed by more than the grace window (the bot was down): nothing posted, and
    // the schedule is not read again until Wednesday's.
    expect(await at('2026-12-01T11:00:00Z')).toMatchObject({ due: 0 });
    expect(await due(w, '2026-12-01T11:01:00Z')).toMatchObject({ prompts: 0 });
    expect(await due(w, '2026-12-02T08:30:00Z')).toMatchObject({ prompts: 1 });
    // Friday 16:00 in Berlin (the default digest time) is 15:00 UTC.
    expect(await due(w, '2026-12-04T14:59:00Z')).toMatchObject({ digests: 0 });
    expect(await due(w, '2026-12-04T15:00:00Z')).toMatchObject({ digests: 1 });
    expect(await digestsAt(w, '2026-12-04T15:00:00Z')).toMatchObject({ claimed: 1 });
    expect(await due(w, '2026-12-04T15:01:00Z')).toMatchObject({ digests: 0 });
    expect(await due(w, '2026-12-11T15:00:00Z')).toMatchObject({ digests: 1 });
  });

  it('keeps a slot due while it is within the grace window and could not be claimed', async () => {
    const { w } = await scheduled(9 * 60, 'UTC', '2026-11-29T12:00:00Z', { graceMinutes: 120 });
    const [schedule] = await w.repos.schedules.promptsDue(new Date('2026-11-30T09:00:00Z'));
    await w.services.prompts.promptHandled(schedule, new Date('2026-11-30T09:05:00Z'), 120 * 60_000);
    expect(await due(w, '2026-11-30T09:06:00Z')).toMatchObject({ prompts: 1 });
    await w.services.prompts.promptHandled(schedule, new Date('2026-11-30T11:01:00Z'), 120 * 60_000);
    expect(await due(w, '2026-11-30T11:02:00Z')).toMatchObject({ prompts: 0 });
  });
});

describe('postDueDigests', () => {
  it('posts a channel’s digest once, at its day and local time', async () => {
    const { w } = await scheduled(9 * 60, 'Asia/Tokyo', '2026-11-20T00:00:00Z');
    await w.repos.schedules.update(
      'T1234',
      'C1234',
      { digestDay: 5, digestMinute: 17 * 60 },
      new Date('2026-11-20T00:00:00Z'),
    );
    // Friday 27 November 2026, 17:00 in Tokyo is 08:00 UTC.
    expect(await digestsAt(w, '2026-11-27T07:59:00Z')).toEqual({ claimed: 0, posted: 0 });
    expect(await digestsAt(w, '2026-11-27T08:00:00Z')).toEqual({ claimed: 1, posted: 1 });
    expect(await digestsAt(w, '2026-11-27T08:01:00Z')).toEqual({ claimed: 0, posted: 0 });
    const [digest] = w.gateway.callsTo('post');
    expect(JSON.stringify(digest[2])).toContain('Weekly practice digest');
    expect(JSON.stringify(digest[2])).toContain('0 answers from 0 people');
  });

  it('posts none for a schedule turned off', async () => {
    const { w } = await scheduled(9 * 60, 'UTC', '2026-11-20T00:00:00Z');
    await w.repos.schedules.update('T1234', 'C1234', { enabled: false }, new Date('2026-11-20T00:00:00Z'));
    expect(await digestsAt(w, '2026-11-27T16:00:00Z')).toEqual({ claimed: 0, posted: 0 });
  });
});
