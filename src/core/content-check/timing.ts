import { LEVELS, STAR_PARTS } from '../lp.js';
import { modelAnswer, type Scenario } from '../scenario.js';
import { spokenSeconds } from './text.js';
import type { Finding } from './types.js';

/** A part may run this share over or under its target, or this many seconds, whichever is more. */
export const PART_TOLERANCE = { share: 0.4, seconds: 8 };
/** A whole model answer between these shares of its level's budget: guidance and example agree. */
export const ANSWER_BUDGET_RANGE = { min: 0.75, max: 1.1 };

export function targetsTotal(scenario: Scenario, level: (typeof LEVELS)[number]): number {
  const story = scenario.levels[level].story;
  return STAR_PARTS.reduce((sum, part) => sum + story[part].targetSeconds, 0);
}

/** Each level's step targets add up to its time budget. */
export function checkStepBudget(scenario: Scenario): Finding[] {
  return LEVELS.flatMap((level) => {
    const total = targetsTotal(scenario, level);
    const budget = scenario.levels[level].timeBudgetSeconds;
    return total === budget
      ? []
      : [
          {
            check: 'step-budget' as const,
            lp: scenario.lp,
            scenarioId: scenario.id,
            field: `levels.${level}.story`,
            message: `the step targets add up to ${total} s but timeBudgetSeconds is ${budget} s`,
          },
        ];
  });
}

/** Each example takes about its target to say, and each model answer about its budget. */
export function checkStepLength(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  for (const level of LEVELS) {
    const story = scenario.levels[level].story;
    for (const part of STAR_PARTS) {
      const seconds = spokenSeconds(story[part].example);
      const target = story[part].targetSeconds;
      if (Math.abs(seconds - target) > Math.max(PART_TOLERANCE.seconds, PART_TOLERANCE.share * target))
        findings.push({
          check: 'step-length',
          lp: scenario.lp,
          scenarioId: scenario.id,
          field: `levels.${level}.story.${part}.example`,
          message: `takes about ${seconds} s to say against a target of ${target} s: make the example and the target agree`,
        });
    }
    const seconds = spokenSeconds(modelAnswer(scenario, level));
    const budget = scenario.levels[level].timeBudgetSeconds;
    if (seconds < ANSWER_BUDGET_RANGE.min * budget || seconds > ANSWER_BUDGET_RANGE.max * budget)
      findings.push({
        check: 'step-length',
        lp: scenario.lp,
        scenarioId: scenario.id,
        field: `levels.${level}.story`,
        message: `the model answer takes about ${seconds} s against a budget of ${budget} s (${Math.round(ANSWER_BUDGET_RANGE.min * 100)}–${Math.round(ANSWER_BUDGET_RANGE.max * 100)}% wanted)`,
      });
  }
  return findings;
}
