import { describe, expect, it } from 'vitest';
import type { ChannelSchedule } from '../../src/core/domain.js';
import { nextSlots } from '../../src/core/schedule.js';
import { scheduleReply } from '../../src/messages/schedule.js';

const SCHEDULE: ChannelSchedule = {
  teamId: 'T1234',
  channelId: 'C1234',
  minuteOfDay: 570,
  timezone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  level: null,
  lps: ['ownership', 'dive-deep'],
  feedback: 'private',
  enabled: true,
  notBefore: '2026-11-30T09:00:00.000Z',
  lastSlotAt: null,
  digestDay: 5,
  digestMinute: 960,
  createdBy: 'U1234',
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
};

describe('scheduleReply', () => {
  it('answers every outcome with one ephemeral message that says what happened or what to do', () => {
    const cases: [Parameters<typeof scheduleReply>[0], string][] = [
      [{ kind: 'not-a-channel' }, 'Daily prompts are for channels'],
      [{ kind: 'invalid', message: 'bad' }, ':warning: bad'],
      [{ kind: 'forbidden', wanted: 'change' }, 'can change this channel’s schedule'],
      [{ kind: 'forbidden', wanted: 'prompt' }, 'can post a prompt'],
      [{ kind: 'no-schedule', wanted: 'change' }, 'Start with `/star schedule 09:30'],
      [{ kind: 'no-schedule', wanted: 'prompt' }, 'set one first'],
      [{ kind: 'off' }, 'Daily prompts are off'],
      [{ kind: 'level', level: 'senior' }, 'judged at Senior SDE'],
      [{ kind: 'level', level: null }, 'each person’s own level'],
      [{ kind: 'lps', lps: ['ownership'] }, 'rotate through Ownership'],
      [{ kind: 'lps', lps: [] }, 'all sixteen LPs'],
      [{ kind: 'digest', day: 5, minuteOfDay: 960, timezone: 'UTC' }, 'on fri at 16:00 UTC'],
      [{ kind: 'feedback', feedback: 'public' }, 'posted in the thread'],
      [{ kind: 'unknown-timezone', timezone: 'Mars/Olympus' }, '"Mars/Olympus" is not one I know'],
      [{ kind: 'prompted', posted: true }, 'Posted the next prompt'],
      [{ kind: 'prompted', posted: false }, 'It is saved and retried'],
    ];
    for (const [outcome, text] of cases) {
      const reply = scheduleReply(outcome);
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toContain(text);
    }
  });

  it('shows the settings and next three times, and leads with what was set', () => {
    const next = nextSlots(SCHEDULE, new Date('2026-11-30T09:00:00Z'), 3);
    const status = scheduleReply({ kind: 'status', schedule: SCHEDULE, next });
    expect(JSON.stringify(status.blocks)).toContain('09:30 Europe/Berlin, weekdays');
    expect(JSON.stringify(status.blocks)).toContain('Ownership, Dive Deep');
    expect(JSON.stringify(status.blocks)).toContain('2026-12-01T08:30:00.000Z');
    const set = scheduleReply({
      kind: 'set',
      minuteOfDay: 570,
      timezone: 'Europe/Berlin',
      days: [1, 2, 3, 4, 5],
      joined: false,
      status: { schedule: SCHEDULE, next },
    });
    expect(set.text).toContain('Daily prompt set for 09:30 Europe/Berlin, weekdays');
    expect(set.text).toContain('/invite @STAR Coach');
    expect(JSON.stringify(set.blocks?.[0])).toContain('Daily prompt set');
    expect(scheduleReply({ kind: 'status', schedule: undefined, next: [] }).text).toBe('No daily prompt here.');
  });
});
