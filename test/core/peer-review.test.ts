import { describe, expect, it } from 'vitest';
import { combinedScore, legendEmoji, PEER_REVIEW_LEGEND, peerScore, reviewKey } from '../../src/core/peer-review.js';
import { currentStreak, parseAwayRange } from '../../src/core/streak.js';

describe('legend normalisation', () => {
  it('maps skin tones and aliases onto legend emoji, and nothing else', () => {
    expect(legendEmoji('star')?.name).toBe('star');
    expect(legendEmoji('thumbsup')?.name).toBe('+1');
    expect(legendEmoji('+1::skin-tone-4')?.name).toBe('+1');
    expect(legendEmoji('thumbsup::skin-tone-2')?.name).toBe('+1');
    expect(legendEmoji('hourglass_flowing_sand')?.name).toBe('hourglass');
    expect(legendEmoji('tada')).toBeUndefined();
    expect(new Set(PEER_REVIEW_LEGEND.map((e) => e.name)).size).toBe(PEER_REVIEW_LEGEND.length);
    expect(reviewKey('thumbsup::skin-tone-2')).toBe('+1');
    expect(reviewKey('glowing_star')).toBe('glowing_star');
    expect(legendEmoji('glowing_star')?.name).toBe('star');
  });
});

describe('scores', () => {
  it('turns reviews into a peer score per reviewer and combines it 70/30 with the rubric', () => {
    expect(peerScore([])).toBeNull();
    expect(peerScore([{ reviewer: 'U1', emoji: 'star' }])).toBe(100);
    expect(peerScore([{ reviewer: 'U1', emoji: 'question' }])).toBe(25);
    expect(
      peerScore([
        { reviewer: 'U1', emoji: 'dart' },
        { reviewer: 'U2', emoji: 'hourglass' },
      ]),
    ).toBe(50);
    expect(combinedScore(80, null)).toBe(80);
    expect(combinedScore(80, 100)).toBe(86);
  });
});

describe('streaks', () => {
  const weekdayPrompts = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'];
  it('counts consecutive scheduled days; weekends in a weekday channel do not break it', () => {
    const answered = new Set(['2026-11-26', '2026-11-27', '2026-11-30']);
    expect(currentStreak(weekdayPrompts, answered, [], '2026-11-30')).toBe(3);
  });
  it("does not break on today's unanswered prompt, but does on a missed day", () => {
    expect(currentStreak(weekdayPrompts, new Set(['2026-11-26', '2026-11-27']), [], '2026-11-30')).toBe(2);
    expect(currentStreak(weekdayPrompts, new Set(['2026-11-25', '2026-11-27']), [], '2026-12-01')).toBe(0);
  });
  it('freezes over away days', () => {
    const away = [{ from: '2026-11-26', to: '2026-11-27' }];
    expect(currentStreak(weekdayPrompts, new Set(['2026-11-24', '2026-11-25', '2026-11-30']), away, '2026-11-30')).toBe(
      3,
    );
  });
  it('parses away ranges and rejects bad ones', () => {
    expect(parseAwayRange('2026-12-24..2027-01-02')).toEqual({
      ok: true,
      value: { from: '2026-12-24', to: '2027-01-02' },
    });
    expect(parseAwayRange('2026-12-24')).toEqual({ ok: true, value: { from: '2026-12-24', to: '2026-12-24' } });
    expect(parseAwayRange('2027-01-02..2026-12-24').ok).toBe(false);
    expect(parseAwayRange('2026-02-30').ok).toBe(false);
    expect(parseAwayRange('christmas').ok).toBe(false);
  });
});
