import type { LpId } from './lp.js';

export interface AskedQuestion {
  lp: string;
  questionId: string;
}

export interface RotationPick {
  lp: LpId;
  questionId: string;
}

/**
 * Which question a channel gets next. Coverage before repeats: the LP asked longest ago (of the
 * channel's LPs) comes first, so every LP is asked before any is asked again; within it, the
 * question asked least often, so no question repeats before that LP's bank is used up. Ties go in
 * a random but given order (`random` comes in as an argument).
 */
export function nextQuestion(
  history: readonly AskedQuestion[],
  lps: readonly LpId[],
  questionsByLp: ReadonlyMap<string, readonly string[]>,
  random: () => number,
): RotationPick | undefined {
  const usable = lps.filter((lp) => (questionsByLp.get(lp)?.length ?? 0) > 0);
  if (usable.length === 0) return undefined;
  const lastAsked = new Map<string, number>();
  const questionCount = new Map<string, number>();
  history.forEach((asked, i) => {
    lastAsked.set(asked.lp, i);
    questionCount.set(asked.questionId, (questionCount.get(asked.questionId) ?? 0) + 1);
  });
  const pickLeast = <T>(items: readonly T[], countOf: (item: T) => number): T => {
    const fewest = Math.min(...items.map(countOf));
    const tied = items.filter((item) => countOf(item) === fewest);
    return tied[Math.floor(random() * tied.length)];
  };
  // The LP asked longest ago (never asked counts as longest): a full cycle before any repeat, and
  // a channel that widens its LP list does not then hear the new ones many times in a row.
  const lp = pickLeast(usable, (l) => lastAsked.get(l) ?? -1);
  const questionId = pickLeast(questionsByLp.get(lp) ?? [], (q) => questionCount.get(q) ?? 0);
  return { lp, questionId };
}
