// Shared by `star eval` and `star calibrate`: labelled answers and the library's own judged answers
// turned into scorecard training examples, and k-fold cross-validation over them.
import { loadLibrary } from '../content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../content/paths.js';
import { LEVELS } from '../core/lp.js';
import {
  type Analysis,
  analyseAnswer,
  finishScore,
  fitScorecard,
  foldsFor,
  type Judgement,
  type LabelledAnswer,
  type RubricResult,
  type ScorecardWeights,
  type TrainingExample,
} from '../core/rubric/index.js';
import { modelAnswer } from '../core/scenario.js';
import { lpFromName } from './lp-names.js';

/** Library answers are clean, written to a template: they count less than the labelled set. */
export const LIBRARY_WEIGHT = 0.5;
export const TARGET = { strong: 1, mixed: 0.5, weak: 0 } as const;

export function analyseLabelled(rows: readonly LabelledAnswer[]): Analysis[] {
  return rows.map((row) =>
    analyseAnswer(row.text, { lp: lpFromName(row.lp) ?? undefined, level: row.level, question: row.question }),
  );
}

/** The library's strong (every level), weak and near-the-bar answers as training examples. */
export function libraryExamples(dir = DEFAULT_SCENARIOS_DIR): TrainingExample[] {
  const examples: TrainingExample[] = [];
  const add = (analysis: Analysis, target: number) => {
    if (analysis.features.length > 0) examples.push({ features: analysis.features, target, weight: LIBRARY_WEIGHT });
  };
  for (const scenario of loadLibrary(dir).scenarios) {
    const question = scenario.question;
    for (const level of LEVELS)
      add(analyseAnswer(modelAnswer(scenario, level), { scenario, level, question }), TARGET.strong);
    add(
      analyseAnswer(scenario.weakAnswer.answer, { scenario, level: scenario.weakAnswer.level, question }),
      TARGET.weak,
    );
    if (scenario.nearBar)
      add(analyseAnswer(scenario.nearBar.answer, { scenario, level: scenario.nearBar.level, question }), TARGET.mixed);
  }
  return examples;
}

export function labelledExamples(rows: readonly LabelledAnswer[], analyses: readonly Analysis[]): TrainingExample[] {
  return rows.map((row, i) => ({ features: analyses[i].features, target: TARGET[row.label], weight: 1 }));
}

export function judge(result: RubricResult): Judgement {
  return { overall: result.overall, verdict: result.verdict, flags: new Set(result.flags.map((f) => f.id)) };
}

/**
 * Held-out judgements: each fold is scored with weights fitted on the other folds (plus the
 * library), so no answer is scored by weights that saw it.
 */
export function crossValidate(
  rows: readonly LabelledAnswer[],
  analyses: readonly Analysis[],
  library: readonly TrainingExample[],
  k: number,
): Judgement[] {
  const folds = foldsFor(
    rows.map((r) => r.id),
    k,
  );
  const examples = labelledExamples(rows, analyses);
  const judged = new Array<Judgement>(rows.length);
  for (let fold = 0; fold < k; fold++) {
    const training = [...examples.filter((_, i) => folds[i] !== fold), ...library];
    const card: ScorecardWeights = fitScorecard(training);
    rows.forEach((_, i) => {
      if (folds[i] === fold) judged[i] = judge(finishScore(analyses[i], card));
    });
  }
  return judged;
}
