// `/star mocks …` and `/star mock`: a channel's opt-in pool, its weekly pairing time (admins), and
// a partner now.
import type { Clock } from '../clock.js';
import type { MocksCommand } from '../core/mock-command.js';
import type { MockMode, MockPool } from '../core/mocks.js';
import { isValidTimeZone, nextSlots } from '../core/schedule.js';
import type { Repositories } from '../db/ports.js';
import type { MockRequestOutcome, MocksOutcome } from '../messages/mocks.js';
import type { MockRounds } from './mock-rounds.js';
import type { SlackGatewayFor } from './slack-port.js';

export interface MockPoolDeps {
  repos: Pick<Repositories, 'mocks' | 'users'>;
  rounds: MockRounds;
  slackFor: SlackGatewayFor;
  clock: Clock;
  /** User ids allowed to set the weekly pairing besides workspace admins and owners (STAR_ADMINS). */
  admins: readonly string[];
}

/** A DM is no place for a pool. */
const isDm = (channelId: string) => channelId.startsWith('D');

export class MockPoolService {
  constructor(private readonly deps: MockPoolDeps) {}

  private next(pool: MockPool | undefined) {
    if (!pool?.weekly) return undefined;
    return nextSlots(
      { minuteOfDay: pool.minuteOfDay, timezone: pool.timezone, days: [pool.day] },
      this.deps.clock.now(),
      1,
    )[0];
  }

  private async mayChange(teamId: string, userId: string): Promise<boolean> {
    if (this.deps.admins.includes(userId)) return true;
    return (await this.deps.slackFor(teamId).userInfo(userId)).isAdmin;
  }

  /** Runs a parsed `/star mocks …`. May call Slack (users.info, conversations.join). */
  async run(teamId: string, channelId: string, userId: string, command: MocksCommand): Promise<MocksOutcome> {
    const { repos, clock } = this.deps;
    if (isDm(channelId)) return { kind: 'not-a-channel' };
    const now = clock.now();
    switch (command.kind) {
      case 'error':
        return { kind: 'invalid', message: command.message };
      case 'status': {
        const pool = await repos.mocks.pool(teamId, channelId);
        return {
          kind: 'status',
          pool,
          members: await repos.mocks.members(teamId, channelId),
          userId,
          next: this.next(pool),
        };
      }
      case 'join': {
        const joined = await repos.mocks.join(teamId, channelId, userId, now);
        if (joined === 'already') return { kind: 'already' };
        return {
          kind: 'joined',
          resumed: joined === 'resumed',
          pool: (await repos.mocks.pool(teamId, channelId)) as MockPool,
        };
      }
      case 'leave':
        return (await repos.mocks.leave(teamId, channelId, userId, now)) ? { kind: 'left' } : { kind: 'not-member' };
      case 'weekly-off':
        if (!(await this.mayChange(teamId, userId))) return { kind: 'forbidden' };
        await repos.mocks.setWeekly(teamId, channelId, null, userId, now);
        return { kind: 'weekly-off' };
      case 'weekly': {
        if (!(await this.mayChange(teamId, userId))) return { kind: 'forbidden' };
        let timezone = command.timezone;
        if (!timezone) {
          // The admin's own Slack timezone, as /star schedule does.
          const own = (await this.deps.slackFor(teamId).userInfo(userId)).timezone;
          timezone = own ?? 'UTC';
        }
        if (!isValidTimeZone(timezone)) return { kind: 'unknown-timezone', timezone };
        const pool = await repos.mocks.setWeekly(
          teamId,
          channelId,
          { day: command.day, minuteOfDay: command.minuteOfDay, timezone },
          userId,
          now,
        );
        const joined = await this.deps.slackFor(teamId).joinChannel(channelId);
        return { kind: 'weekly', pool, next: this.next(pool), joined };
      }
    }
  }

  /** `/star mock [mode]`: a partner now from this channel's pool. */
  async request(teamId: string, channelId: string, userId: string, mode: MockMode | null): Promise<MockRequestOutcome> {
    if (isDm(channelId)) return { kind: 'not-a-channel' };
    const members = await this.deps.repos.mocks.members(teamId, channelId);
    const active = members.filter((m) => m.status === 'active');
    if (!active.some((m) => m.userId === userId)) return { kind: 'not-member' };
    const now = this.deps.clock.now();
    const paired = await this.deps.rounds.pairNow(teamId, channelId, userId, {
      kind: 'on-demand',
      roundKey: `now:${userId}:${now.toISOString()}`,
      exclude: [],
      mode,
    });
    if (typeof paired === 'string') return { kind: 'no-partner', poolSize: active.length };
    const candidate = paired.candidateId === userId;
    return {
      kind: 'paired',
      partnerId: candidate ? paired.interviewerId : paired.candidateId,
      role: candidate ? 'candidate' : 'interviewer',
    };
  }
}
