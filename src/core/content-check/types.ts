import type { LpId } from '../lp.js';

/** Every content check, by the id printed after its findings. */
export const CHECK_IDS = [
  'quiz-length',
  'quiz-position',
  'quiz-story',
  'figures',
  'figure-count',
  'level-identical',
  'level-sde1-scope',
  'level-senior-scope',
  'step-budget',
  'step-length',
  'weak-probe-length',
  'weak-answer-flags',
  'weak-answer-ending',
  'verdict-bar',
  'templated-phrase',
  'stock-mistake',
  'follow-up-generic',
  'coverage',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * One problem a check found. `scenarioId` points at a scenario file, `bank` at the LP's
 * questions.yaml; with neither it is about the LP folder (`lp`) or the whole library (`lp` null).
 */
export interface Finding {
  check: CheckId;
  lp: LpId | null;
  scenarioId?: string;
  bank?: boolean;
  /** The field path inside the file, e.g. `quiz.2.options`. */
  field: string;
  message: string;
}
