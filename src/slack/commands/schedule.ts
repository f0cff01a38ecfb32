import { isLevel, isLpId, LEVEL_NAMES, lpName } from '../../core/lp.js';
import {
  formatDays,
  formatTime,
  isValidTimeZone,
  nextSlots,
  parseDays,
  parseTime,
  WEEKDAY_NAMES,
} from '../../core/schedule.js';
import { toSchedule } from '../../services/channel.js';
import type { Services } from '../services.js';
import { scheduleStatusMessage } from '../views/channel.js';
import { ephemeral } from '../views/limits.js';

export type ScheduleCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'level'; level: 'sde1' | 'sde2' | 'senior' | null }
  | { kind: 'lps'; lps: string[] }
  | { kind: 'feedback'; feedback: 'private' | 'public' }
  | { kind: 'time'; minuteOfDay: number; timezone?: string; days: number[] }
  | { kind: 'digest'; day: number; minuteOfDay: number }
  | { kind: 'error'; message: string };

const USAGE =
  'Usage: `/star schedule HH:MM [IANA timezone] [weekdays|daily|mon,wed,fri]`, or `/star schedule off|level …|lps …|feedback public|private`.';

/** Parses the words after `/star schedule`; every mistake becomes a message that says what to type. */
export function parseScheduleCommand(args: string[]): ScheduleCommand {
  const [first, ...rest] = args;
  if (first === undefined) return { kind: 'show' };
  const word = first.toLowerCase();
  if (word === 'off') return rest.length === 0 ? { kind: 'off' } : { kind: 'error', message: USAGE };
  if (word === 'level') {
    const level = rest[0]?.toLowerCase();
    if (rest.length === 1 && level === 'any') return { kind: 'level', level: null };
    if (rest.length === 1 && level && isLevel(level)) return { kind: 'level', level };
    return {
      kind: 'error',
      message: 'Usage: `/star schedule level sde1|sde2|senior|any` (any: each person’s own level).',
    };
  }
  if (word === 'lps') {
    const ids = rest
      .join(',')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (ids.length === 1 && ids[0] === 'all') return { kind: 'lps', lps: [] };
    const unknown = ids.filter((id) => !isLpId(id));
    if (ids.length === 0 || unknown.length > 0) {
      return {
        kind: 'error',
        message: `${unknown.length > 0 ? `Unknown LP id: ${unknown.join(', ')}. ` : ''}Usage: \`/star schedule lps all\` or \`/star schedule lps ownership,dive-deep\`.`,
      };
    }
    return { kind: 'lps', lps: [...new Set(ids)] };
  }
  if (word === 'digest') {
    const day = rest[0] ? parseDays(rest[0]) : undefined;
    const time = rest[1] ? parseTime(rest[1]) : undefined;
    if (rest.length !== 2 || !day?.ok || day.value.length !== 1 || !time?.ok) {
      return { kind: 'error', message: 'Usage: `/star schedule digest fri 16:00` (one day and a local time).' };
    }
    return { kind: 'digest', day: day.value[0], minuteOfDay: time.value };
  }
  if (word === 'feedback') {
    const mode = rest[0]?.toLowerCase();
    if (rest.length === 1 && (mode === 'public' || mode === 'private')) return { kind: 'feedback', feedback: mode };
    return { kind: 'error', message: 'Usage: `/star schedule feedback public|private`.' };
  }
  const time = parseTime(first);
  if (!time.ok) return { kind: 'error', message: `${time.error}. ${USAGE}` };
  let timezone: string | undefined;
  let days: number[] | undefined;
  for (const token of rest) {
    const asDays = parseDays(token);
    if (asDays.ok && days === undefined) days = asDays.value;
    else if (timezone === undefined && isValidTimeZone(token)) timezone = token;
    else if (token.includes('/') || /^[A-Z]/.test(token))
      return {
        kind: 'error',
        message: `"${token}" is not a timezone I know; use an IANA name such as Europe/Berlin or America/New_York.`,
      };
    else return { kind: 'error', message: `${asDays.ok ? 'Days given twice' : asDays.error}. ${USAGE}` };
  }
  return { kind: 'time', minuteOfDay: time.value, timezone, days: days ?? [1, 2, 3, 4, 5] };
}

async function mayChangeSchedule(services: Services, teamId: string, userId: string): Promise<boolean> {
  if (services.admins.includes(userId)) return true;
  return (await services.slackFor(teamId).userInfo(userId)).isAdmin;
}

/** Runs `/star schedule …` (and `/star prompt`) after the command was acked; returns the reply. */
export async function runScheduleCommand(
  services: Services,
  teamId: string,
  channelId: string,
  userId: string,
  args: string[],
): Promise<ReturnType<typeof ephemeral> | { response_type: 'ephemeral'; text: string }> {
  const { repos, clock } = services;
  if (channelId.startsWith('D')) {
    return {
      response_type: 'ephemeral',
      text: ':warning: Daily prompts are for channels: run `/star schedule` in the channel that should get them.',
    };
  }
  const command = parseScheduleCommand(args);
  const show = () => {
    const schedule = repos.schedules.get(teamId, channelId);
    const next = schedule?.enabled ? nextSlots(toSchedule(schedule), clock.now(), 3) : [];
    return ephemeral(scheduleStatusMessage(schedule, next));
  };
  if (command.kind === 'error') return { response_type: 'ephemeral', text: `:warning: ${command.message}` };
  if (command.kind === 'show') return show();
  if (!(await mayChangeSchedule(services, teamId, userId))) {
    return {
      response_type: 'ephemeral',
      text: ':lock: Only workspace admins and owners, or people listed in STAR_ADMINS, can change this channel’s schedule.',
    };
  }
  const now = clock.now();
  const existing = repos.schedules.get(teamId, channelId);
  if (command.kind !== 'time' && !existing) {
    return {
      response_type: 'ephemeral',
      text: ':warning: This channel has no schedule yet. Start with `/star schedule 09:30 Europe/Berlin weekdays`.',
    };
  }
  switch (command.kind) {
    case 'off':
      repos.schedules.update(teamId, channelId, { enabled: false }, now);
      return {
        response_type: 'ephemeral',
        text: ':zzz: Daily prompts are off in this channel. `/star schedule HH:MM` turns them on again.',
      };
    case 'level':
      repos.schedules.update(teamId, channelId, { level: command.level }, now);
      return {
        response_type: 'ephemeral',
        text: `:white_check_mark: Answers here are judged at ${command.level ? LEVEL_NAMES[command.level] : 'each person’s own level'}.`,
      };
    case 'lps':
      repos.schedules.update(teamId, channelId, { lps: command.lps }, now);
      return {
        response_type: 'ephemeral',
        text: `:white_check_mark: Prompts here rotate through ${command.lps.length > 0 ? command.lps.map(lpName).join(', ') : 'all sixteen LPs'}.`,
      };
    case 'digest':
      repos.schedules.update(teamId, channelId, { digestDay: command.day, digestMinute: command.minuteOfDay }, now);
      return {
        response_type: 'ephemeral',
        text: `:newspaper: The weekly digest comes on ${WEEKDAY_NAMES[command.day]} at ${formatTime(command.minuteOfDay)} ${existing?.timezone}.`,
      };
    case 'feedback':
      repos.schedules.update(teamId, channelId, { feedback: command.feedback }, now);
      return {
        response_type: 'ephemeral',
        text: `:white_check_mark: Feedback here is now ${command.feedback === 'public' ? 'posted in the thread' : 'private to each author, with a verdict dot on the answer'}.`,
      };
    case 'time': {
      let timezone = command.timezone;
      if (!timezone) {
        const own = (await services.slackFor(teamId).userInfo(userId)).timezone;
        if (own) repos.users.setTimezone(teamId, userId, own, now);
        timezone = own ?? 'UTC';
      }
      if (!isValidTimeZone(timezone))
        return {
          response_type: 'ephemeral',
          text: `:warning: Your Slack timezone "${timezone}" is not one I know; give one, e.g. Europe/Berlin.`,
        };
      repos.schedules.upsertTime(
        { teamId, channelId, minuteOfDay: command.minuteOfDay, timezone, days: command.days, createdBy: userId },
        now,
      );
      const joined = await services.slackFor(teamId).joinChannel(channelId);
      const status = show();
      const intro = `:calendar: Daily prompt set for ${formatTime(command.minuteOfDay)} ${timezone}, ${formatDays(command.days)}.${joined ? '' : ' I could not join this channel by myself (it may be private): invite me with `/invite @STAR Coach`.'}`;
      return {
        ...status,
        text: intro,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: intro } }, ...status.blocks],
      };
    }
  }
}

/** `/star prompt`: the channel's next prompt, now. */
export async function runPromptCommand(services: Services, teamId: string, channelId: string, userId: string) {
  if (!(await mayChangeSchedule(services, teamId, userId))) {
    return {
      response_type: 'ephemeral' as const,
      text: ':lock: Only workspace admins and owners, or people listed in STAR_ADMINS, can post a prompt.',
    };
  }
  const schedule = services.repos.schedules.get(teamId, channelId);
  if (!schedule) {
    return {
      response_type: 'ephemeral' as const,
      text: ':warning: This channel has no schedule yet; set one first with `/star schedule HH:MM`.',
    };
  }
  // In a private channel the bot cannot join by itself; posting then works only if it was invited.
  await services.slackFor(teamId).joinChannel(channelId);
  const posted = await services.channel.promptNow(schedule);
  return {
    response_type: 'ephemeral' as const,
    text: posted
      ? ':white_check_mark: Posted the next prompt.'
      : ':warning: Slack did not take the prompt (is the bot in this channel? `/invite @STAR Coach`). It is saved and retried.',
  };
}
