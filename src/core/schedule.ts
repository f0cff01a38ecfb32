// When does a channel's daily prompt go out? Pure calendar math in the channel's IANA timezone,
// through Intl (no clock: `now` always comes in as an argument).

export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAY_NAMES)[number];

export interface Schedule {
  /** Minutes after local midnight. */
  minuteOfDay: number;
  timezone: string;
  /** Days of the week (0 = Sunday) the prompt is posted. */
  days: readonly number[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** "09:30" or "9:30" → minutes after midnight. */
export function parseTime(text: string): Parsed<number> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return { ok: false, error: `"${text}" is not a time; use 24-hour HH:MM, e.g. 09:30` };
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59)
    return { ok: false, error: `"${text}" is not a time of day; hours go to 23 and minutes to 59` };
  return { ok: true, value: hours * 60 + minutes };
}

export function formatTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** "weekdays", "daily", or a list such as "mon,wed,fri". */
export function parseDays(text: string): Parsed<number[]> {
  const t = text.trim().toLowerCase();
  if (t === 'weekdays') return { ok: true, value: WEEKDAYS };
  if (t === 'daily' || t === 'everyday') return { ok: true, value: EVERY_DAY };
  const names = t.split(',').map((d) => d.trim().slice(0, 3));
  const days = new Set<number>();
  for (const name of names) {
    const index = WEEKDAY_NAMES.indexOf(name as Weekday);
    if (index < 0)
      return { ok: false, error: `"${text}" is not a set of days; use weekdays, daily, or a list such as mon,wed,fri` };
    days.add(index);
  }
  return { ok: true, value: [...days].sort() };
}

export function formatDays(days: readonly number[]): string {
  const sorted = [...days].sort();
  if (sorted.join() === WEEKDAYS.join()) return 'weekdays';
  if (sorted.length === 7) return 'daily';
  return sorted.map((d) => WEEKDAY_NAMES[d]).join(',');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Whether Intl knows the zone (IANA names such as Europe/Berlin, Pacific/Kiritimati). */
export function isValidTimeZone(timezone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(timezone) && timezone !== 'UTC') return false;
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** The wall-clock reading of an instant in a timezone. */
export function localParts(instant: Date, timezone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timezone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAY_NAMES.indexOf(parts.weekday.toLowerCase().slice(0, 3) as Weekday),
  };
}

/** YYYY-MM-DD of an instant in a timezone: the key of a daily slot. */
export function localDate(instant: Date, timezone: string): string {
  const p = localParts(instant, timezone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function offsetMs(instant: number, timezone: string): number {
  const p = localParts(new Date(instant), timezone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local date and time happens in a timezone. A time skipped by a DST change (02:30
 * on a spring-forward night) happens at the same distance past the change (03:30); a time that
 * happens twice (autumn) is taken the first time.
 */
export function zonedInstant(year: number, month: number, day: number, minuteOfDay: number, timezone: string): Date {
  const wall = Date.UTC(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const before = wall - offsetMs(wall - 86_400_000 / 2, timezone);
  const candidates = [wall - offsetMs(wall, timezone), before, wall - offsetMs(before, timezone)];
  // Prefer the earliest candidate whose local reading is the wall time asked for.
  const exact = candidates.filter((c) => {
    const p = localParts(new Date(c), timezone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: use the offset from before the change, which lands past the gap by its length.
  return new Date(before);
}

function addDays(year: number, month: number, day: number, delta: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + delta));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export interface Slot {
  /** The instant the prompt is due. */
  at: Date;
  /** The local date it belongs to: one prompt per channel per local date. */
  localDate: string;
}

function slotOn(schedule: Schedule, y: number, m: number, d: number): Slot {
  return {
    at: zonedInstant(y, m, d, schedule.minuteOfDay, schedule.timezone),
    localDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  };
}

/** The most recent slot at or before `now`, or undefined when none falls in the last 8 days. */
export function latestSlot(schedule: Schedule, now: Date): Slot | undefined {
  if (schedule.days.length === 0) return undefined;
  const today = localParts(now, schedule.timezone);
  for (let back = 0; back <= 8; back++) {
    const [y, m, d] = addDays(today.year, today.month, today.day, -back);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (!schedule.days.includes(weekday)) continue;
    const slot = slotOn(schedule, y, m, d);
    if (slot.at.getTime() <= now.getTime()) return slot;
  }
  return undefined;
}

/** The next `count` slots strictly after `now`. */
export function nextSlots(schedule: Schedule, now: Date, count: number): Slot[] {
  const slots: Slot[] = [];
  if (schedule.days.length === 0) return slots;
  const today = localParts(now, schedule.timezone);
  for (let ahead = 0; slots.length < count && ahead < 7 * count + 8; ahead++) {
    const [y, m, d] = addDays(today.year, today.month, today.day, ahead);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (!schedule.days.includes(weekday)) continue;
    const slot = slotOn(schedule, y, m, d);
    if (slot.at.getTime() > now.getTime()) slots.push(slot);
  }
  return slots;
}

/**
 * The slot to post now, if any: the latest slot, when it came after `notBefore` (the schedule's
 * creation or last claimed slot) and no longer ago than the grace window. Late slots within the
 * window are caught up (the bot was down); older ones are skipped.
 */
export function dueSlot(schedule: Schedule, now: Date, notBefore: Date, graceMs: number): Slot | undefined {
  const slot = latestSlot(schedule, now);
  if (!slot) return undefined;
  if (slot.at.getTime() <= notBefore.getTime()) return undefined;
  if (now.getTime() - slot.at.getTime() > graceMs) return undefined;
  return slot;
}

/** Slack for a DST change between a slot and now, in the quick pre-check below. */
const DST_SLACK_MINUTES = 60;

/**
 * A cheap pre-check before dueSlot: whether a daily time can have come due within the grace
 * window, given the local minute of the day now. False means dueSlot would find nothing.
 */
export function mightBeDue(minuteOfDay: number, localMinuteNow: number, graceMs: number): boolean {
  const since = (localMinuteNow - minuteOfDay + 1440) % 1440;
  // After an autumn change the local clock can read up to an hour before a slot already passed.
  return since <= graceMs / 60_000 + DST_SLACK_MINUTES || since >= 1440 - DST_SLACK_MINUTES;
}

/** How late a weekly digest may still be posted (the tick runs every minute; restarts happen). */
const DIGEST_WINDOW_MS = 60 * 60_000;

/**
 * The week key (the local date) of a digest due now: its day and local time this week, at most an
 * hour ago. Undefined when none is due.
 */
export function dueDigestWeek(
  digest: { timezone: string; digestDay: number; digestMinute: number },
  now: Date,
): string | undefined {
  const p = localParts(now, digest.timezone);
  if (p.weekday !== digest.digestDay) return undefined;
  const at = zonedInstant(p.year, p.month, p.day, digest.digestMinute, digest.timezone);
  const late = now.getTime() - at.getTime();
  if (late < 0 || late > DIGEST_WINDOW_MS) return undefined;
  return localDate(now, digest.timezone);
}

/** Stored as the next run of a schedule that has none (no days, or turned off): never due. */
export const NEVER = '9999-12-31T23:59:59.999Z';

/**
 * When the minute tick must next look at a schedule's prompt: the first slot after its start, its
 * last claimed slot and `since`, whichever is latest (`since` is now less the grace window after a
 * tick handled it, so a slot still within the window stays due). The tick asks only for schedules
 * whose instant has come, and dueSlot still decides; this only says when asking can find something.
 */
export function nextRunAt(
  schedule: Schedule & { enabled: boolean; notBefore: string; lastSlotAt: string | null },
  since?: Date,
): string {
  if (!schedule.enabled || schedule.days.length === 0) return NEVER;
  const after = Math.max(
    Date.parse(schedule.notBefore),
    schedule.lastSlotAt ? Date.parse(schedule.lastSlotAt) : 0,
    since ? since.getTime() : 0,
  );
  return nextSlots(schedule, new Date(after), 1)[0]?.at.toISOString() ?? NEVER;
}

/**
 * When the tick must next look at a schedule's weekly digest: its first local day and time after
 * `after` (which the tick sets to now once it handled one; a schedule's start less the late window
 * otherwise, so a digest due when the schedule is made still goes out, as dueDigestWeek allows).
 */
export function nextDigestAt(
  digest: { timezone: string; digestDay: number; digestMinute: number; enabled: boolean },
  after: Date,
): string {
  if (!digest.enabled) return NEVER;
  const local = localParts(after, digest.timezone);
  for (let ahead = 0; ahead <= 8; ahead++) {
    const [y, m, d] = addDays(local.year, local.month, local.day, ahead);
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() !== digest.digestDay) continue;
    const at = zonedInstant(y, m, d, digest.digestMinute, digest.timezone);
    if (at.getTime() > after.getTime()) return at.toISOString();
  }
  return NEVER;
}

/** How far back a schedule's first digest may lie: the window dueDigestWeek still posts in. */
export const DIGEST_LATE_MS = DIGEST_WINDOW_MS;
