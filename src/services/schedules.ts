// `/star schedule …` and `/star prompt`: who may change a channel's schedule, and the change.
import type { Clock } from '../clock.js';
import { isValidTimeZone, nextSlots } from '../core/schedule.js';
import type { ScheduleCommand, ScheduleOutcome } from '../core/schedule-command.js';
import type { Repositories } from '../db/ports.js';
import type { PromptService } from './prompts.js';
import type { SlackGatewayFor } from './slack-port.js';

export interface ScheduleServiceDeps {
  repos: Pick<Repositories, 'schedules' | 'users'>;
  prompts: PromptService;
  slackFor: SlackGatewayFor;
  clock: Clock;
  /** User ids allowed to change schedules besides workspace admins and owners (STAR_ADMINS). */
  admins: readonly string[];
}

export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  /** Whether this person leads the channel's practice: a workspace admin or owner, or in STAR_ADMINS. */
  isLead(teamId: string, userId: string): Promise<boolean> {
    return this.mayChange(teamId, userId);
  }

  private async mayChange(teamId: string, userId: string): Promise<boolean> {
    if (this.deps.admins.includes(userId)) return true;
    return (await this.deps.slackFor(teamId).userInfo(userId)).isAdmin;
  }

  private async status(teamId: string, channelId: string) {
    const schedule = await this.deps.repos.schedules.get(teamId, channelId);
    const next = schedule?.enabled ? nextSlots(schedule, this.deps.clock.now(), 3) : [];
    return { schedule, next };
  }

  /** Runs a parsed `/star schedule …` in a channel. May call Slack (users.info, conversations.join). */
  async run(teamId: string, channelId: string, userId: string, command: ScheduleCommand): Promise<ScheduleOutcome> {
    const { repos, clock } = this.deps;
    if (channelId.startsWith('D')) return { kind: 'not-a-channel' };
    if (command.kind === 'error') return { kind: 'invalid', message: command.message };
    if (command.kind === 'show') return { kind: 'status', ...(await this.status(teamId, channelId)) };
    if (!(await this.mayChange(teamId, userId))) return { kind: 'forbidden', wanted: 'change' };
    const now = clock.now();
    const existing = await repos.schedules.get(teamId, channelId);
    if (command.kind !== 'time' && !existing) return { kind: 'no-schedule', wanted: 'change' };
    switch (command.kind) {
      case 'off':
        await repos.schedules.update(teamId, channelId, { enabled: false }, now);
        return { kind: 'off' };
      case 'level':
        await repos.schedules.update(teamId, channelId, { level: command.level }, now);
        return { kind: 'level', level: command.level };
      case 'lps':
        await repos.schedules.update(teamId, channelId, { lps: command.lps }, now);
        return { kind: 'lps', lps: command.lps };
      case 'digest':
        await repos.schedules.update(
          teamId,
          channelId,
          { digestDay: command.day, digestMinute: command.minuteOfDay },
          now,
        );
        return {
          kind: 'digest',
          day: command.day,
          minuteOfDay: command.minuteOfDay,
          timezone: existing?.timezone ?? 'UTC',
        };
      case 'feedback':
        await repos.schedules.update(teamId, channelId, { feedback: command.feedback }, now);
        return { kind: 'feedback', feedback: command.feedback };
      case 'time': {
        let timezone = command.timezone;
        if (!timezone) {
          // The caller's own Slack timezone, remembered for next time.
          const own = (await this.deps.slackFor(teamId).userInfo(userId)).timezone;
          if (own) await repos.users.setTimezone(teamId, userId, own, now);
          timezone = own ?? 'UTC';
        }
        if (!isValidTimeZone(timezone)) return { kind: 'unknown-timezone', timezone };
        await repos.schedules.upsertTime(
          { teamId, channelId, minuteOfDay: command.minuteOfDay, timezone, days: command.days, createdBy: userId },
          now,
        );
        const joined = await this.deps.slackFor(teamId).joinChannel(channelId);
        return {
          kind: 'set',
          minuteOfDay: command.minuteOfDay,
          timezone,
          days: command.days,
          joined,
          status: await this.status(teamId, channelId),
        };
      }
    }
  }

  /** `/star prompt`: the channel's next prompt, now. */
  async promptNow(teamId: string, channelId: string, userId: string): Promise<ScheduleOutcome> {
    if (!(await this.mayChange(teamId, userId))) return { kind: 'forbidden', wanted: 'prompt' };
    const schedule = await this.deps.repos.schedules.get(teamId, channelId);
    if (!schedule) return { kind: 'no-schedule', wanted: 'prompt' };
    // In a private channel the bot cannot join by itself; posting then works only if it was invited.
    await this.deps.slackFor(teamId).joinChannel(channelId);
    return { kind: 'prompted', posted: await this.deps.prompts.promptNow(schedule) };
  }
}
