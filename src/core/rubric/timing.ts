import type { Level, StarPart } from '../lp.js';
import type { Scenario } from '../scenario.js';
import type { AnswerKind } from './types.js';

/** Typical interview speaking pace; used to turn words into seconds. */
export const WORDS_PER_MINUTE = 150;

/** Target speaking time per part for an SDE2 answer: the budget interviewers listen for. */
export const DEFAULT_TARGET_SECONDS: Record<StarPart, number> = {
  situation: 30,
  task: 20,
  action: 90,
  result: 20,
  reflection: 15,
};

// Juniors are expected to keep it tighter; seniors earn more time for reflection and trade-offs.
const LEVEL_ADJUST: Record<Level, Partial<Record<StarPart, number>>> = {
  sde1: { action: -15, reflection: -5 },
  sde2: {},
  senior: { action: 10, reflection: 10 },
};

/**
 * Past this a whole answer is too long (seconds): about 550 words. Interviewers stop listening
 * somewhere past four minutes whatever the level; the level's time budget is advice, not a flag.
 */
export const MAX_ANSWER_SECONDS = 220;
export const MAX_PROBE_SECONDS = 90;
export const MIN_WORDS: Record<AnswerKind, number> = { answer: 60, probe: 15 };

export function secondsFor(words: number): number {
  return Math.round((words * 60) / WORDS_PER_MINUTE);
}

/** Target seconds per part for a level, from the scenario's own step targets when there is one. */
export function targetSecondsFor(level: Level, scenario?: Scenario): Record<StarPart, number> {
  const targets = { ...DEFAULT_TARGET_SECONDS };
  for (const part of Object.keys(targets) as StarPart[]) {
    const base = scenario ? scenario.steps[part].targetSeconds : DEFAULT_TARGET_SECONDS[part];
    targets[part] = Math.max(5, base + (LEVEL_ADJUST[level][part] ?? 0));
  }
  return targets;
}
