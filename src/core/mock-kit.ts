// Which question the interviewer asks: a scenario from the candidate's weakest Leadership
// Principles (their lowest average scores so far), one they have not practised or been asked in a
// mock when there is one, since a question they have seen the model answer to tests nothing.
import type { Scenario } from './scenario.js';

/** How many of the candidate's weakest LPs the question may come from. */
export const WEAKEST_LPS = 3;

export interface CandidateHistory {
  /** Their scored answers (main answers count; follow-up replies do not). */
  answers: readonly { lp: string; overall: number; kind: string }[];
  /** Scenario ids they practised, with how often. */
  practised: ReadonlyMap<string, number>;
  /** Question ids they were asked in earlier mocks. */
  askedInMocks: ReadonlySet<string>;
}

export interface KitChoice {
  scenario: Scenario;
  /** `weakest`: from one of their lowest-scoring LPs; `new`: no history yet, so an LP they have not tried. */
  reason: 'weakest' | 'new';
  /** Their average in the question's LP, when they have one. */
  average: number | null;
}

/** Average main-answer score per LP. */
export function averagesByLp(answers: CandidateHistory['answers']): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const a of answers) {
    if (a.kind !== 'answer') continue;
    const s = sums.get(a.lp) ?? { total: 0, count: 0 };
    s.total += a.overall;
    s.count++;
    sums.set(a.lp, s);
  }
  return new Map([...sums].map(([lp, s]) => [lp, Math.round(s.total / s.count)]));
}

/**
 * The kit's question. Among the scenarios of the candidate's weakest LPs (or, with no history,
 * of any LP), the freshest wins: never practised nor asked in a mock and with a near-the-bar
 * answer for the kit, then never practised nor asked, then not asked in a mock, then any; ties go
 * to the weaker LP, then to chance. Undefined only for an empty library.
 */
export function chooseKitQuestion(
  scenarios: readonly Scenario[],
  history: CandidateHistory,
  random: () => number,
): KitChoice | undefined {
  const averages = averagesByLp(history.answers);
  const offered = new Set(scenarios.map((s) => s.lp));
  const weakest = [...averages]
    .filter(([lp]) => offered.has(lp as Scenario['lp']))
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, WEAKEST_LPS)
    .map(([lp]) => lp);
  const pool = weakest.length > 0 ? scenarios.filter((s) => weakest.includes(s.lp)) : scenarios;
  if (pool.length === 0) return undefined;
  const freshness = (s: Scenario) => {
    const asked = history.askedInMocks.has(s.id);
    const seen = asked || history.practised.has(s.id);
    if (!seen && s.nearBar) return 0;
    if (!seen) return 1;
    return asked ? 3 : 2;
  };
  const ranked = pool
    .map((s) => ({ s, fresh: freshness(s), weak: weakest.indexOf(s.lp), tie: random() }))
    .sort((a, b) => a.fresh - b.fresh || a.weak - b.weak || a.tie - b.tie);
  const scenario = ranked[0].s;
  return {
    scenario,
    reason: weakest.length > 0 ? 'weakest' : 'new',
    average: averages.get(scenario.lp) ?? null,
  };
}
