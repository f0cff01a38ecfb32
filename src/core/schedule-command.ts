// `/star schedule …` as typed: parsed into a command, every mistake into a message saying what to type.
import type { ChannelSchedule, FeedbackMode } from './domain.js';
import { isLevel, isLpId, type Level } from './lp.js';
import { isValidTimeZone, parseDays, parseTime, type Slot } from './schedule.js';

export type ScheduleCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'level'; level: Level | null }
  | { kind: 'lps'; lps: string[] }
  | { kind: 'feedback'; feedback: FeedbackMode }
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

/** What `/star schedule …` or `/star prompt` did, for the reply (rendered by src/messages/schedule.ts). */
export type ScheduleOutcome =
  | { kind: 'not-a-channel' }
  | { kind: 'invalid'; message: string }
  | { kind: 'forbidden'; wanted: 'change' | 'prompt' }
  | { kind: 'no-schedule'; wanted: 'change' | 'prompt' }
  | { kind: 'status'; schedule: ChannelSchedule | undefined; next: Slot[] }
  | { kind: 'off' }
  | { kind: 'level'; level: Level | null }
  | { kind: 'lps'; lps: string[] }
  | { kind: 'digest'; day: number; minuteOfDay: number; timezone: string }
  | { kind: 'feedback'; feedback: FeedbackMode }
  | { kind: 'unknown-timezone'; timezone: string }
  | {
      kind: 'set';
      minuteOfDay: number;
      timezone: string;
      days: number[];
      joined: boolean;
      status: { schedule: ChannelSchedule | undefined; next: Slot[] };
    }
  | { kind: 'prompted'; posted: boolean };
