import type { Repositories } from '../db/repositories/index.js';

export interface UserStats {
  sessions: number;
  answers: number;
  probeAnswers: number;
  averageOverall: number | null;
  perLp: { lp: string; answers: number; average: number }[];
  topFlags: { id: string; count: number }[];
  quiz: { attempts: number; correct: number };
}

/** A user's own practice numbers, from their answers that still count. */
export function userStats(repos: Repositories, teamId: string, userId: string): UserStats {
  const all = repos.answers.listForUser(teamId, userId);
  const main = all.filter((a) => a.kind === 'answer');
  const byLp = new Map<string, number[]>();
  for (const a of main) byLp.set(a.lp, [...(byLp.get(a.lp) ?? []), a.overall]);
  const flagCounts = new Map<string, number>();
  for (const a of all)
    for (const id of new Set(a.flags.map((f) => f.id))) flagCounts.set(id, (flagCounts.get(id) ?? 0) + 1);
  const avg = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);
  return {
    sessions: repos.sessions.countForUser(teamId, userId),
    answers: main.length,
    probeAnswers: all.length - main.length,
    averageOverall: main.length > 0 ? avg(main.map((a) => a.overall)) : null,
    perLp: [...byLp.entries()]
      .map(([lp, xs]) => ({ lp, answers: xs.length, average: avg(xs) }))
      .sort((a, b) => a.lp.localeCompare(b.lp)),
    topFlags: [...flagCounts.entries()]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, 5),
    quiz: repos.quiz.totals(teamId, userId),
  };
}
