// Pairing mock interviews: the weekly round of a channel's pool (a heads-up a day before, the
// round claimed once in the database, a group DM per pair, notes to anyone unpaired or paused), a
// partner now (`/star mock`, or after a no-show), and the few follow-ups of a mock (one nudge, one
// check-back). Every message is claimed and queued in the outbox, so nothing goes out twice.
import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import type { MessageContent } from '../core/domain.js';
import { chooseKitQuestion } from '../core/mock-kit.js';
import { choosePartner, ignoredRoundsAfter, type MockGroup, pairPool, ROLE_MEMORY_MS } from '../core/mock-pairing.js';
import { type Mock, type MockMode, type MockPool, participants, type RoundKind } from '../core/mocks.js';
import { dueSlot, localDate, nextSlots, type Slot } from '../core/schedule.js';
import { suggestTimes } from '../core/working-hours.js';
import type { NewMock, Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import {
  checkBackMessage,
  headsUpMessage,
  mockIntroMessage,
  nudgeMessage,
  pausedMessage,
  unpairedMessage,
} from '../messages/mocks.js';
import type { TimezoneCache } from './mock-timezones.js';
import type { Outbox } from './outbox.js';
import { type SlackGatewayFor, SlackRefusedError } from './slack-port.js';

const DAY_MS = 86_400_000;
/** The heads-up goes out this long before a weekly round. */
export const HEADS_UP_MS = DAY_MS;
/** The one nudge, when nobody in a pair has pressed anything this long after pairing. */
export const NUDGE_AFTER_MS = 3 * DAY_MS;
/** The check-back ("did you meet?"), before the next weekly round. */
export const CHECK_BACK_AFTER_MS = 6 * DAY_MS;
/** Mocks older than this get no more follow-ups. */
const FOLLOW_UP_HORIZON_MS = 14 * DAY_MS;
/** A group DM Slack keeps failing to open is tried this long, then the mock is given up. */
const INTRODUCE_FOR_MS = 2 * DAY_MS;
/** Someone in a planned mock this recent (or who did not show up to one) is not offered as a partner now. */
const BUSY_MS = 7 * DAY_MS;
const SUGGESTED_TIMES = 3;

export interface MockRoundsDeps {
  repos: Pick<Repositories, 'mocks' | 'users' | 'answers' | 'sessions' | 'community'>;
  library: Library;
  timezones: TimezoneCache;
  outbox: Outbox;
  slackFor: SlackGatewayFor;
  clock: Clock;
  random: () => number;
  logger: Logger;
}

export interface RoundsRun {
  headsUps: number;
  rounds: number;
  mocks: number;
  followUps: number;
}

export class MockRounds {
  constructor(private readonly deps: MockRoundsDeps) {}

  /** The minute's mock work: heads-ups and weekly rounds due, introductions still owed, nudges and check-backs. */
  async runDue(now: Date, graceMs: number): Promise<RoundsRun> {
    const run: RoundsRun = { headsUps: 0, rounds: 0, mocks: 0, followUps: 0 };
    for (const pool of await this.deps.repos.mocks.weeklyPools()) {
      try {
        if (await this.headsUp(pool, now)) run.headsUps++;
        const slot = this.dueRound(pool, now, graceMs);
        const paired = slot ? await this.pairWeekly(pool, slot, now) : undefined;
        if (paired) {
          run.rounds++;
          run.mocks += paired.mocks.length;
        }
      } catch (err) {
        // One pool's trouble (Slack down, a bad row) must not hold up the others; its claims make a retry safe.
        this.deps.logger.error(`mock round for ${pool.teamId}/${pool.channelId} failed`, err);
      }
    }
    await this.introduceOwed(now);
    run.followUps = await this.followUps(now);
    return run;
  }

  private schedule(pool: MockPool) {
    return { minuteOfDay: pool.minuteOfDay, timezone: pool.timezone, days: [pool.day] };
  }

  /** The weekly round due now, if any (missed ones within the grace window are caught up). */
  dueRound(pool: MockPool, now: Date, graceMs: number): Slot | undefined {
    const notBefore = Math.max(Date.parse(pool.notBefore), pool.lastRoundAt ? Date.parse(pool.lastRoundAt) : 0);
    return dueSlot(this.schedule(pool), now, new Date(notBefore), graceMs);
  }

  /** A day before the round: the heads-up in the channel, with a button to skip. Once per round. */
  async headsUp(pool: MockPool, now: Date): Promise<boolean> {
    const next = nextSlots(this.schedule(pool), now, 1)[0];
    if (!next || next.at.getTime() - now.getTime() > HEADS_UP_MS) return false;
    if (next.at.getTime() <= Date.parse(pool.notBefore)) return false;
    const { mocks } = this.deps.repos;
    const key = `headsup:${pool.channelId}:${next.localDate}`;
    if (await mocks.noticeSent(pool.teamId, key)) return false;
    const active = (await mocks.members(pool.teamId, pool.channelId)).filter((m) => m.status === 'active');
    // Fewer than two cannot pair: no heads-up for nothing.
    if (active.length < 2) return false;
    const id = await mocks.claimNotice(
      { teamId: pool.teamId, key, channelId: pool.channelId },
      headsUpMessage(pool, next, active.length),
      now,
    );
    if (id === undefined) return false;
    await this.deps.outbox.deliver(id);
    return true;
  }

  /** People of the pool not away on `date` (the pool's local date), not skipping `roundKey`, not excluded. */
  private async available(
    teamId: string,
    channelId: string,
    date: string,
    options: { roundKey?: string; exclude?: readonly string[]; pausing?: ReadonlySet<string> },
  ): Promise<string[]> {
    const { mocks, community } = this.deps.repos;
    const skipped = new Set(options.roundKey ? await mocks.skipped(teamId, channelId, options.roundKey) : []);
    const people: string[] = [];
    for (const m of await mocks.members(teamId, channelId)) {
      if (m.status !== 'active' || skipped.has(m.userId) || options.exclude?.includes(m.userId)) continue;
      if (options.pausing?.has(m.userId)) continue;
      const away = await community.awayOf(teamId, m.userId);
      if (away.some((r) => date >= r.from && date <= r.to)) continue;
      people.push(m.userId);
    }
    return people;
  }

  private async history(teamId: string, channelId: string, now: Date): Promise<Mock[]> {
    const since = new Date(now.getTime() - ROLE_MEMORY_MS).toISOString();
    // A cancelled mock never happened: the two may be paired again.
    return (await this.deps.repos.mocks.history(teamId, channelId, since)).filter((m) => m.status !== 'cancelled');
  }

  /** A mock as pairing decided it: the kit's question for the candidate, and times that suit everyone. */
  private async newMock(
    teamId: string,
    group: MockGroup,
    zones: Readonly<Record<string, string>>,
    now: Date,
    mode: MockMode | null,
  ): Promise<NewMock> {
    const { users, answers, sessions, mocks } = this.deps.repos;
    const candidate = group.candidateId;
    const choice = chooseKitQuestion(
      this.deps.library.scenarios,
      {
        answers: await answers.listForUser(teamId, candidate),
        practised: await sessions.scenarioCounts(teamId, candidate),
        askedInMocks: new Set(await mocks.questionsAskedOf(teamId, candidate)),
      },
      this.deps.random,
    );
    if (!choice) throw new Error('the scenario library is empty: no question for a mock');
    const pair = [group.candidateId, group.interviewerId];
    const everyone = group.observerId ? [...pair, group.observerId] : pair;
    let times = suggestTimes(
      everyone.map((id) => zones[id] ?? 'UTC'),
      now,
      SUGGESTED_TIMES,
    );
    // An observer whose hours never meet the pair's should not cost the pair its times.
    if (times.length === 0 && group.observerId)
      times = suggestTimes(
        pair.map((id) => zones[id] ?? 'UTC'),
        now,
        SUGGESTED_TIMES,
      );
    return {
      candidateId: group.candidateId,
      interviewerId: group.interviewerId,
      observerId: group.observerId,
      lp: choice.scenario.lp,
      level: (await users.get(teamId, candidate)).level,
      questionId: choice.scenario.id,
      suggestedTimes: times.map((t) => t.toISOString()),
      mode,
    };
  }

  /**
   * The weekly round: the people available are paired (avoiding recent repeats, across working
   * hours, roles alternating), the round is claimed, each group gets its group DM, and anyone left
   * unpaired or now paused gets a note. Undefined when another run claimed the round first.
   */
  async pairWeekly(pool: MockPool, slot: Slot, now: Date) {
    const { teamId, channelId } = pool;
    const { mocks } = this.deps.repos;
    const roundKey = slot.localDate;
    // Who ignored the last round is settled first, so someone paused now is not paired now.
    const ignored = ignoredRoundsAfter(
      await mocks.members(teamId, channelId),
      await mocks.lastWeeklyRound(teamId, channelId),
    );
    const pausing = new Set(ignored.filter((u) => u.pause).map((u) => u.userId));
    const people = await this.available(teamId, channelId, roundKey, { roundKey, pausing });
    const zones = await this.deps.timezones.resolve(teamId, people);
    const history = await this.history(teamId, channelId, now);
    const plan = pairPool(
      people.map((userId) => ({ userId, timezone: zones[userId] ?? 'UTC' })),
      history,
      now,
      this.deps.random,
    );
    const planned: NewMock[] = [];
    for (const group of plan.groups) planned.push(await this.newMock(teamId, group, zones, now, null));
    const claimed = await mocks.claimRound(
      { teamId, channelId, roundKey, kind: 'weekly', roundAt: slot.at.toISOString(), mocks: planned, ignored },
      now,
    );
    if (!claimed) return undefined;
    for (const mock of claimed.mocks) await this.introduce(mock, zones);
    for (const userId of plan.unpaired)
      await this.note(teamId, `unpaired:${claimed.round.id}:${userId}`, userId, unpairedMessage(channelId));
    for (const userId of pausing)
      await this.note(teamId, `paused:${claimed.round.id}:${userId}`, userId, pausedMessage(channelId));
    return { ...claimed, unpaired: plan.unpaired, paused: [...pausing] };
  }

  /**
   * A partner now for one person, from the people of the pool who are free (not away today, not
   * in a planned mock this week). The new mock is introduced at once; `no-partner` when nobody is
   * free, `duplicate` when this round key was paired before.
   */
  async pairNow(
    teamId: string,
    channelId: string,
    requesterId: string,
    options: {
      kind: Exclude<RoundKind, 'weekly'>;
      roundKey: string;
      exclude: readonly string[];
      mode: MockMode | null;
    },
  ): Promise<Mock | 'no-partner' | 'duplicate'> {
    const now = this.deps.clock.now();
    const pool = await this.deps.repos.mocks.pool(teamId, channelId);
    const today = localDate(now, pool?.timezone ?? 'UTC');
    const history = await this.history(teamId, channelId, now);
    // Busy: in a planned mock this week, or reported as not showing up to one (not offered again so soon).
    const recent = history.filter((m) => now.getTime() - Date.parse(m.createdAt) < BUSY_MS);
    const busy = new Set([
      ...recent.filter((m) => m.status === 'planned').flatMap((m) => [m.candidateId, m.interviewerId]),
      ...recent.flatMap((m) => (m.noShowUserId ? [m.noShowUserId] : [])),
    ]);
    const free = (
      await this.available(teamId, channelId, today, { exclude: [requesterId, ...options.exclude] })
    ).filter((id) => !busy.has(id));
    const zones = await this.deps.timezones.resolve(teamId, [requesterId, ...free]);
    const group = choosePartner(
      { userId: requesterId, timezone: zones[requesterId] ?? 'UTC' },
      free.map((userId) => ({ userId, timezone: zones[userId] ?? 'UTC' })),
      history,
      now,
      this.deps.random,
    );
    if (!group) return 'no-partner';
    const claimed = await this.deps.repos.mocks.claimRound(
      {
        teamId,
        channelId,
        roundKey: options.roundKey,
        kind: options.kind,
        roundAt: now.toISOString(),
        mocks: [await this.newMock(teamId, group, zones, now, options.mode)],
      },
      now,
    );
    if (!claimed) return 'duplicate';
    await this.introduce(claimed.mocks[0], zones);
    return claimed.mocks[0];
  }

  /**
   * Opens the group DM and queues the introduction (once). When Slack cannot open it now, the mock
   * stays owed and `introduceOwed` tries again, at the end of this minute's run and on later ones.
   */
  async introduce(mock: Mock, zones?: Readonly<Record<string, string>>): Promise<void> {
    const { teamId } = mock;
    let conversation: string;
    try {
      conversation = await this.deps.slackFor(teamId).openConversation(participants(mock));
    } catch (err) {
      if (err instanceof SlackRefusedError) {
        // No retry changes a refusal (someone deactivated, a scope missing): call the mock off.
        this.deps.logger.error(`Slack refused the group DM of mock ${mock.id}; calling it off`, err);
        await this.deps.repos.mocks.update(
          teamId,
          mock.id,
          () => ({ change: { status: 'cancelled' } }),
          this.deps.clock.now(),
        );
        return;
      }
      this.deps.logger.warn(`could not open the group DM of mock ${mock.id}; trying again next minute`, err);
      return;
    }
    const known = zones ?? (await this.deps.timezones.cached(teamId, participants(mock)));
    const id = await this.deps.repos.mocks.introduce(
      teamId,
      mock.id,
      conversation,
      (m) => mockIntroMessage(m, known),
      this.deps.clock.now(),
    );
    if (id !== undefined) await this.deps.outbox.deliver(id);
  }

  /** Mocks claimed but never introduced (Slack failed, or the process stopped in between). */
  async introduceOwed(now: Date): Promise<number> {
    const owed = await this.deps.repos.mocks.unintroduced(new Date(now.getTime() - INTRODUCE_FOR_MS).toISOString());
    for (const mock of owed) await this.introduce(mock);
    return owed.length;
  }

  /** A DM to one person, once under its key. A DM Slack will not open is logged and skipped. */
  async note(teamId: string, key: string, userId: string, body: MessageContent, mockId?: number): Promise<boolean> {
    const { mocks } = this.deps.repos;
    if (await mocks.noticeSent(teamId, key)) return false;
    let dm: string;
    try {
      dm = await this.deps.slackFor(teamId).openDm(userId);
    } catch (err) {
      this.deps.logger.warn(`could not open a DM with ${userId} for ${key}`, err);
      return false;
    }
    const id = await mocks.claimNotice({ teamId, key, channelId: dm, userId, mockId }, body, this.deps.clock.now());
    if (id === undefined) return false;
    await this.deps.outbox.deliver(id);
    return true;
  }

  /** In a mock's group DM, once under its key. */
  async inGroup(mock: Mock, key: string, body: MessageContent): Promise<boolean> {
    if (!mock.conversationId) return false;
    const id = await this.deps.repos.mocks.claimNotice(
      { teamId: mock.teamId, key, channelId: mock.conversationId, mockId: mock.id },
      body,
      this.deps.clock.now(),
    );
    if (id === undefined) return false;
    await this.deps.outbox.deliver(id);
    return true;
  }

  /** Gentle and few: one nudge if nobody has answered after three days, one check-back after six. */
  async followUps(now: Date): Promise<number> {
    let sent = 0;
    const since = new Date(now.getTime() - FOLLOW_UP_HORIZON_MS).toISOString();
    for (const mock of await this.deps.repos.mocks.openSince(since)) {
      const age = now.getTime() - Date.parse(mock.createdAt);
      if (age >= CHECK_BACK_AFTER_MS) {
        if (await this.inGroup(mock, `checkback:${mock.id}`, checkBackMessage(mock))) sent++;
      } else if (age >= NUDGE_AFTER_MS && mock.responded.length === 0) {
        if (await this.inGroup(mock, `nudge:${mock.id}`, nudgeMessage(mock))) sent++;
      }
    }
    return sent;
  }
}
