import { describe, expect, it } from 'vitest';
import type { Answer, ChannelAnswer, PeerReview } from '../../src/core/domain.js';
import {
  answeredDates,
  rankPractitioners,
  summariseHome,
  summariseStats,
  summariseWeek,
  windowStart,
} from '../../src/core/reports.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

function channelAnswer(id: number, userId: string, overall: number, age: number, flags: string[] = []): ChannelAnswer {
  return {
    id,
    userId,
    overall,
    verdict: 'lean-hire',
    text: `answer ${id}`,
    flags: flags.map((f) => ({ id: f, quote: 'q' })),
    createdAt: daysAgo(age),
    slotKey: daysAgo(age).slice(0, 10),
  };
}

function review(answerId: number, reviewerId: string, authorId: string, emoji: string): PeerReview {
  return {
    teamId: 'T1234',
    channelId: 'C1234',
    messageTs: String(answerId),
    answerId,
    authorId,
    reviewerId,
    emoji,
    createdAt: daysAgo(1),
  };
}

function answer(
  id: number,
  lp: string,
  overall: number,
  age: number,
  kind: 'answer' | 'probe',
  flags: string[],
): Answer {
  return {
    id,
    teamId: 'T1234',
    userId: 'U1111',
    sessionId: id,
    kind,
    probeIndex: kind === 'answer' ? -1 : 0,
    lp,
    level: 'sde2',
    text: 't',
    overall,
    verdict: 'lean-hire',
    dimensions: {},
    flags: flags.map((f) => ({ id: f, quote: 'q' })),
    rubricVersion: 1,
    deleted: false,
    feedbackTs: null,
    createdAt: daysAgo(age),
    updatedAt: daysAgo(age),
  };
}

describe('leaderboard', () => {
  it('ranks by answers, then combined average (peers 30% once reviewed), then id; reviewers appear too', () => {
    const answers = [
      channelAnswer(1, 'U1111', 80, 1),
      channelAnswer(2, 'U1111', 60, 2),
      channelAnswer(3, 'U2222', 90, 1),
    ];
    const reviews = [review(3, 'U3333', 'U2222', 'question')];
    const combined = new Map([
      [1, 80],
      [2, 60],
      [3, 71], // 0.7 × 90 + 0.3 × 25
    ]);
    const rows = rankPractitioners(answers, reviews, combined, new Map([['U1111', 2]]));
    expect(
      rows.map((r) => [r.userId, r.answers, r.averageCombined, r.reviewsGiven, r.reviewsReceived, r.streak]),
    ).toEqual([
      ['U1111', 2, 70, 0, 0, 2],
      ['U2222', 1, 71, 0, 1, 0],
      ['U3333', 0, 0, 1, 0, 0],
    ]);
    expect(windowStart('week', NOW)).toBe(daysAgo(7));
    expect(windowStart('all', NOW)).toBeUndefined();
  });

  it('counts scheduled days only, not prompts posted with /star prompt', () => {
    const answers = [
      channelAnswer(1, 'U1111', 80, 1),
      { ...channelAnswer(2, 'U1111', 80, 0), slotKey: 'now:2026-11-30T10:00:00Z' },
    ];
    expect([...answeredDates(answers, 'U1111')]).toEqual([daysAgo(1).slice(0, 10)]);
  });
});

describe('weekly digest', () => {
  it('gives participation, the most improved person, the strongest answer by combined score and the top flags', () => {
    const recent = [
      channelAnswer(1, 'U1111', 40, 10),
      channelAnswer(2, 'U1111', 70, 2, ['no-metric', 'hedging']),
      channelAnswer(3, 'U2222', 90, 3, ['hedging']),
      channelAnswer(4, 'U2222', 50, 1, ['hedging']),
    ];
    const digest = summariseWeek(recent, [review(3, 'U1111', 'U2222', 'star')], NOW, (id) => `fix ${id}`);
    expect(digest).toMatchObject({ answers: 3, people: 2 });
    expect(digest.mostImproved).toEqual({ userId: 'U1111', from: 40, to: 70 });
    expect(digest.strongest).toMatchObject({ userId: 'U2222', combined: 93 });
    expect(digest.topFlags).toEqual([
      { id: 'hedging', count: 3, tip: 'fix hedging' },
      { id: 'no-metric', count: 1, tip: 'fix no-metric' },
    ]);
  });

  it('is empty for a quiet week', () => {
    expect(summariseWeek([], [], NOW, () => '')).toEqual({
      answers: 0,
      people: 0,
      mostImproved: undefined,
      strongest: undefined,
      topFlags: [],
    });
  });
});

describe('stats and App Home', () => {
  const answers = [
    answer(1, 'ownership', 80, 1, 'answer', ['hedging']),
    answer(2, 'ownership', 60, 40, 'answer', ['hedging', 'no-metric']),
    answer(3, 'dive-deep', 50, 2, 'probe', ['no-metric']),
  ];

  it('stats: main answers and follow-ups apart, averages per LP, flags by answers carrying them', () => {
    const stats = summariseStats(answers, 4, { attempts: 3, correct: 2 });
    expect(stats).toMatchObject({ sessions: 4, answers: 2, probeAnswers: 1, averageOverall: 70 });
    expect(stats.perLp).toEqual([{ lp: 'ownership', answers: 2, average: 70 }]);
    expect(stats.topFlags).toEqual([
      { id: 'hedging', count: 2 },
      { id: 'no-metric', count: 2 },
    ]);
  });

  it('home: the weakest LP is the weakest practised one, a new one is suggested apart, flags over the last 30 days against the 30 before', () => {
    const home = summariseHome(answers, 3, 5, NOW);
    expect(home.perLp.get('ownership')).toEqual({ average: 70, count: 2 });
    expect(home.weakestLp).toBe('ownership');
    expect(home.newLp).toBe('customer-obsession');
    expect(summariseHome([], 0, 0, NOW)).toMatchObject({ weakestLp: undefined, newLp: 'customer-obsession' });
    expect(home.flags).toEqual([
      { id: 'hedging', last30: 1, previous30: 1 },
      { id: 'no-metric', last30: 1, previous30: 1 },
    ]);
    expect(home.recent).toHaveLength(3);
    expect(home.streak).toBe(5);
  });
});
