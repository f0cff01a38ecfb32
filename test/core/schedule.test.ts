import { describe, expect, it } from 'vitest';
import {
  dueSlot,
  formatDays,
  isValidTimeZone,
  latestSlot,
  localDate,
  NEVER,
  nextDigestAt,
  nextRunAt,
  nextSlots,
  parseDays,
  parseTime,
  type Schedule,
  zonedInstant,
} from '../../src/core/schedule.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date | undefined) => d?.toISOString();

describe('parsing', () => {
  it.each([
    ['09:30', 570],
    ['9:05', 545],
    ['00:00', 0],
    ['23:59', 1439],
  ])('reads %s', (text, minutes) => expect(parseTime(text)).toEqual({ ok: true, value: minutes }));
  it.each(['24:00', '12:60', '9', '9.30', 'noon', '', '12:5'])('rejects %j', (text) =>
    expect(parseTime(text).ok).toBe(false),
  );
  it('reads days', () => {
    expect(parseDays('weekdays')).toEqual({ ok: true, value: [1, 2, 3, 4, 5] });
    expect(parseDays('daily')).toEqual({ ok: true, value: [0, 1, 2, 3, 4, 5, 6] });
    expect(parseDays('fri,mon,wed')).toEqual({ ok: true, value: [1, 3, 5] });
    expect(parseDays('Monday,Tuesday')).toEqual({ ok: true, value: [1, 2] });
    expect(parseDays('mon,funday').ok).toBe(false);
    expect(formatDays([1, 2, 3, 4, 5])).toBe('weekdays');
    expect(formatDays([5, 1])).toBe('mon,fri');
  });
  it('knows IANA zones and refuses others', () => {
    for (const tz of [
      'Europe/Berlin',
      'America/New_York',
      'Pacific/Kiritimati',
      'Pacific/Honolulu',
      'UTC',
      'America/Argentina/Buenos_Aires',
    ])
      expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['Mars/Olympus', 'CEST+2', 'Europe/Berlin; DROP', '']) expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('zonedInstant across the world (UTC−10 to UTC+14)', () => {
  it.each([
    ['Pacific/Honolulu', '2026-06-15T19:00:00.000Z'], // UTC−10, no DST
    ['America/Los_Angeles', '2026-06-15T16:00:00.000Z'], // PDT, UTC−7
    ['UTC', '2026-06-15T09:00:00.000Z'],
    ['Europe/Berlin', '2026-06-15T07:00:00.000Z'], // CEST, UTC+2
    ['Asia/Kolkata', '2026-06-15T03:30:00.000Z'], // UTC+5:30
    ['Asia/Kathmandu', '2026-06-15T03:15:00.000Z'], // UTC+5:45
    ['Australia/Sydney', '2026-06-14T23:00:00.000Z'], // AEST in June, UTC+10
    ['Pacific/Kiritimati', '2026-06-14T19:00:00.000Z'], // UTC+14: the day before in UTC
  ])('09:00 on 15 June in %s is %s', (tz, expected) => expect(iso(zonedInstant(2026, 6, 15, 540, tz))).toBe(expected));
});

describe('DST changes both ways', () => {
  it('spring forward: a skipped local time moves past the gap (New York, 8 March 2026)', () => {
    expect(iso(zonedInstant(2026, 3, 8, 150, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z'); // 02:30 does not exist → 03:30 EDT
    expect(iso(zonedInstant(2026, 3, 8, 540, 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect(iso(zonedInstant(2026, 3, 7, 540, 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z'); // 09:00 EST the day before
  });
  it('fall back: a doubled local time is taken the first time (New York, 1 November 2026)', () => {
    expect(iso(zonedInstant(2026, 11, 1, 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedInstant(2026, 11, 1, 540, 'America/New_York'))).toBe('2026-11-01T14:00:00.000Z');
  });
  it('keeps the local time steady across Berlin changes and the southern hemisphere', () => {
    const berlin: Schedule = { minuteOfDay: 570, timezone: 'Europe/Berlin', days: [0, 1, 2, 3, 4, 5, 6] };
    const march = nextSlots(berlin, at('2026-03-28T00:00:00Z'), 2).map((s) => iso(s.at));
    expect(march).toEqual(['2026-03-28T08:30:00.000Z', '2026-03-29T07:30:00.000Z']);
    const october = nextSlots(berlin, at('2026-10-24T00:00:00Z'), 2).map((s) => iso(s.at));
    expect(october).toEqual(['2026-10-24T07:30:00.000Z', '2026-10-25T08:30:00.000Z']);
    const sydney: Schedule = { minuteOfDay: 540, timezone: 'Australia/Sydney', days: [0, 1, 2, 3, 4, 5, 6] };
    // DST ends on 5 April 2026 in Sydney (UTC+11 → UTC+10).
    expect(nextSlots(sydney, at('2026-04-03T12:00:00Z'), 2).map((s) => iso(s.at))).toEqual([
      '2026-04-03T22:00:00.000Z',
      '2026-04-04T23:00:00.000Z',
    ]);
  });
});

describe('slots', () => {
  const weekdays: Schedule = { minuteOfDay: 540, timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5] };

  it('skips weekends for a weekday schedule', () => {
    // Friday 27 November 2026, after 09:00 Berlin.
    expect(nextSlots(weekdays, at('2026-11-27T10:00:00Z'), 3).map((s) => s.localDate)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(latestSlot(weekdays, at('2026-11-29T12:00:00Z'))?.localDate).toBe('2026-11-27');
  });

  it('uses the local date, not the UTC one, as the slot key', () => {
    const kiritimati: Schedule = { minuteOfDay: 60, timezone: 'Pacific/Kiritimati', days: [0, 1, 2, 3, 4, 5, 6] };
    const slot = latestSlot(kiritimati, at('2026-06-14T12:00:00Z'));
    expect(slot?.localDate).toBe('2026-06-15');
    expect(localDate(at('2026-06-14T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-06-15');
    expect(localDate(at('2026-06-14T12:00:00Z'), 'Pacific/Honolulu')).toBe('2026-06-14');
  });

  it('is due at its minute, catches up within the grace window and skips after it', () => {
    const created = at('2026-11-01T00:00:00Z');
    const grace = 2 * 60 * 60 * 1000;
    // A minute before Monday's slot the latest slot is Friday's, far outside the grace window.
    expect(dueSlot(weekdays, at('2026-11-30T07:59:00Z'), created, grace)).toBeUndefined();
    expect(dueSlot(weekdays, at('2026-11-30T08:00:00Z'), created, grace)?.localDate).toBe('2026-11-30');
    expect(dueSlot(weekdays, at('2026-11-30T09:59:00Z'), created, grace)?.localDate).toBe('2026-11-30'); // late, within 2 h
    expect(dueSlot(weekdays, at('2026-11-30T10:01:00Z'), created, grace)).toBeUndefined(); // too late: skipped
    // Already served, or created after the slot: nothing to post.
    expect(dueSlot(weekdays, at('2026-11-30T08:30:00Z'), at('2026-11-30T08:00:00Z'), grace)).toBeUndefined();
    expect(dueSlot(weekdays, at('2026-11-30T08:30:00Z'), at('2026-11-30T08:10:00Z'), grace)).toBeUndefined();
  });
});

describe('mightBeDue', () => {
  it('agrees with dueSlot over a day of minutes, in zones with and without DST', async () => {
    const { mightBeDue, localParts } = await import('../../src/core/schedule.js');
    const grace = 2 * 60 * 60 * 1000;
    for (const timezone of ['Europe/Berlin', 'America/New_York', 'Pacific/Kiritimati']) {
      for (const minuteOfDay of [0, 30, 119, 540, 1439]) {
        const schedule: Schedule = { minuteOfDay, timezone, days: [0, 1, 2, 3, 4, 5, 6] };
        // Includes the autumn change in Berlin and New York.
        for (let t = Date.parse('2026-10-24T00:00:00Z'); t < Date.parse('2026-11-02T00:00:00Z'); t += 17 * 60_000) {
          const now = new Date(t);
          const p = localParts(now, timezone);
          if (dueSlot(schedule, now, new Date(0), grace))
            expect(mightBeDue(minuteOfDay, p.hour * 60 + p.minute, grace)).toBe(true);
        }
      }
    }
  });
});

describe('nextRunAt and nextDigestAt: when the tick must look again', () => {
  const berlin = {
    minuteOfDay: 9 * 60 + 30,
    timezone: 'Europe/Berlin',
    days: [0, 1, 2, 3, 4, 5, 6],
    enabled: true,
    notBefore: '2026-03-27T12:00:00.000Z',
    lastSlotAt: null,
  };

  it('is the first slot after the start, the last claimed slot, or the time given, across a spring change', () => {
    expect(nextRunAt(berlin)).toBe('2026-03-28T08:30:00.000Z');
    // 29 March 2026: Berlin moves to summer time, 09:30 is 07:30 UTC.
    expect(nextRunAt({ ...berlin, lastSlotAt: '2026-03-28T08:30:00.000Z' })).toBe('2026-03-29T07:30:00.000Z');
    // Looked at within the grace window of an unclaimed slot: that slot stays due.
    expect(nextRunAt(berlin, new Date('2026-03-28T07:30:00Z'))).toBe('2026-03-28T08:30:00.000Z');
    expect(nextRunAt(berlin, new Date('2026-03-28T09:00:00Z'))).toBe('2026-03-29T07:30:00.000Z');
  });

  it('is never for a schedule turned off or without days', () => {
    expect(nextRunAt({ ...berlin, enabled: false })).toBe(NEVER);
    expect(nextRunAt({ ...berlin, days: [] })).toBe(NEVER);
    expect(nextDigestAt({ timezone: 'UTC', digestDay: 5, digestMinute: 960, enabled: false }, new Date())).toBe(NEVER);
  });

  it('finds the weekly digest in local time across an autumn change, strictly after the instant given', () => {
    // New York leaves summer time on Sunday 1 November 2026.
    const digest = { timezone: 'America/New_York', digestDay: 1, digestMinute: 9 * 60, enabled: true };
    expect(nextDigestAt(digest, new Date('2026-10-28T12:00:00Z'))).toBe('2026-11-02T14:00:00.000Z');
    expect(nextDigestAt(digest, new Date('2026-10-20T13:00:00Z'))).toBe('2026-10-26T13:00:00.000Z');
    expect(nextDigestAt(digest, new Date('2026-10-26T13:00:00Z'))).toBe('2026-11-02T14:00:00.000Z');
  });
});
