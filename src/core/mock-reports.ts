// Mock interviews in the team views: how many each person gave and took (leaderboard), and the
// week's count with the red flags interviewers heard most (digest). Counts only: scorecards are
// private to the two people, so no score of anyone is ever summed here.
import type { Mock } from './mocks.js';

export interface MockCounts {
  /** As the interviewer. */
  given: number;
  /** As the candidate. */
  taken: number;
}

/** A mock that took place, with the flags its scorecard heard (none without a scorecard). */
export type HeldMock = Pick<Mock, 'candidateId' | 'interviewerId'> & { scorecard: { flags: string[] } | null };

/** Mocks given and taken per person. */
export function mockCounts(held: readonly HeldMock[]): Map<string, MockCounts> {
  const counts = new Map<string, MockCounts>();
  const bump = (userId: string, key: keyof MockCounts) => {
    const c = counts.get(userId) ?? { given: 0, taken: 0 };
    c[key]++;
    counts.set(userId, c);
  };
  for (const m of held) {
    bump(m.interviewerId, 'given');
    bump(m.candidateId, 'taken');
  }
  counts.delete('forgotten');
  return counts;
}

export interface MockWeek {
  held: number;
  people: number;
  /** The red flags interviewers ticked most, most first (at most three). */
  topFlags: { id: string; count: number }[];
}

/** A channel's mock interviews this week, for its public digest. */
export function summariseMockWeek(held: readonly HeldMock[]): MockWeek {
  const people = new Set(held.flatMap((m) => [m.candidateId, m.interviewerId]));
  people.delete('forgotten');
  const flags = new Map<string, number>();
  for (const m of held) for (const id of new Set(m.scorecard?.flags ?? [])) flags.set(id, (flags.get(id) ?? 0) + 1);
  return {
    held: held.length,
    people: people.size,
    topFlags: [...flags]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, count]) => ({ id, count })),
  };
}
