import { describe, expect, it } from 'vitest';
import {
  assignRoles,
  choosePartner,
  ignoredRoundsAfter,
  lastRole,
  type MockGroup,
  PAUSE_AFTER_IGNORED_ROUNDS,
  type PastPairing,
  type PoolPerson,
  pairPool,
} from '../../src/core/mock-pairing.js';
import { seededRandom } from '../helpers/world.js';

const WEEK = 7 * 86_400_000;
const START = Date.parse('2026-11-30T09:00:00Z'); // a Monday
const at = (week: number) => new Date(START + week * WEEK);
const key = (a: string, b: string) => [a, b].sort().join('+');

const FIVE: PoolPerson[] = [
  { userId: 'U1111', timezone: 'Europe/Berlin' },
  { userId: 'U2222', timezone: 'Europe/Berlin' },
  { userId: 'U3333', timezone: 'Europe/Berlin' },
  { userId: 'U4444', timezone: 'America/New_York' },
  { userId: 'U5555', timezone: 'America/New_York' },
];

/** Runs `weeks` weekly rounds, each seeing the history of the ones before. */
function simulate(people: PoolPerson[], weeks: number, seed: number) {
  const random = seededRandom(seed);
  const history: (PastPairing & { week: number })[] = [];
  const rounds: MockGroup[][] = [];
  for (let week = 0; week < weeks; week++) {
    const plan = pairPool(people, history, at(week), random);
    expect(plan.unpaired).toEqual([]);
    rounds.push(plan.groups);
    for (const g of plan.groups) history.push({ ...g, createdAt: at(week).toISOString(), week });
  }
  return { rounds, history };
}

describe('weekly pairing', () => {
  it('pairs a pool of five across two timezones every week with no repeat within four weeks (25 seeds, 12 weeks each)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { rounds } = simulate(FIVE, 12, seed);
      rounds.forEach((groups, week) => {
        // Everyone once a week: a pair and a trio.
        const seats = groups.flatMap((g) => [g.candidateId, g.interviewerId, ...(g.observerId ? [g.observerId] : [])]);
        expect(seats.sort()).toEqual(FIVE.map((p) => p.userId));
        expect(groups.map((g) => (g.observerId ? 3 : 2)).sort()).toEqual([2, 3]);
        for (const g of groups) {
          expect(g.repeat).toBe(false);
          for (const earlier of rounds.slice(Math.max(0, week - 3), week))
            for (const e of earlier)
              expect(key(e.candidateId, e.interviewerId), `seed ${seed} week ${week}`).not.toBe(
                key(g.candidateId, g.interviewerId),
              );
        }
      });
    }
  });

  it('also keeps six and seven people free of repeats for four weeks, looking a week ahead', () => {
    for (const n of [6, 7]) {
      const people = Array.from({ length: n }, (_, i) => ({
        userId: `U${i + 1}`,
        timezone: i % 2 ? 'America/New_York' : 'Europe/Berlin',
      }));
      for (let seed = 1; seed <= 12; seed++) {
        const { rounds } = simulate(people, 10, seed);
        for (const groups of rounds) for (const g of groups) expect(g.repeat, `${n} people, seed ${seed}`).toBe(false);
      }
    }
  });

  it('rotates the observer: nobody is the odd one out twice before everyone has been once', () => {
    const { rounds } = simulate(FIVE, 5, 3);
    const observers = rounds.map((groups) => groups.find((g) => g.observerId)?.observerId);
    expect(new Set(observers).size).toBe(5);
  });

  it('alternates who is the candidate: over ten weeks everyone is candidate and interviewer about as often', () => {
    const { history } = simulate(FIVE.slice(0, 4), 10, 5);
    for (const p of FIVE.slice(0, 4)) {
      const asCandidate = history.filter((m) => m.candidateId === p.userId).length;
      const asInterviewer = history.filter((m) => m.interviewerId === p.userId).length;
      expect(Math.abs(asCandidate - asInterviewer)).toBeLessThanOrEqual(1);
    }
  });

  it('prefers partners whose working hours overlap', () => {
    // Tokyo and Seoul share whole days, as do Los Angeles and Vancouver; across the Pacific only
    // two hours a day overlap. The plan keeps each side together.
    const people = [
      { userId: 'UA', timezone: 'Asia/Tokyo' },
      { userId: 'UB', timezone: 'Asia/Seoul' },
      { userId: 'UC', timezone: 'America/Los_Angeles' },
      { userId: 'UD', timezone: 'America/Vancouver' },
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const plan = pairPool(people, [], at(0), seededRandom(seed));
      const pairs = plan.groups.map((g) => key(g.candidateId, g.interviewerId)).sort();
      expect(pairs).toEqual([key('UA', 'UB'), key('UC', 'UD')]);
      for (const g of plan.groups) expect(g.sharedMinutes).toBeGreaterThan(0);
    }
  });

  it('handles the small counts: nobody, one (unpaired), two (a pair), three (a trio)', () => {
    const random = seededRandom(1);
    expect(pairPool([], [], at(0), random)).toEqual({ groups: [], unpaired: [] });
    expect(pairPool(FIVE.slice(0, 1), [], at(0), random)).toEqual({ groups: [], unpaired: ['U1111'] });
    expect(pairPool(FIVE.slice(0, 2), [], at(0), random).groups).toHaveLength(1);
    const trio = pairPool(FIVE.slice(0, 3), [], at(0), random).groups;
    expect(trio).toHaveLength(1);
    expect(trio[0].observerId).not.toBeNull();
    // The same person listed twice is one person.
    expect(pairPool([FIVE[0], FIVE[0]], [], at(0), random)).toEqual({ groups: [], unpaired: ['U1111'] });
  });

  it('repeats a pair only when nothing else is possible, and says so', () => {
    const two = FIVE.slice(0, 2);
    const history = [
      { candidateId: 'U1111', interviewerId: 'U2222', observerId: null, createdAt: at(0).toISOString() },
    ];
    const plan = pairPool(two, history, at(1), seededRandom(1));
    expect(plan.groups[0].repeat).toBe(true);
    // Roles alternate: last week's candidate interviews now.
    expect(plan.groups[0]).toMatchObject({ candidateId: 'U2222', interviewerId: 'U1111' });
  });
});

describe('roles and a partner now', () => {
  it('makes the one who has been the candidate less the candidate, then the one who waited longer', () => {
    const history: PastPairing[] = [
      { candidateId: 'UA', interviewerId: 'UB', observerId: null, createdAt: at(0).toISOString() },
      { candidateId: 'UA', interviewerId: 'UC', observerId: null, createdAt: at(1).toISOString() },
      { candidateId: 'UC', interviewerId: 'UD', observerId: null, createdAt: at(2).toISOString() },
    ];
    expect(assignRoles('UA', 'UB', history, at(3))).toEqual({ candidateId: 'UB', interviewerId: 'UA' });
    // UC and UD: balance 0 and -1 → UD is the candidate.
    expect(assignRoles('UC', 'UD', history, at(3))).toEqual({ candidateId: 'UD', interviewerId: 'UC' });
    expect(lastRole('UC', history)).toBe('candidate');
    expect(lastRole('UZ', history)).toBeUndefined();
  });

  it('finds the best free partner, avoiding last week’s, and nobody when nobody is free', () => {
    const history: PastPairing[] = [
      { candidateId: 'U1111', interviewerId: 'U2222', observerId: null, createdAt: at(0).toISOString() },
    ];
    const group = choosePartner(FIVE[0], FIVE.slice(1, 3), history, at(1), seededRandom(2));
    expect(group).toMatchObject({ observerId: null, repeat: false });
    expect([group?.candidateId, group?.interviewerId].sort()).toEqual(['U1111', 'U3333']);
    expect(choosePartner(FIVE[0], [FIVE[0]], history, at(1), seededRandom(2))).toBeUndefined();
  });
});

describe('quietly pausing people who ignore rounds', () => {
  const member = (userId: string, ignoredRounds: number) => ({ userId, status: 'active' as const, ignoredRounds });
  const mock = (over: Partial<Parameters<typeof ignoredRoundsAfter>[1][number]>) => ({
    candidateId: 'UA',
    interviewerId: 'UB',
    observerId: null,
    status: 'planned' as const,
    responded: [] as string[],
    noShowUserId: null,
    ...over,
  });

  it('counts a round nobody answered, resets whoever answered, and pauses at the third in a row', () => {
    expect(PAUSE_AFTER_IGNORED_ROUNDS).toBe(3);
    const updates = ignoredRoundsAfter(
      [member('UA', 2), member('UB', 1), member('UC', 0), member('UD', 1)],
      [mock({ responded: ['UB'] })],
    );
    expect(updates).toEqual([
      { userId: 'UA', ignoredRounds: 3, pause: true },
      { userId: 'UB', ignoredRounds: 0, pause: false },
    ]);
  });

  it('holds the one who did not show, not the one who reported it; a mock that happened counts for all', () => {
    expect(
      ignoredRoundsAfter(
        [member('UA', 0), member('UB', 2)],
        [mock({ status: 'no-show', noShowUserId: 'UB', responded: ['UA'] })],
      ),
    ).toEqual([{ userId: 'UB', ignoredRounds: 3, pause: true }]);
    expect(ignoredRoundsAfter([member('UA', 1), member('UB', 1)], [mock({ status: 'met' })])).toEqual([
      { userId: 'UA', ignoredRounds: 0, pause: false },
      { userId: 'UB', ignoredRounds: 0, pause: false },
    ]);
  });
});
