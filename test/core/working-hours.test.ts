import { describe, expect, it } from 'vitest';
import {
  intersect,
  MOCK_MINUTES,
  suggestTimes,
  totalMinutes,
  workingHours,
  zoneFor,
} from '../../src/core/working-hours.js';

const MONDAY = new Date('2026-11-30T06:00:00Z');
const iso = (d: Date) => d.toISOString();

describe('working hours across timezones', () => {
  it('gives each weekday 09:00–18:00 on the zone’s own clock, and no weekend', () => {
    const week = workingHours('Europe/Berlin', MONDAY, new Date('2026-12-07T06:00:00Z'));
    expect(week.map((w) => [iso(new Date(w.start)), iso(new Date(w.end))])).toEqual([
      ['2026-11-30T08:00:00.000Z', '2026-11-30T17:00:00.000Z'],
      ['2026-12-01T08:00:00.000Z', '2026-12-01T17:00:00.000Z'],
      ['2026-12-02T08:00:00.000Z', '2026-12-02T17:00:00.000Z'],
      ['2026-12-03T08:00:00.000Z', '2026-12-03T17:00:00.000Z'],
      ['2026-12-04T08:00:00.000Z', '2026-12-04T17:00:00.000Z'],
    ]);
  });

  it('follows a DST change: the Berlin day starts an hour earlier in UTC after the spring change', () => {
    const [before, after] = [
      workingHours('Europe/Berlin', new Date('2027-03-26T00:00:00Z'), new Date('2027-03-27T00:00:00Z'))[0],
      workingHours('Europe/Berlin', new Date('2027-03-29T00:00:00Z'), new Date('2027-03-30T00:00:00Z'))[0],
    ];
    expect(iso(new Date(before.start))).toBe('2027-03-26T08:00:00.000Z');
    expect(iso(new Date(after.start))).toBe('2027-03-29T07:00:00.000Z');
  });

  it('intersects Berlin and New York to three hours a day, and suggests starts both can make', () => {
    const end = new Date('2026-12-07T06:00:00Z');
    const shared = intersect(workingHours('Europe/Berlin', MONDAY, end), workingHours('America/New_York', MONDAY, end));
    expect(totalMinutes(shared)).toBe(5 * 3 * 60);
    const times = suggestTimes(['Europe/Berlin', 'America/New_York'], MONDAY, 3);
    expect(times.map(iso)).toEqual([
      '2026-11-30T14:00:00.000Z', // 15:00 in Berlin, 09:00 in New York
      '2026-12-01T14:00:00.000Z',
      '2026-12-02T14:00:00.000Z',
    ]);
  });

  it('leaves two hours of notice and starts on the hour or half hour', () => {
    const times = suggestTimes(['Europe/Berlin'], new Date('2026-11-30T09:10:00Z'), 1);
    expect(times.map(iso)).toEqual(['2026-11-30T11:30:00.000Z']);
  });

  it('suggests nothing when the overlap is shorter than a mock (Honolulu and Kolkata share 30 minutes)', () => {
    const end = new Date('2026-12-07T06:00:00Z');
    const shared = intersect(workingHours('Pacific/Honolulu', MONDAY, end), workingHours('Asia/Kolkata', MONDAY, end));
    expect(totalMinutes(shared)).toBeGreaterThan(0);
    expect(Math.max(...shared.map((s) => (s.end - s.start) / 60_000))).toBeLessThan(MOCK_MINUTES);
    expect(suggestTimes(['Pacific/Honolulu', 'Asia/Kolkata'], MONDAY, 3)).toEqual([]);
  });

  it('plans in Slack’s tz, else a fixed zone from tz_offset, else UTC', () => {
    expect(zoneFor('America/New_York', -18000)).toBe('America/New_York');
    expect(zoneFor('Mars/Olympus_Mons', 7200)).toBe('Etc/GMT-2');
    expect(zoneFor(null, -18000)).toBe('Etc/GMT+5');
    expect(zoneFor(null, 19800)).toBe('UTC'); // +05:30: no whole-hour Etc zone
    expect(zoneFor(undefined, undefined)).toBe('UTC');
  });
});
