// Who interviews whom this week. A pool's available people are split into pairs (one candidate,
// one interviewer) and, when the count is odd, one trio whose third person shadows the interviewer
// and learns the bar. Every choice is a cost, and the cheapest plan wins:
//   - the same interviewer and candidate within the last four weeks costs far more than anything
//     else, so a repeat happens only when no other plan exists;
//   - no shared working hours costs more than a thin overlap, which costs more than a good one;
//   - two people who both owe the same role cost a little, so roles can keep alternating;
//   - being the observer again soon costs, so the odd one out rotates;
//   - a small random jitter breaks ties, so equal plans vary from week to week.
// Inside a pair, roles alternate: whoever has been the candidate less (net of interviewing) is it.
// Pure: people, history, `now` and the random source all come in as arguments.
import type { Mock, MockMember, MockRole } from './mocks.js';
import { type Interval, intersect, MOCK_MINUTES, totalMinutes, workingHours } from './working-hours.js';

const DAY_MS = 86_400_000;

/** The same interviewer and candidate are not paired again within this: the fifth weekly round is the earliest. */
export const REPEAT_WINDOW_MS = 27 * DAY_MS;
/** How far back roles are counted (alternation, observer turns, pairs already met). */
export const ROLE_MEMORY_MS = 12 * 7 * DAY_MS;
/** Rounds in a row a person may ignore before they are quietly paused. */
export const PAUSE_AFTER_IGNORED_ROUNDS = 3;

const REPEAT_COST = 1000;
const NO_OVERLAP_COST = 60;
const THIN_OVERLAP_COST = 20;
/** Shared hours up to a comfortable week (four hours a day) still count: more overlap is easier to book. */
const COMFORTABLE_OVERLAP_MINUTES = 5 * 4 * 60;
const OVERLAP_GRADIENT_COST = 10;
/** Two people who both owe the same role (both were the candidate more often): one of them repeats it. */
const ROLE_CLASH_COST = 3;
/** Met before, but outside the repeat window: new pairs are still nicer. */
const MET_BEFORE_COST = 4;
/** Per observer turn in the repeat window: the odd one out should be someone else next time. */
const OBSERVER_TURN_COST = 30;
const OBSERVER_NO_OVERLAP_COST = 15;
/** A plan after which next week's round could not avoid a repeat: worse than any overlap, better than a repeat. */
const BOXED_IN_COST = 500;
/** Pools up to this size also look one week ahead (larger pools have room enough). */
const LOOKAHEAD_MAX_PEOPLE = 12;
/** Plans explored before the best one so far is taken (large pools). */
const SEARCH_BUDGET = 200_000;

export interface PoolPerson {
  userId: string;
  /** IANA timezone (Slack's `tz`), UTC when unknown. */
  timezone: string;
}

/** A mock that already happened (or was planned), as pairing sees it. */
export type PastPairing = Pick<Mock, 'candidateId' | 'interviewerId' | 'observerId' | 'createdAt'>;

export interface MockGroup {
  candidateId: string;
  interviewerId: string;
  observerId: string | null;
  /** Minutes of working hours the group shares in the week ahead. */
  sharedMinutes: number;
  /** The interviewer and candidate were paired within the repeat window (no other plan was possible). */
  repeat: boolean;
}

export interface PairingPlan {
  groups: MockGroup[];
  unpaired: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

class PairingContext {
  private readonly hours = new Map<string, Interval[]>();
  /** Last time each unordered interviewing pair met (ms). */
  private readonly lastPaired = new Map<string, number>();
  private readonly observerTurns = new Map<string, number>();
  /** Candidate turns minus interviewer turns, per person. */
  private readonly balance = new Map<string, number>();
  private readonly jitter = new Map<string, number>();

  constructor(
    people: readonly PoolPerson[],
    history: readonly PastPairing[],
    readonly now: Date,
    private readonly random: () => number,
  ) {
    const to = new Date(now.getTime() + 7 * DAY_MS);
    for (const p of people) this.hours.set(p.userId, workingHours(p.timezone, now, to));
    for (const m of history) {
      const at = Date.parse(m.createdAt);
      if (now.getTime() - at > ROLE_MEMORY_MS || at > now.getTime()) continue;
      const key = pairKey(m.candidateId, m.interviewerId);
      this.lastPaired.set(key, Math.max(at, this.lastPaired.get(key) ?? 0));
      this.balance.set(m.candidateId, (this.balance.get(m.candidateId) ?? 0) + 1);
      this.balance.set(m.interviewerId, (this.balance.get(m.interviewerId) ?? 0) - 1);
      if (m.observerId && now.getTime() - at < REPEAT_WINDOW_MS)
        this.observerTurns.set(m.observerId, (this.observerTurns.get(m.observerId) ?? 0) + 1);
    }
  }

  shared(ids: readonly string[]): number {
    return totalMinutes(ids.map((id) => this.hours.get(id) ?? []).reduce((a, b) => intersect(a, b)));
  }

  isRepeat(a: string, b: string): boolean {
    const last = this.lastPaired.get(pairKey(a, b));
    return last !== undefined && this.now.getTime() - last < REPEAT_WINDOW_MS;
  }

  pairCost(a: string, b: string): number {
    const key = pairKey(a, b);
    let jitter = this.jitter.get(key);
    if (jitter === undefined) {
      jitter = this.random();
      this.jitter.set(key, jitter);
    }
    let cost = jitter;
    if (this.isRepeat(a, b)) cost += REPEAT_COST;
    else if (this.lastPaired.has(key)) cost += MET_BEFORE_COST;
    const shared = this.shared([a, b]);
    if (shared === 0) cost += NO_OVERLAP_COST;
    else if (shared < 2 * MOCK_MINUTES) cost += THIN_OVERLAP_COST;
    cost += OVERLAP_GRADIENT_COST * (1 - Math.min(shared, COMFORTABLE_OVERLAP_MINUTES) / COMFORTABLE_OVERLAP_MINUTES);
    const [ba, bb] = [this.balance.get(a) ?? 0, this.balance.get(b) ?? 0];
    if (Math.sign(ba) !== 0 && Math.sign(ba) === Math.sign(bb))
      cost += ROLE_CLASH_COST * Math.min(Math.abs(ba), Math.abs(bb));
    return cost;
  }

  /**
   * Whether next week's round could still pair everyone without a repeat, if this round's pairs are
   * chosen: a choice now can leave only pairs that met recently (six people used three ways can).
   */
  nextRoundOpen(ids: readonly string[], chosen: readonly (readonly [string, string])[]): boolean {
    const next = this.now.getTime() + 7 * DAY_MS;
    const blocked = new Set(chosen.map(([a, b]) => pairKey(a, b)));
    for (const [key, at] of this.lastPaired) if (next - at < REPEAT_WINDOW_MS) blocked.add(key);
    const open = (remaining: readonly string[], spare: number): boolean => {
      if (remaining.length <= spare) return true;
      const [first, ...rest] = remaining;
      if (spare > 0 && open(rest, spare - 1)) return true;
      return rest.some(
        (p) =>
          !blocked.has(pairKey(first, p)) &&
          open(
            rest.filter((x) => x !== p),
            spare,
          ),
      );
    };
    return open(ids, ids.length % 2);
  }

  observerCost(observer: string, pair: readonly [string, string]): number {
    let cost = OBSERVER_TURN_COST * (this.observerTurns.get(observer) ?? 0);
    if (this.shared([observer, ...pair]) === 0) cost += OBSERVER_NO_OVERLAP_COST;
    return cost;
  }
}

interface Matching {
  pairs: [string, string][];
  cost: number;
}

/**
 * The cheapest way to split an even list of people into pairs: depth-first, cheapest partner first
 * (so the first plan found is the greedy one), pruning any branch already dearer than the best.
 */
function bestMatching(
  ids: readonly string[],
  cost: (a: string, b: string) => number,
  budget: number,
  leafCost: (pairs: readonly [string, string][]) => number = () => 0,
): Matching {
  let best: Matching = { pairs: [], cost: Number.POSITIVE_INFINITY };
  let nodes = 0;
  const pairs: [string, string][] = [];
  const visit = (remaining: readonly string[], acc: number) => {
    if (acc >= best.cost) return;
    if (remaining.length === 0) {
      const total = acc + leafCost(pairs);
      if (total < best.cost) best = { pairs: [...pairs], cost: total };
      return;
    }
    const [first, ...rest] = remaining;
    const partners = rest.map((p) => ({ p, c: cost(first, p) })).sort((x, y) => x.c - y.c);
    for (const { p, c } of partners) {
      if (++nodes > budget && best.cost < Number.POSITIVE_INFINITY) return;
      pairs.push([first, p]);
      visit(
        rest.filter((x) => x !== p),
        acc + c,
      );
      pairs.pop();
    }
  };
  visit(ids, 0);
  return best;
}

/** Roles inside a pair: the one who has been the candidate less (net of interviewing) is the candidate now. */
export function assignRoles(
  a: string,
  b: string,
  history: readonly PastPairing[],
  now: Date,
): { candidateId: string; interviewerId: string } {
  const recent = history.filter((m) => now.getTime() - Date.parse(m.createdAt) <= ROLE_MEMORY_MS);
  const balance = (x: string) =>
    recent.filter((m) => m.candidateId === x).length - recent.filter((m) => m.interviewerId === x).length;
  const lastCandidate = (x: string) =>
    recent
      .filter((m) => m.candidateId === x)
      .map((m) => m.createdAt)
      .sort()
      .at(-1) ?? '';
  const aFirst =
    balance(a) !== balance(b)
      ? balance(a) < balance(b)
      : lastCandidate(a) !== lastCandidate(b)
        ? lastCandidate(a) < lastCandidate(b)
        : a < b;
  return aFirst ? { candidateId: a, interviewerId: b } : { candidateId: b, interviewerId: a };
}

function group(
  ctx: PairingContext,
  pair: readonly [string, string],
  observer: string | null,
  history: readonly PastPairing[],
): MockGroup {
  const roles = assignRoles(pair[0], pair[1], history, ctx.now);
  return {
    ...roles,
    observerId: observer,
    sharedMinutes: ctx.shared(observer ? [...pair, observer] : pair),
    repeat: ctx.isRepeat(pair[0], pair[1]),
  };
}

/**
 * This round's groups for the people available: pairs, and one trio with an observer when the
 * count is odd. One person alone is left unpaired (they get a note).
 */
export function pairPool(
  people: readonly PoolPerson[],
  history: readonly PastPairing[],
  now: Date,
  random: () => number,
): PairingPlan {
  const unique = [...new Map(people.map((p) => [p.userId, p])).values()].sort((a, b) =>
    a.userId.localeCompare(b.userId),
  );
  if (unique.length < 2) return { groups: [], unpaired: unique.map((p) => p.userId) };
  const ctx = new PairingContext(unique, history, now, random);
  const ids = unique.map((p) => p.userId);
  const cost = (a: string, b: string) => ctx.pairCost(a, b);
  const lookahead = ids.length <= LOOKAHEAD_MAX_PEOPLE;
  const boxedIn = (pairs: readonly [string, string][]) =>
    lookahead && !ctx.nextRoundOpen(ids, pairs) ? BOXED_IN_COST : 0;
  if (ids.length % 2 === 0) {
    const { pairs } = bestMatching(ids, cost, SEARCH_BUDGET, boxedIn);
    return { groups: pairs.map((p) => group(ctx, p, null, history)), unpaired: [] };
  }
  // Odd: try each person as the observer (fewest recent observer turns first), pair the rest, and
  // seat the observer with the pair that suits them best.
  let best: { cost: number; pairs: [string, string][]; observer: string; host: number } | undefined;
  for (const observer of ids) {
    const rest = ids.filter((id) => id !== observer);
    const matching = bestMatching(rest, cost, Math.ceil(SEARCH_BUDGET / ids.length), boxedIn);
    matching.pairs.forEach((pair, host) => {
      const total = matching.cost + ctx.observerCost(observer, pair);
      if (!best || total < best.cost) best = { cost: total, pairs: matching.pairs, observer, host };
    });
  }
  const chosen = best as NonNullable<typeof best>;
  return {
    groups: chosen.pairs.map((p, i) => group(ctx, p, i === chosen.host ? chosen.observer : null, history)),
    unpaired: [],
  };
}

/**
 * A partner now for one person (`/star mock`, or after a no-show): the cheapest of the people
 * free, roles alternated as in the weekly round. Undefined when nobody is free.
 */
export function choosePartner(
  requester: PoolPerson,
  free: readonly PoolPerson[],
  history: readonly PastPairing[],
  now: Date,
  random: () => number,
): MockGroup | undefined {
  const others = free.filter((p) => p.userId !== requester.userId);
  if (others.length === 0) return undefined;
  const ctx = new PairingContext([requester, ...others], history, now, random);
  const best = others
    .map((p) => ({ p, c: ctx.pairCost(requester.userId, p.userId) }))
    .sort((a, b) => a.c - b.c || a.p.userId.localeCompare(b.p.userId))[0];
  return group(ctx, [requester.userId, best.p.userId], null, history);
}

/** A pool member's count of rounds ignored in a row, after the last weekly round. */
export interface IgnoredUpdate {
  userId: string;
  ignoredRounds: number;
  /** Reached the limit now: pause them quietly. */
  pause: boolean;
}

/**
 * Who ignored the last weekly round: in a mock that stayed planned they never answered anything,
 * or they were the one who did not show. Anyone who answered starts again from zero. People who
 * were not paired (away, skipping) keep their count.
 */
export function ignoredRoundsAfter(
  members: readonly Pick<MockMember, 'userId' | 'status' | 'ignoredRounds'>[],
  lastRound: readonly Pick<
    Mock,
    'candidateId' | 'interviewerId' | 'observerId' | 'status' | 'responded' | 'noShowUserId'
  >[],
): IgnoredUpdate[] {
  const ignored = new Set<string>();
  const answered = new Set<string>();
  for (const mock of lastRound) {
    for (const id of [mock.candidateId, mock.interviewerId, ...(mock.observerId ? [mock.observerId] : [])]) {
      const silent =
        (mock.status === 'planned' && !mock.responded.includes(id)) ||
        (mock.status === 'no-show' && mock.noShowUserId === id);
      (silent ? ignored : answered).add(id);
    }
  }
  const updates: IgnoredUpdate[] = [];
  for (const m of members) {
    if (m.status !== 'active') continue;
    if (ignored.has(m.userId)) {
      const count = m.ignoredRounds + 1;
      updates.push({ userId: m.userId, ignoredRounds: count, pause: count >= PAUSE_AFTER_IGNORED_ROUNDS });
    } else if (answered.has(m.userId) && m.ignoredRounds > 0)
      updates.push({ userId: m.userId, ignoredRounds: 0, pause: false });
  }
  return updates;
}

/** The role a person had most recently, for the "alternates" promise in messages and tests. */
export function lastRole(userId: string, history: readonly PastPairing[]): MockRole | undefined {
  const mine = history
    .filter((m) => m.candidateId === userId || m.interviewerId === userId || m.observerId === userId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  if (!mine) return undefined;
  return mine.candidateId === userId ? 'candidate' : mine.interviewerId === userId ? 'interviewer' : 'observer';
}
