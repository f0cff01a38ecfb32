// `/star mocks …` and `/star mock …` as typed: parsed into commands, every mistake into a message
// that says what to type.
import { MOCK_MODES, type MockMode } from './mocks.js';
import { isValidTimeZone, parseDays, parseTime } from './schedule.js';

export type MocksCommand =
  | { kind: 'status' }
  | { kind: 'join' }
  | { kind: 'leave' }
  | { kind: 'weekly'; day: number; minuteOfDay: number; timezone?: string }
  | { kind: 'weekly-off' }
  | { kind: 'error'; message: string };

export const MOCKS_USAGE =
  'Usage: `/star mocks join`, `/star mocks leave`, `/star mocks schedule weekly mon 10:00 [IANA timezone]`, `/star mocks schedule off`, or `/star mocks` to see the pool.';

const SCHEDULE_USAGE =
  'Usage: `/star mocks schedule weekly mon 10:00 [IANA timezone]` (one day and a 24-hour local time), or `/star mocks schedule off`.';

/** Parses the words after `/star mocks`. */
export function parseMocksCommand(words: readonly string[]): MocksCommand {
  const [first, ...rest] = words.map((w) => w.trim()).filter(Boolean);
  if (first === undefined || first.toLowerCase() === 'status')
    return rest.length === 0 ? { kind: 'status' } : { kind: 'error', message: MOCKS_USAGE };
  const word = first.toLowerCase();
  if (word === 'join' || word === 'leave')
    return rest.length === 0 ? { kind: word } : { kind: 'error', message: MOCKS_USAGE };
  if (word !== 'schedule') return { kind: 'error', message: `Unknown \`/star mocks ${first}\`. ${MOCKS_USAGE}` };
  if (rest.length === 1 && rest[0].toLowerCase() === 'off') return { kind: 'weekly-off' };
  const [every, dayText, timeText, zone, ...extra] = rest;
  if (every?.toLowerCase() !== 'weekly' || !dayText || !timeText || extra.length > 0)
    return { kind: 'error', message: SCHEDULE_USAGE };
  const day = parseDays(dayText);
  if (!day.ok || day.value.length !== 1)
    return { kind: 'error', message: `"${dayText}" is not one day of the week (mon, tue, …). ${SCHEDULE_USAGE}` };
  const time = parseTime(timeText);
  if (!time.ok) return { kind: 'error', message: `${time.error}. ${SCHEDULE_USAGE}` };
  if (zone !== undefined && !isValidTimeZone(zone))
    return {
      kind: 'error',
      message: `"${zone}" is not a timezone I know; use an IANA name such as Europe/Berlin or America/New_York.`,
    };
  return { kind: 'weekly', day: day.value[0], minuteOfDay: time.value, ...(zone ? { timezone: zone } : {}) };
}

export type MockRequest = { ok: true; mode: MockMode | null } | { ok: false; message: string };

/** Parses the words after `/star mock`: nothing, or the mode (`learning` or `realistic`). */
export function parseMockRequest(words: readonly string[]): MockRequest {
  const cleaned = words.map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (cleaned.length === 0) return { ok: true, mode: null };
  const mode = MOCK_MODES.find((m) => m === cleaned[0]);
  if (cleaned.length === 1 && mode) return { ok: true, mode };
  return {
    ok: false,
    message:
      'Usage: `/star mock [learning|realistic]` in a channel with a mock pool: a partner now. Learning: the interviewer may pause and coach; realistic: no hints, probes under time.',
  };
}
