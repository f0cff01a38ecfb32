import type { Clock } from '../clock.js';
import { LP_IDS } from '../core/lp.js';
import type { Repositories } from '../db/repositories/index.js';
import type { HomeData } from '../slack/views/community.js';
import type { CommunityService } from './community.js';

const DAY_MS = 86_400_000;

/** The numbers behind a person's App Home: their own answers only, DM practice included. */
export function homeData(
  repos: Repositories,
  community: CommunityService,
  clock: Clock,
  teamId: string,
  userId: string,
): HomeData {
  const all = repos.answers.listForUser(teamId, userId);
  const main = all.filter((a) => a.kind === 'answer');
  const perLp = new Map<string, { average: number; count: number }>();
  for (const lp of LP_IDS) {
    const scores = main.filter((a) => a.lp === lp).map((a) => a.overall);
    if (scores.length > 0)
      perLp.set(lp, { average: Math.round(scores.reduce((s, x) => s + x, 0) / scores.length), count: scores.length });
  }
  // The weakest LP: lowest average, and never-practised LPs first of all.
  const weakestLp = [...LP_IDS].sort((a, b) => (perLp.get(a)?.average ?? -1) - (perLp.get(b)?.average ?? -1))[0];
  const now = clock.now().getTime();
  const last30 = new Date(now - 30 * DAY_MS).toISOString();
  const previous30 = new Date(now - 60 * DAY_MS).toISOString();
  const counts = new Map<string, { last30: number; previous30: number }>();
  for (const a of all) {
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
  const streak = Math.max(
    0,
    ...repos.community.channelsOf(teamId, userId).map((channelId) => community.streak(teamId, channelId, userId)),
  );
  return {
    sessions: repos.sessions.countForUser(teamId, userId),
    answers: main.length,
    streak,
    perLp,
    flags,
    recent: all
      .slice(0, 5)
      .map((a) => ({ lp: a.lp, verdict: a.verdict, overall: a.overall, createdAt: a.createdAt, kind: a.kind })),
    weakestLp,
  };
}
