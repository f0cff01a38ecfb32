// Property tests for `/star schedule …` parsing: whatever is typed, a command or a message that
// says what to type, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScheduleCommand } from '../../src/core/schedule-command.js';

const word = fc.oneof(
  fc.constantFrom(
    'off',
    'level',
    'lps',
    'feedback',
    'digest',
    'public',
    'private',
    'any',
    'sde1',
    'senior',
    'all',
    'ownership,dive-deep',
    'weekdays',
    'daily',
    'mon,wed,fri',
    'fri',
    '09:30',
    '9:5',
    '24:00',
    '23:59',
    '-1:00',
    'Europe/Berlin',
    'Mars/Olympus',
    'UTC',
    'Etc/GMT+14',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

describe('parseScheduleCommand, on any words', () => {
  it('returns a command or an error with a message, and never throws', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (words) => {
        const command = parseScheduleCommand(words);
        if (command.kind === 'error') expect(command.message.length).toBeGreaterThan(10);
        if (command.kind === 'time') {
          expect(command.minuteOfDay).toBeGreaterThanOrEqual(0);
          expect(command.minuteOfDay).toBeLessThan(24 * 60);
          expect(command.days.length).toBeGreaterThan(0);
          for (const day of command.days) expect(day >= 0 && day <= 6).toBe(true);
        }
        if (command.kind === 'digest') {
          expect(command.day >= 0 && command.day <= 6).toBe(true);
          expect(command.minuteOfDay >= 0 && command.minuteOfDay < 24 * 60).toBe(true);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
