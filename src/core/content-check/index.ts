import { LEADERSHIP_PRINCIPLES } from '../lp.js';
import type { QuestionBank, Scenario } from '../scenario.js';
import { checkVerdicts, checkWeakAnswerFlags, checkWeakProbeReplies } from './answers.js';
import { checkFigureCount, checkFigures } from './consistency.js';
import { checkLibraryCoverage, checkLpCoverage } from './coverage.js';
import { checkFollowUps } from './follow-ups.js';
import { checkLevelsDiffer, checkSde1Scope, checkSeniorScope } from './levels.js';
import { checkLpQuizBias, checkQuizLengths, checkQuizStory } from './quiz.js';
import { checkStepBudget, checkStepLength } from './timing.js';
import type { Finding } from './types.js';
import { checkStockMistakes, checkTemplatedPhrases } from './writing.js';

export type { CheckId, Finding } from './types.js';
export { CHECK_IDS } from './types.js';

/** The checks that look at one scenario on its own. */
const SCENARIO_CHECKS: ((scenario: Scenario) => Finding[])[] = [
  checkQuizLengths,
  checkQuizStory,
  checkFigures,
  checkFigureCount,
  checkLevelsDiffer,
  checkSde1Scope,
  checkSeniorScope,
  checkStepBudget,
  checkStepLength,
  checkWeakProbeReplies,
  checkWeakAnswerFlags,
  checkVerdicts,
];

/**
 * Every content check over a library: each scenario, each LP (quiz bias, templated phrases,
 * stock mistakes, coverage, follow-ups) and the library's spread. Returns every finding; `scenarios check`
 * and the library test fail on any.
 */
export function checkContent(scenarios: readonly Scenario[], banks: readonly QuestionBank[]): Finding[] {
  const findings = scenarios.flatMap((scenario) => SCENARIO_CHECKS.flatMap((check) => check(scenario)));
  for (const { id: lp } of LEADERSHIP_PRINCIPLES) {
    const own = scenarios.filter((s) => s.lp === lp);
    const bank = banks.find((b) => b.lp === lp);
    findings.push(
      ...checkLpQuizBias(lp, own),
      ...checkTemplatedPhrases(lp, own),
      ...checkStockMistakes(lp, own),
      ...checkLpCoverage(lp, own, bank),
      ...(bank ? checkFollowUps(bank) : []),
    );
  }
  findings.push(...checkLibraryCoverage(scenarios));
  return findings;
}
