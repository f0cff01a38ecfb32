// When can two or three teammates in different timezones meet? Each person's working hours
// (Monday to Friday, 09:00–18:00 on their own clock) as instants, intersected. Pure: the instants
// come from Intl through schedule.ts, and `from` is always an argument.
import { isValidTimeZone, localParts, zonedInstant } from './schedule.js';

/** The working day assumed for everyone, on their own clock. */
export const WORKDAY_START_MINUTE = 9 * 60;
export const WORKDAY_END_MINUTE = 18 * 60;
/** How long a mock interview takes: questions, probes and a few minutes of feedback. */
export const MOCK_MINUTES = 45;
/** A suggested time leaves at least this much notice after the pairing. */
const MIN_NOTICE_MS = 2 * 60 * 60_000;
const HALF_HOUR_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

/** A span of time, in epoch milliseconds, end excluded. */
export interface Interval {
  start: number;
  end: number;
}

/** A timezone's working hours between two instants (weekdays on that zone's own calendar). */
export function workingHours(timezone: string, from: Date, to: Date): Interval[] {
  const out: Interval[] = [];
  const first = localParts(from, timezone);
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS) + 1;
  for (let i = 0; i <= days; i++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const start = Math.max(zonedInstant(y, m, d, WORKDAY_START_MINUTE, timezone).getTime(), from.getTime());
    const end = Math.min(zonedInstant(y, m, d, WORKDAY_END_MINUTE, timezone).getTime(), to.getTime());
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The spans two sorted lists of spans share. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

export function totalMinutes(intervals: readonly Interval[]): number {
  return Math.round(intervals.reduce((n, x) => n + (x.end - x.start), 0) / 60_000);
}

/**
 * Up to `count` start times, one per shared stretch (so on different days), at which everyone is
 * inside their working hours for a whole mock. Starts on the hour or half hour, at least two hours
 * after `from`. Empty when the working hours never overlap in the week ahead.
 */
export function suggestTimes(timezones: readonly string[], from: Date, count: number, horizonDays = 7): Date[] {
  const to = new Date(from.getTime() + horizonDays * DAY_MS);
  const shared = timezones.map((tz) => workingHours(tz, from, to)).reduce((a, b) => intersect(a, b));
  const earliest = from.getTime() + MIN_NOTICE_MS;
  const times: Date[] = [];
  for (const span of shared) {
    if (times.length >= count) break;
    const start = Math.ceil(Math.max(span.start, earliest) / HALF_HOUR_MS) * HALF_HOUR_MS;
    if (start + MOCK_MINUTES * 60_000 <= span.end) times.push(new Date(start));
  }
  return times;
}

/**
 * The zone to plan a person's day in: Slack's `tz` when Intl knows it; else a fixed zone from its
 * `tz_offset` (whole hours only: Etc/GMT names count the other way, so +2 h is Etc/GMT-2); else UTC.
 */
export function zoneFor(timezone: string | null | undefined, offsetSeconds: number | null | undefined): string {
  if (timezone && isValidTimeZone(timezone)) return timezone;
  if (typeof offsetSeconds === 'number' && offsetSeconds % 3600 === 0) {
    const hours = offsetSeconds / 3600;
    if (hours === 0) return 'UTC';
    const fixed = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
    if (isValidTimeZone(fixed)) return fixed;
  }
  return 'UTC';
}
