// The numbers behind leaderboards, digests, /star stats and App Home: pure summaries of stored
// answers and reviews (read by the services, rendered by src/messages).
import type { Answer, ChannelAnswer, PeerReview } from './domain.js';
import { LP_IDS } from './lp.js';
import type { MockCounts, MockWeek } from './mock-reports.js';
import { combinedScore, peerScore } from './peer-review.js';

const DAY_MS = 86_400_000;

export type LeaderboardWindow = 'week' | 'month' | 'all';
export const LEADERBOARD_WINDOWS: readonly LeaderboardWindow[] = ['week', 'month', 'all'];
const WINDOW_DAYS: Record<LeaderboardWindow, number | null> = { week: 7, month: 30, all: null };

export interface LeaderboardRow {
  userId: string;
  answers: number;
  averageCombined: number;
  reviewsGiven: number;
  reviewsReceived: number;
  streak: number;
  /** Live mock interviews in this channel's pool: as the interviewer, and as the candidate. */
  mocksGiven: number;
  mocksTaken: number;
}

export interface Digest {
  answers: number;
  people: number;
  mostImproved?: { userId: string; from: number; to: number };
  strongest?: { userId: string; combined: number; excerpt: string };
  topFlags: { id: string; count: number; tip: string }[];
  /** The week's live mock interviews, when the channel has a pool. */
  mocks?: MockWeek;
}

export interface UserStats {
  sessions: number;
  answers: number;
  probeAnswers: number;
  averageOverall: number | null;
  perLp: { lp: string; answers: number; average: number }[];
  topFlags: { id: string; count: number }[];
  quiz: { attempts: number; correct: number };
}

export interface HomeData {
  sessions: number;
  answers: number;
  streak: number;
  perLp: Map<string, { average: number; count: number }>;
  flags: { id: string; last30: number; previous30: number }[];
  recent: { lp: string; verdict: string; overall: number; createdAt: string; kind: string }[];
  /** The practised LP with the lowest average; undefined before any answer (nothing is weak yet). */
  weakestLp: string | undefined;
  /** An LP not practised yet, to suggest next (undefined once all are). */
  newLp: string | undefined;
}

const average = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The first instant of a leaderboard window (ISO), or undefined for all time. */
export function windowStart(window: LeaderboardWindow, now: Date): string | undefined {
  const days = WINDOW_DAYS[window];
  return days === null ? undefined : new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Combined scores (rubric and peers, 70/30 once reviewed) by answer id. */
export function combinedScores(
  answers: readonly { id: number; overall: number }[],
  reviews: readonly Pick<PeerReview, 'answerId' | 'reviewerId' | 'emoji'>[],
): Map<number, number> {
  const byAnswer = new Map<number, { reviewer: string; emoji: string }[]>();
  for (const r of reviews)
    byAnswer.set(r.answerId, [...(byAnswer.get(r.answerId) ?? []), { reviewer: r.reviewerId, emoji: r.emoji }]);
  return new Map(answers.map((a) => [a.id, combinedScore(a.overall, peerScore(byAnswer.get(a.id) ?? []))]));
}

/** The local dates a person answered a scheduled prompt on (prompts posted with /star prompt do not count). */
export function answeredDates(answers: readonly ChannelAnswer[], userId: string): Set<string> {
  return new Set(answers.filter((a) => a.userId === userId && !a.slotKey.startsWith('now:')).map((a) => a.slotKey));
}

/**
 * The top ten of a channel in a window: most answers first, then the higher combined average,
 * then by id. People who only reviewed, or only took part in mock interviews, are listed too.
 */
export function rankPractitioners(
  inWindow: readonly ChannelAnswer[],
  reviews: readonly PeerReview[],
  combined: ReadonlyMap<number, number>,
  streakOf: ReadonlyMap<string, number>,
  mocks: ReadonlyMap<string, MockCounts> = new Map(),
): LeaderboardRow[] {
  const users = new Set([...inWindow.map((a) => a.userId), ...reviews.map((r) => r.reviewerId), ...mocks.keys()]);
  return [...users]
    .map((userId) => {
      const mine = inWindow.filter((a) => a.userId === userId);
      const scores = mine.map((a) => combined.get(a.id) ?? a.overall);
      return {
        userId,
        answers: mine.length,
        averageCombined: scores.length > 0 ? Math.round(average(scores)) : 0,
        reviewsGiven: reviews.filter((r) => r.reviewerId === userId).length,
        reviewsReceived: reviews.filter((r) => r.authorId === userId).length,
        streak: streakOf.get(userId) ?? 0,
        mocksGiven: mocks.get(userId)?.given ?? 0,
        mocksTaken: mocks.get(userId)?.taken ?? 0,
      };
    })
    .sort(
      (a, b) =>
        b.answers - a.answers ||
        b.averageCombined - a.averageCombined ||
        b.mocksGiven + b.mocksTaken - (a.mocksGiven + a.mocksTaken) ||
        a.userId.localeCompare(b.userId),
    )
    .slice(0, 10);
}

/** The people in a leaderboard window: everyone who answered or reviewed. */
export function windowPeople(inWindow: readonly ChannelAnswer[], reviews: readonly PeerReview[]): string[] {
  return [...new Set([...inWindow.map((a) => a.userId), ...reviews.map((r) => r.reviewerId)])];
}

/**
 * A channel's week: participation, the most improved person (week-on-week average), the strongest
 * answer by combined score, and the three most frequent flags with their fix (`tipFor`).
 * `recent` holds the last two weeks of answers, oldest first.
 */
export function summariseWeek(
  recent: readonly ChannelAnswer[],
  reviews: readonly PeerReview[],
  now: Date,
  tipFor: (flagId: string) => string,
): Digest {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const thisWeek = recent.filter((a) => a.createdAt >= weekAgo);
  const lastWeek = recent.filter((a) => a.createdAt < weekAgo);
  const combined = combinedScores(thisWeek, reviews);
  let mostImproved: Digest['mostImproved'];
  for (const userId of new Set(thisWeek.map((a) => a.userId))) {
    const before = lastWeek.filter((a) => a.userId === userId).map((a) => a.overall);
    const after = thisWeek.filter((a) => a.userId === userId).map((a) => a.overall);
    if (before.length === 0) continue;
    const delta = average(after) - average(before);
    if (delta > 0 && (!mostImproved || delta > mostImproved.to - mostImproved.from))
      mostImproved = { userId, from: Math.round(average(before)), to: Math.round(average(after)) };
  }
  const best = [...thisWeek].sort((a, b) => (combined.get(b.id) ?? 0) - (combined.get(a.id) ?? 0))[0];
  const flagCounts = new Map<string, number>();
  for (const a of thisWeek)
    for (const id of new Set(a.flags.map((f) => f.id))) flagCounts.set(id, (flagCounts.get(id) ?? 0) + 1);
  const topFlags = [...flagCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([id, count]) => ({ id, count, tip: tipFor(id) }));
  return {
    answers: thisWeek.length,
    people: new Set(thisWeek.map((a) => a.userId)).size,
    mostImproved,
    strongest: best
      ? { userId: best.userId, combined: combined.get(best.id) ?? best.overall, excerpt: best.text.slice(0, 2000) }
      : undefined,
    topFlags,
  };
}

/** A person's own practice numbers (`/star stats`), from their answers that still count. */
export function summariseStats(
  answers: readonly Answer[],
  sessions: number,
  quiz: { attempts: number; correct: number },
): UserStats {
  const main = answers.filter((a) => a.kind === 'answer');
  const byLp = new Map<string, number[]>();
  for (const a of main) byLp.set(a.lp, [...(byLp.get(a.lp) ?? []), a.overall]);
  const flagCounts = new Map<string, number>();
  for (const a of answers)
    for (const id of new Set(a.flags.map((f) => f.id))) flagCounts.set(id, (flagCounts.get(id) ?? 0) + 1);
  const rounded = (xs: number[]) => Math.round(average(xs));
  return {
    sessions,
    answers: main.length,
    probeAnswers: answers.length - main.length,
    averageOverall: main.length > 0 ? rounded(main.map((a) => a.overall)) : null,
    perLp: [...byLp.entries()]
      .map(([lp, xs]) => ({ lp, answers: xs.length, average: rounded(xs) }))
      .sort((a, b) => a.lp.localeCompare(b.lp)),
    topFlags: [...flagCounts.entries()]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, 5),
    quiz,
  };
}

/**
 * A person's App Home numbers: every answer of theirs, DM practice included (newest first), the
 * average per LP, flags over the last 30 days against the 30 before, and the weakest LP (never
 * practised LPs first).
 */
export function summariseHome(answers: readonly Answer[], sessions: number, streak: number, now: Date): HomeData {
  const main = answers.filter((a) => a.kind === 'answer');
  const perLp = new Map<string, { average: number; count: number }>();
  for (const lp of LP_IDS) {
    const scores = main.filter((a) => a.lp === lp).map((a) => a.overall);
    if (scores.length > 0) perLp.set(lp, { average: Math.round(average(scores)), count: scores.length });
  }
  const practised = LP_IDS.filter((lp) => perLp.has(lp));
  const weakestLp = [...practised].sort((a, b) => (perLp.get(a)?.average ?? 0) - (perLp.get(b)?.average ?? 0))[0];
  const newLp = LP_IDS.find((lp) => !perLp.has(lp));
  const last30 = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const previous30 = new Date(now.getTime() - 60 * DAY_MS).toISOString();
  const counts = new Map<string, { last30: number; previous30: number }>();
  for (const a of answers) {
    const bucket = a.createdAt >= last30 ? 'last30' : a.createdAt >= previous30 ? 'previous30' : undefined;
    if (!bucket) continue;
    for (const id of new Set(a.flags.map((f) => f.id))) {
      const c = counts.get(id) ?? { last30: 0, previous30: 0 };
      c[bucket]++;
      counts.set(id, c);
    }
  }
  const flags = [...counts.entries()]
    .map(([id, c]) => ({ id, ...c }))
    .sort((a, b) => b.last30 - a.last30 || b.previous30 - a.previous30)
    .slice(0, 5);
  return {
    sessions,
    answers: main.length,
    streak,
    perLp,
    flags,
    recent: answers
      .slice(0, 5)
      .map((a) => ({ lp: a.lp, verdict: a.verdict, overall: a.overall, createdAt: a.createdAt, kind: a.kind })),
    weakestLp,
    newLp,
  };
}
