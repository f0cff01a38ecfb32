import type { LpId } from './lp.js';
import type { FollowUp, QuestionBank, Scenario } from './scenario.js';

export interface CatalogProbe {
  question: string;
  probes: string;
  strong?: { answer: string; takeaway: string };
}

/** Any question the bot can ask: a full scenario's, or one from an LP's question bank. */
export interface CatalogQuestion {
  id: string;
  lp: LpId;
  question: string;
  probes: CatalogProbe[];
  /** The LP's follow-ups, true of any story (empty when its bank has none). */
  followUps: FollowUp[];
  /** Present for scenario questions: enables key phrases, step targets and model probes. */
  scenario?: Scenario;
}

/** Every question in the library by id (ids are unique across scenarios and banks). */
export function buildCatalog(
  scenarios: readonly Scenario[],
  banks: readonly QuestionBank[],
): Map<string, CatalogQuestion> {
  const catalog = new Map<string, CatalogQuestion>();
  const followUps = (lp: LpId) => banks.find((b) => b.lp === lp)?.followUps ?? [];
  for (const s of scenarios) {
    catalog.set(s.id, {
      id: s.id,
      lp: s.lp,
      question: s.question,
      probes: s.probes.map((p) => ({ question: p.question, probes: p.probes, strong: p.strong })),
      followUps: followUps(s.lp),
      scenario: s,
    });
  }
  for (const bank of banks)
    for (const q of bank.questions)
      catalog.set(q.id, { id: q.id, lp: bank.lp, question: q.question, probes: q.probes, followUps: bank.followUps });
  return catalog;
}

export function questionIdsByLp(catalog: ReadonlyMap<string, CatalogQuestion>): Map<string, string[]> {
  const byLp = new Map<string, string[]>();
  for (const q of catalog.values()) byLp.set(q.lp, [...(byLp.get(q.lp) ?? []), q.id]);
  return byLp;
}
