import { describe, expect, it } from 'vitest';
import { parseMockRequest, parseMocksCommand } from '../../src/core/mock-command.js';

const parse = (text: string) => parseMocksCommand(text.split(' ').filter(Boolean));

describe('/star mocks …', () => {
  it('reads join, leave, status and the weekly time with or without a timezone', () => {
    expect(parse('')).toEqual({ kind: 'status' });
    expect(parse('status')).toEqual({ kind: 'status' });
    expect(parse('JOIN')).toEqual({ kind: 'join' });
    expect(parse('leave')).toEqual({ kind: 'leave' });
    expect(parse('schedule off')).toEqual({ kind: 'weekly-off' });
    expect(parse('schedule weekly mon 10:00')).toEqual({ kind: 'weekly', day: 1, minuteOfDay: 600 });
    expect(parse('schedule weekly friday 9:30 America/New_York')).toEqual({
      kind: 'weekly',
      day: 5,
      minuteOfDay: 570,
      timezone: 'America/New_York',
    });
  });

  it('says what to type for every mistake', () => {
    const message = (text: string) => {
      const parsed = parse(text);
      return parsed.kind === 'error' ? parsed.message : `not an error: ${parsed.kind}`;
    };
    expect(message('frobnicate')).toMatch(/^Unknown `\/star mocks frobnicate`\. Usage:/);
    expect(message('join now')).toMatch(/^Usage:/);
    expect(message('schedule daily 10:00')).toMatch(/^Usage: `\/star mocks schedule weekly mon 10:00/);
    expect(message('schedule weekly mon,tue 10:00')).toMatch(/is not one day of the week/);
    expect(message('schedule weekly mon 25:00')).toMatch(/is not a time of day/);
    expect(message('schedule weekly mon 10:00 Mars/Base')).toMatch(/"Mars\/Base" is not a timezone I know/);
    expect(message('schedule weekly mon 10:00 UTC extra')).toMatch(/^Usage:/);
  });
});

describe('/star mock …', () => {
  it('takes no word or a mode, and explains itself otherwise', () => {
    expect(parseMockRequest([])).toEqual({ ok: true, mode: null });
    expect(parseMockRequest(['Realistic'])).toEqual({ ok: true, mode: 'realistic' });
    expect(parseMockRequest(['learning'])).toEqual({ ok: true, mode: 'learning' });
    expect(parseMockRequest(['hard'])).toMatchObject({ ok: false, message: expect.stringMatching(/^Usage:/) });
    expect(parseMockRequest(['learning', 'now'])).toMatchObject({ ok: false });
  });
});
