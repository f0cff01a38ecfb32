import { LEVELS } from '../lp.js';
import { modelAnswer, type Scenario } from '../scenario.js';
import { extractFigures, type Figure, isRestated, sameQuantity } from './figures.js';
import { storyTexts, textsAroundStory } from './text.js';
import type { Finding } from './types.js';

/** A listener keeps a handful of numbers; past this many a model answer reads like a spreadsheet. */
export const MAX_FIGURES_PER_ANSWER = 12;

export interface FigureConflict {
  field: string;
  figure: Figure;
  /** The story's figure for the same quantity, or null when an overview figure is in no story. */
  story: Figure | null;
}

/**
 * Figures around the stories (overview, probes, quizzes, answers, lenses, level notes) that the
 * stories contradict: the same quantity with another value. An overview figure must also appear
 * in some level's story, since the overview summarises them.
 */
export function figureConflicts(scenario: Scenario): FigureConflict[] {
  const story = storyTexts(scenario).flatMap((t) => extractFigures(t.text));
  const conflicts: FigureConflict[] = [];
  for (const { field, text } of textsAroundStory(scenario)) {
    for (const figure of extractFigures(text)) {
      if (isRestated(figure, story)) continue;
      const other = story.find((g) => sameQuantity(figure, g));
      if (other) conflicts.push({ field, figure, story: other });
      else if (field === 'overview') conflicts.push({ field, figure, story: null });
    }
  }
  return conflicts;
}

export function checkFigures(scenario: Scenario): Finding[] {
  return figureConflicts(scenario).map(({ field, figure, story }) => ({
    check: 'figures',
    lp: scenario.lp,
    scenarioId: scenario.id,
    field,
    message: story
      ? `"${figure.raw}" disagrees with the story's "${story.raw}" for the same quantity: use one value everywhere`
      : `"${figure.raw}" appears in no level's story: the overview should only summarise what the stories say`,
  }));
}

export function figuresPerAnswer(scenario: Scenario): Record<(typeof LEVELS)[number], number> {
  return Object.fromEntries(
    LEVELS.map((level) => [level, extractFigures(modelAnswer(scenario, level)).length]),
  ) as Record<(typeof LEVELS)[number], number>;
}

export function checkFigureCount(scenario: Scenario): Finding[] {
  const counts = figuresPerAnswer(scenario);
  return LEVELS.filter((level) => counts[level] > MAX_FIGURES_PER_ANSWER).map((level) => ({
    check: 'figure-count',
    lp: scenario.lp,
    scenarioId: scenario.id,
    field: `levels.${level}.story`,
    message: `${counts[level]} figures in one spoken answer (at most ${MAX_FIGURES_PER_ANSWER}): keep the ones the interviewer must remember`,
  }));
}
