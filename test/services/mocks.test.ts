// The mock interview use cases on a real database, the Slack gateway in memory and a clock the test
// moves: weekly rounds, heads-ups and skips, pausing, follow-ups, Slack failures, the kit, no-shows,
// the scorecard and the team views.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageContent } from '../../src/core/domain.js';
import type { Mock } from '../../src/core/mocks.js';
import { createServices } from '../../src/services/index.js';
import { TimezoneCache } from '../../src/services/mock-timezones.js';
import { SlackRefusedError, SlackUnavailableError } from '../../src/services/slack-port.js';
import { groupDmId } from '../helpers/fake-gateway.js';
import { seededRandom, shippedLibrary, startWorld, type World } from '../helpers/world.js';

const TEAM = 'T1234';
const POOL = 'C1234';
const ADMIN = 'U0ADMIN';
const GRACE = 2 * 60 * 60_000;
// Sunday 29 Nov 2026, 09:00 UTC (10:00 in Berlin); rounds on Mondays at 10:00 Berlin.
const SUNDAY = '2026-11-29T09:00:00Z';
const MONDAY = '2026-11-30T09:00:00Z';
const week = (n: number, at = MONDAY) => new Date(Date.parse(at) + n * 7 * 86_400_000).toISOString();

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

async function poolOf(users: string[], options: { start?: string } = {}) {
  const w = await startWorld({ start: options.start ?? SUNDAY, admins: [ADMIN] });
  worlds.push(w);
  users.forEach((u, i) => {
    w.gateway.users.set(u, { timezone: i % 2 ? 'America/New_York' : 'Europe/Berlin', isAdmin: false, isBot: false });
  });
  for (const u of users) await w.services.mockPool.run(TEAM, POOL, u, { kind: 'join' });
  await w.services.mockPool.run(TEAM, POOL, ADMIN, {
    kind: 'weekly',
    day: 1,
    minuteOfDay: 600,
    timezone: 'Europe/Berlin',
  });
  return w;
}

const tick = (w: World, at: string) => {
  w.clock.set(at);
  return w.services.mockRounds.runDue(w.clock.now(), GRACE);
};
const posts = (w: World, channel?: string) =>
  (w.gateway.callsTo('post') as [string, string | null, MessageContent][]).filter(([c]) => !channel || c === channel);
const textOf = (body: MessageContent) => JSON.stringify(body.blocks);
const mocksOfRound = async (w: World) => w.repos.mocks.lastWeeklyRound(TEAM, POOL);

describe('a weekly round', () => {
  it('posts one heads-up a day before, then pairs everyone but who skipped or is away', async () => {
    const w = await poolOf(['U1111', 'U2222', 'U3333', 'U4444']);
    await w.services.settings.addAway(TEAM, 'U3333', { from: '2026-11-30', to: '2026-12-02' });
    await tick(w, SUNDAY);
    await tick(w, '2026-11-29T09:01:00Z');
    const headsUps = posts(w, POOL);
    expect(headsUps).toHaveLength(1);
    expect(textOf(headsUps[0][2])).toContain('Monday 10:00 (Europe/Berlin)');
    expect(await w.services.mockInterviews.skipRound(TEAM, 'U2222', POOL, '2026-11-30')).toEqual({
      kind: 'skipped',
      roundKey: '2026-11-30',
    });
    expect(await w.services.mockInterviews.skipRound(TEAM, 'U2222', POOL, '2026-11-30')).toEqual({
      kind: 'skipped-before',
    });
    expect(await w.services.mockInterviews.skipRound(TEAM, 'U9999', POOL, '2026-11-30')).toEqual({
      kind: 'not-member',
    });

    const run = await tick(w, MONDAY);
    expect(run).toMatchObject({ rounds: 1, mocks: 1 });
    const [mock] = await mocksOfRound(w);
    expect([mock.candidateId, mock.interviewerId].sort()).toEqual(['U1111', 'U4444']);
    expect(mock.conversationId).toBe(groupDmId(['U1111', 'U4444']));
    // One introduction in the group DM, with times on both clocks (Berlin and New York).
    const [intro] = posts(w, mock.conversationId ?? '');
    expect(textOf(intro[2])).toMatch(/Mon 30 Nov 15:00 for <@U\d+> · Mon 30 Nov 09:00 for <@U\d+>|Tue 1 Dec/);
    expect((await tick(w, '2026-11-30T09:01:00Z')).rounds).toBe(0);
  });

  it('sends one note to the only person free, and pairs nobody', async () => {
    const w = await poolOf(['U1111', 'U2222']);
    await w.services.mockInterviews.skipRound(TEAM, 'U2222', POOL, '2026-11-30');
    await tick(w, MONDAY);
    expect(await mocksOfRound(w)).toEqual([]);
    const notes = posts(w, 'D1111');
    expect(notes).toHaveLength(1);
    expect(notes[0][2].text).toBe('No partner this round');
  });

  it('is paired once when two instances tick the same minute on one database', async () => {
    const w = await poolOf(['U1111', 'U2222', 'U3333', 'U4444', 'U5555']);
    const second = await w.db.connectAgain();
    try {
      const other = createServices({
        repos: second.repos,
        library: shippedLibrary(),
        slackFor: () => w.gateway,
        clock: w.clock,
        random: seededRandom(99),
        logger: w.logger,
        admins: [ADMIN],
      });
      w.clock.set(MONDAY);
      const runs = await Promise.all([
        w.services.mockRounds.runDue(w.clock.now(), GRACE),
        other.mockRounds.runDue(w.clock.now(), GRACE),
      ]);
      expect(runs.map((r) => r.rounds).sort()).toEqual([0, 1]);
      const mocks = await mocksOfRound(w);
      expect(mocks).toHaveLength(2);
      for (const m of mocks) expect(posts(w, m.conversationId ?? '')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('quietly pauses someone who ignored three rounds in a row, with one note, until they join again', async () => {
    const w = await poolOf(['U1111', 'U2222', 'U3333']);
    for (let n = 0; n < 3; n++) {
      await tick(w, week(n));
      const [mock] = await mocksOfRound(w);
      expect(mock.observerId).not.toBeNull();
      // Everyone but U3333 answers something.
      for (const u of ['U1111', 'U2222']) await w.services.mockInterviews.pickMode(TEAM, u, mock.id, 'learning');
    }
    await tick(w, week(3));
    const [fourth] = await mocksOfRound(w);
    expect([fourth.candidateId, fourth.interviewerId].sort()).toEqual(['U1111', 'U2222']);
    expect(fourth.observerId).toBeNull();
    expect((await w.repos.mocks.members(TEAM, POOL)).find((m) => m.userId === 'U3333')).toMatchObject({
      status: 'paused',
      ignoredRounds: 3,
    });
    expect(posts(w, 'D3333').map(([, , b]) => b.text)).toEqual(['Paused in a mock pool']);
    expect(await w.services.mockPool.run(TEAM, POOL, 'U3333', { kind: 'join' })).toMatchObject({
      kind: 'joined',
      resumed: true,
    });
  });

  it('follows up gently: one nudge after three quiet days, one check-back after six, never twice', async () => {
    const w = await poolOf(['U1111', 'U2222']);
    await tick(w, MONDAY);
    const [mock] = await mocksOfRound(w);
    const group = mock.conversationId ?? '';
    await tick(w, '2026-12-02T09:00:00Z');
    expect(posts(w, group)).toHaveLength(1);
    await tick(w, '2026-12-03T09:00:00Z');
    await tick(w, '2026-12-03T10:00:00Z');
    expect(posts(w, group).map(([, , b]) => b.text)).toEqual([
      expect.stringContaining('Mock interview'),
      'A gentle nudge about your mock interview',
    ]);
    await tick(w, '2026-12-06T09:00:00Z');
    await tick(w, '2026-12-06T10:00:00Z');
    expect(
      posts(w, group)
        .map(([, , b]) => b.text)
        .slice(2),
    ).toEqual(['Did you meet for your mock interview?']);
  });

  it('opens a group DM Slack could not open on a later minute, and calls a mock off when Slack refuses', async () => {
    const w = await poolOf(['U1111', 'U2222', 'U3333', 'U4444']);
    // The first open times out (and so does its retry at the end of the minute); the second is refused.
    w.gateway.failNext(
      'openConversation',
      new SlackUnavailableError('timeout'),
      new SlackRefusedError('user_not_found'),
      new SlackUnavailableError('timeout'),
    );
    await tick(w, MONDAY);
    const statuses = async () => (await mocksOfRound(w)).map((m) => [m.status, m.conversationId !== null]);
    expect((await statuses()).sort()).toEqual([
      ['cancelled', false],
      ['planned', false],
    ]);
    await tick(w, '2026-11-30T09:01:00Z');
    expect((await statuses()).sort()).toEqual([
      ['cancelled', false],
      ['planned', true],
    ]);
  });
});

describe('timezones', () => {
  it('come from users.info, are read again after a week, and keep the old value while Slack cannot answer', async () => {
    const w = await startWorld({ start: MONDAY });
    worlds.push(w);
    const cache = new TimezoneCache(w.repos, () => w.gateway, w.clock, w.logger);
    w.gateway.users.set('U1111', { timezone: 'America/New_York', tzOffset: -18000, isAdmin: false, isBot: false });
    w.gateway.users.set('U2222', { timezone: null, tzOffset: 7200, isAdmin: false, isBot: false });
    expect(await cache.resolve(TEAM, ['U1111', 'U2222'])).toEqual({ U1111: 'America/New_York', U2222: 'Etc/GMT-2' });
    w.clock.advance(6 * 86_400_000);
    await cache.resolve(TEAM, ['U1111', 'U2222']);
    expect(w.gateway.callsTo('userInfo')).toHaveLength(2);
    // A week on: read again. Slack failing keeps the old zone; the next call reads the new one.
    w.clock.advance(2 * 86_400_000);
    w.gateway.users.set('U1111', { timezone: 'Asia/Tokyo', isAdmin: false, isBot: false });
    w.gateway.failNext('userInfo', new SlackUnavailableError('down'));
    expect(await cache.resolve(TEAM, ['U1111'])).toEqual({ U1111: 'America/New_York' });
    expect(await cache.resolve(TEAM, ['U1111'])).toEqual({ U1111: 'Asia/Tokyo' });
    expect(await cache.cached(TEAM, ['U1111', 'U3333'])).toEqual({ U1111: 'Asia/Tokyo', U3333: 'UTC' });
    expect(w.logger.warnings).toHaveLength(1);
  });
});

async function plannedPair(users = ['U1111', 'U2222']): Promise<{ w: World; mock: Mock }> {
  const w = await poolOf(users);
  await tick(w, MONDAY);
  const [mock] = await mocksOfRound(w);
  return { w, mock };
}

describe('one mock', () => {
  it('sends the kit to the interviewer’s DM alone, once, after a mode is picked', async () => {
    const { w, mock } = await plannedPair();
    const kit = w.services.mockInterviews;
    expect(await kit.start(TEAM, mock.interviewerId, mock.id, 'interviewer')).toEqual({ kind: 'pick-mode' });
    expect(await kit.pickMode(TEAM, mock.candidateId, mock.id, 'realistic')).toEqual({
      kind: 'mode-set',
      mode: 'realistic',
    });
    expect(await kit.pickMode(TEAM, mock.interviewerId, mock.id, 'learning')).toEqual({
      kind: 'mode-taken',
      mode: 'realistic',
    });
    expect(await kit.start(TEAM, mock.candidateId, mock.id, 'interviewer')).toEqual({
      kind: 'wrong-person',
      ownerId: mock.interviewerId,
      role: 'interviewer',
    });
    expect(await kit.start(TEAM, 'U9999', mock.id, 'interviewer')).toEqual({ kind: 'not-in-mock' });
    expect(await kit.start(TEAM, mock.interviewerId, mock.id, 'interviewer')).toEqual({ kind: 'sent', what: 'kit' });
    expect(await kit.start(TEAM, mock.interviewerId, mock.id, 'interviewer')).toEqual({
      kind: 'sent-before',
      what: 'kit',
    });
    const interviewerDm = `D${mock.interviewerId.slice(1)}`;
    const kits = posts(w).filter(([, , b]) => b.text.startsWith('Interviewer kit'));
    expect(kits.map(([channel]) => channel)).toEqual([interviewerDm]);
    // The candidate has no practice yet, so the kit says the question is simply new to them.
    expect(textOf(kits[0][2])).toContain('has not practised this principle here yet');
    expect(await kit.start(TEAM, mock.candidateId, mock.id, 'candidate')).toEqual({ kind: 'sent', what: 'brief' });
    const brief = posts(w, `D${mock.candidateId.slice(1)}`).at(-1)?.[2];
    const question = shippedLibrary().scenarios.find((s) => s.id === mock.questionId)?.question ?? '';
    expect(textOf(brief as MessageContent)).not.toContain(question.slice(0, 30));
    // The group DM's message was updated in place with the mode.
    expect(w.gateway.callsTo('update').some(([c]) => c === mock.conversationId)).toBe(true);
  });

  it('re-pairs the reporter of a no-show with someone free, once; nobody free means no partner', async () => {
    const { w, mock } = await plannedPair(['U1111', 'U2222', 'U3333', 'U4444']);
    const [other] = (await mocksOfRound(w)).filter((m) => m.id !== mock.id);
    await w.services.mockPool.run(TEAM, POOL, 'U5555', { kind: 'join' });
    const reporter = mock.candidateId;
    const outcome = await w.services.mockInterviews.noShow(TEAM, reporter, mock.id);
    expect(outcome).toMatchObject({ kind: 'repaired', partnerId: 'U5555' });
    expect(await w.repos.mocks.get(TEAM, mock.id)).toMatchObject({
      status: 'no-show',
      noShowUserId: mock.interviewerId,
    });
    expect(await w.services.mockInterviews.noShow(TEAM, reporter, mock.id)).toEqual({
      kind: 'closed',
      status: 'no-show',
    });
    // A mock nobody came to gets no scorecard.
    expect(await w.services.mockInterviews.openScorecard(TEAM, mock.interviewerId, mock.id, 't')).toEqual({
      kind: 'closed',
      status: 'no-show',
    });
    // In the other pair nobody is free any more: U5555 is in a mock now, and whoever did not show is not offered.
    expect(await w.services.mockInterviews.noShow(TEAM, other.candidateId, other.id)).toEqual({ kind: 'no-partner' });
  });

  it('takes the scorecard from the interviewer only, once: the candidate’s DM, the group DM, both App Homes', async () => {
    const { w, mock } = await plannedPair();
    const interviews = w.services.mockInterviews;
    expect(await interviews.openScorecard(TEAM, mock.candidateId, mock.id, 'trigger')).toMatchObject({
      kind: 'wrong-person',
    });
    expect(await interviews.openScorecard(TEAM, mock.interviewerId, mock.id, 'trigger')).toEqual({ kind: 'opened' });
    const raw = {
      ratings: { ownership: '3', impact: '2', structure: '3', delivery: '4', reflection: '2' },
      flags: ['no-metric'],
      verdict: 'lean-hire',
      wentWell: 'Owned the fix.',
      toImprove: 'Numbers in the result.',
    };
    expect(
      await interviews.recordScorecard(TEAM, mock.interviewerId, mock.id, { ...raw, verdict: undefined }),
    ).toMatchObject({
      kind: 'invalid',
      errors: { verdict: 'Pick a recommendation.' },
    });
    const record = await interviews.recordScorecard(TEAM, mock.interviewerId, mock.id, raw);
    if (record.kind !== 'stored') throw new Error(record.kind);
    await interviews.deliverScorecard(record);
    expect(await interviews.recordScorecard(TEAM, mock.interviewerId, mock.id, raw)).toEqual({
      kind: 'scorecard-exists',
    });
    const candidateDm = `D${mock.candidateId.slice(1)}`;
    expect(posts(w, candidateDm).map(([, , b]) => b.text)).toEqual([
      `Your mock scorecard from <@${mock.interviewerId}>: Lean hire`,
    ]);
    expect(
      w.gateway
        .callsTo('publishHome')
        .map(([u]) => u)
        .sort(),
    ).toEqual([mock.candidateId, mock.interviewerId].sort());
    // The candidate pastes their answer: the rubric's view comes beside the scorecard.
    const answer = await interviews.recordAnswer(
      TEAM,
      mock.candidateId,
      mock.id,
      'I think we kind of fixed the outage and things got better for everyone.',
    );
    if (answer.kind !== 'stored') throw new Error(answer.kind);
    await interviews.deliver(answer.replyId);
    const view = posts(w, candidateDm).at(-1)?.[2] as MessageContent;
    expect(textOf(view)).toContain('The interviewer and the rubric, side by side');
    expect(await interviews.recordAnswer(TEAM, mock.interviewerId, mock.id, 'x')).toMatchObject({
      kind: 'wrong-person',
    });
    expect(await interviews.recordAnswer(TEAM, mock.candidateId, mock.id, '   ')).toMatchObject({ kind: 'invalid' });
  });

  it('lets either person reschedule once a day or cancel; a closed mock changes no more', async () => {
    const { w, mock } = await plannedPair();
    const interviews = w.services.mockInterviews;
    w.clock.set('2026-12-01T09:00:00Z');
    expect(await interviews.reschedule(TEAM, mock.candidateId, mock.id)).toEqual({ kind: 'rescheduled' });
    expect(await interviews.reschedule(TEAM, mock.interviewerId, mock.id)).toEqual({ kind: 'reschedule-limit' });
    const moved = await w.repos.mocks.get(TEAM, mock.id);
    expect((moved?.suggestedTimes[0] ?? '') > mock.suggestedTimes[0]).toBe(true);
    expect(await interviews.cancel(TEAM, mock.interviewerId, mock.id)).toEqual({ kind: 'cancelled' });
    expect(await interviews.cancel(TEAM, mock.interviewerId, mock.id)).toEqual({ kind: 'closed', status: 'cancelled' });
    expect(await interviews.pickMode(TEAM, mock.candidateId, mock.id, 'learning')).toEqual({
      kind: 'closed',
      status: 'cancelled',
    });
  });
});

describe('the pool’s commands', () => {
  it('refuses DMs, non-admins and unknown timezones, and finds no partner when nobody is free', async () => {
    const w = await poolOf(['U1111']);
    const pool = w.services.mockPool;
    expect(await pool.run(TEAM, 'D1111', 'U1111', { kind: 'join' })).toEqual({ kind: 'not-a-channel' });
    expect(await pool.request(TEAM, 'D1111', 'U1111', null)).toEqual({ kind: 'not-a-channel' });
    expect(await pool.run(TEAM, POOL, 'U1111', { kind: 'weekly', day: 1, minuteOfDay: 600 })).toEqual({
      kind: 'forbidden',
    });
    w.gateway.users.set(ADMIN, { timezone: 'Mars/Olympus', isAdmin: false, isBot: false });
    expect(await pool.run(TEAM, POOL, ADMIN, { kind: 'weekly', day: 1, minuteOfDay: 600 })).toEqual({
      kind: 'unknown-timezone',
      timezone: 'Mars/Olympus',
    });
    expect(await pool.request(TEAM, POOL, 'U2222', null)).toEqual({ kind: 'not-member' });
    expect(await pool.request(TEAM, POOL, 'U1111', 'learning')).toEqual({ kind: 'no-partner', poolSize: 1 });
    expect(await pool.run(TEAM, POOL, 'U1111', { kind: 'leave' })).toEqual({ kind: 'left' });
    expect(await pool.run(TEAM, POOL, 'U1111', { kind: 'leave' })).toEqual({ kind: 'not-member' });
    expect(await pool.run(TEAM, POOL, ADMIN, { kind: 'weekly-off' })).toEqual({ kind: 'weekly-off' });
    expect(await w.repos.mocks.weeklyPools()).toEqual([]);
  });

  it('pairs /star mock at once in the mode asked, the requester’s role alternating with their history', async () => {
    const w = await poolOf(['U1111', 'U2222']);
    w.clock.set(MONDAY);
    expect(await w.services.mockPool.request(TEAM, POOL, 'U1111', 'realistic')).toMatchObject({
      kind: 'paired',
      partnerId: 'U2222',
    });
    const [mock] = await w.repos.mocks.mocksOf(TEAM, 'U1111', 1);
    expect(mock).toMatchObject({ mode: 'realistic', status: 'planned' });
    expect(posts(w, mock.conversationId ?? '')).toHaveLength(1);
    // Both are busy with it now: nobody is free for a second one this week.
    expect(await w.services.mockPool.request(TEAM, POOL, 'U2222', null)).toMatchObject({ kind: 'no-partner' });
  });
});

describe('team views', () => {
  it('count mocks given and taken on the leaderboard and name the red flags heard in the digest, without scores', async () => {
    const { w, mock } = await plannedPair();
    const record = await w.services.mockInterviews.recordScorecard(TEAM, mock.interviewerId, mock.id, {
      ratings: { ownership: '1', impact: '1', structure: '1', delivery: '1', reflection: '1' },
      flags: ['we-language', 'no-metric'],
      verdict: 'no-hire',
      wentWell: 'Showed up.',
      toImprove: 'Everything.',
    });
    if (record.kind !== 'stored') throw new Error(record.kind);
    const rows = await w.services.community.leaderboard(TEAM, POOL, 'week');
    expect(rows.map((r) => [r.userId, r.mocksGiven, r.mocksTaken]).sort()).toEqual(
      [
        [mock.candidateId, 0, 1],
        [mock.interviewerId, 1, 0],
      ].sort(),
    );
    const digest = await w.services.community.digest(TEAM, POOL);
    expect(digest.mocks).toEqual({
      held: 1,
      people: 2,
      topFlags: [
        { id: 'no-metric', count: 1 },
        { id: 'we-language', count: 1 },
      ],
    });
  });
});
