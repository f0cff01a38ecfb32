import { describe, expect, it } from 'vitest';
import { dueDigestWeek } from '../../src/core/schedule.js';
import { parseScheduleCommand } from '../../src/core/schedule-command.js';

describe('parseScheduleCommand', () => {
  it('reads times, zones and days in any order after the time', () => {
    expect(parseScheduleCommand(['9:30', 'mon,wed,fri', 'Asia/Tokyo'])).toEqual({
      kind: 'time',
      minuteOfDay: 570,
      timezone: 'Asia/Tokyo',
      days: [1, 3, 5],
    });
    expect(parseScheduleCommand(['07:05'])).toEqual({
      kind: 'time',
      minuteOfDay: 425,
      timezone: undefined,
      days: [1, 2, 3, 4, 5],
    });
    expect(parseScheduleCommand([])).toEqual({ kind: 'show' });
  });

  it('reads the settings words', () => {
    expect(parseScheduleCommand(['off'])).toEqual({ kind: 'off' });
    expect(parseScheduleCommand(['level', 'ANY'])).toEqual({ kind: 'level', level: null });
    expect(parseScheduleCommand(['level', 'senior'])).toEqual({ kind: 'level', level: 'senior' });
    expect(parseScheduleCommand(['lps', 'ownership,', 'dive-deep', 'ownership'])).toEqual({
      kind: 'lps',
      lps: ['ownership', 'dive-deep'],
    });
    expect(parseScheduleCommand(['lps', 'all'])).toEqual({ kind: 'lps', lps: [] });
    expect(parseScheduleCommand(['feedback', 'Public'])).toEqual({ kind: 'feedback', feedback: 'public' });
    expect(parseScheduleCommand(['digest', 'mon', '08:15'])).toEqual({ kind: 'digest', day: 1, minuteOfDay: 495 });
  });

  it.each([
    [['off', 'now'], 'Usage: `/star schedule HH:MM'],
    [['digest', 'mon,tue', '08:00'], 'one day and a local time'],
    [['09:00', 'Europe/Berlin', 'Asia/Tokyo'], 'not a timezone I know'],
    [['09:00', 'weekdays', 'daily'], 'Days given twice'],
    [['lps'], 'Usage: `/star schedule lps all`'],
  ])('says what to type for %j', (words, message) => {
    const parsed = parseScheduleCommand(words);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toContain(message);
  });
});

describe('dueDigestWeek', () => {
  const friday1600 = { digestDay: 5, digestMinute: 16 * 60 };

  it('is due from its local time for an hour, keyed by the local date', () => {
    const berlin = { ...friday1600, timezone: 'Europe/Berlin' };
    expect(dueDigestWeek(berlin, new Date('2026-11-27T14:59:00Z'))).toBeUndefined();
    expect(dueDigestWeek(berlin, new Date('2026-11-27T15:00:00Z'))).toBe('2026-11-27');
    expect(dueDigestWeek(berlin, new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-27');
    expect(dueDigestWeek(berlin, new Date('2026-11-27T16:01:00Z'))).toBeUndefined();
    expect(dueDigestWeek(berlin, new Date('2026-11-26T15:30:00Z'))).toBeUndefined(); // Thursday
  });

  it('follows the zone across a DST change and the date line', () => {
    // Sunday 29 March 2026, 02:30 in Berlin does not exist: due at 03:30 local (01:30 UTC).
    const spring = { digestDay: 0, digestMinute: 150, timezone: 'Europe/Berlin' };
    expect(dueDigestWeek(spring, new Date('2026-03-29T01:29:00Z'))).toBeUndefined();
    expect(dueDigestWeek(spring, new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29');
    // Friday 16:00 in Kiritimati (UTC+14) is Friday 02:00 UTC.
    const kiritimati = { ...friday1600, timezone: 'Pacific/Kiritimati' };
    expect(dueDigestWeek(kiritimati, new Date('2026-11-27T02:10:00Z'))).toBe('2026-11-27');
  });
});
