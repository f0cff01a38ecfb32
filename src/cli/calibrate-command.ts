// `star calibrate FILE`: fits the scorecard on a labelled JSONL file plus the library's own judged
// answers and writes the weights as data into src/core/rubric/scorecard-weights.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES, fitScorecard } from '../core/rubric/index.js';
import { parseFlags, UsageError } from './args.js';
import { analyseLabelled, labelledExamples, libraryExamples } from './calibration.js';
import { readLabelled } from './eval-command.js';
import type { Io } from './io.js';

/** The weights file, found from this file so the command works from dist/ and from src/. */
export const WEIGHTS_FILE = fileURLToPath(new URL('../../src/core/rubric/scorecard-weights.ts', import.meta.url));

export function renderWeights(weights: readonly number[], source: string): string {
  const lines = FEATURE_NAMES.map((name, i) => `    ${weights[i]}, // ${name}`);
  return `// Written by \`npm run star -- calibrate ${source}\`: do not edit by hand, re-run it.
// One logistic weight per scorecard feature (scorecard.ts FEATURE_NAMES), fitted on the labelled
// answers plus the scenario library's strong, weak and near-the-bar answers.
import type { ScorecardWeights } from './scorecard.js';

export const SCORECARD: ScorecardWeights = {
  features: ${JSON.stringify(FEATURE_NAMES)},
  weights: [
${lines.join('\n')}
  ],
};
`;
}

export function runCalibrateCommand(args: string[], io: Io): number {
  const { positionals } = parseFlags(args, {});
  if (positionals.length !== 1) throw new UsageError('calibrate takes one labelled JSONL FILE');
  const rows = readLabelled(positionals[0]);
  const examples = [...labelledExamples(rows, analyseLabelled(rows)), ...libraryExamples()];
  const card = fitScorecard(examples);
  writeFileSync(WEIGHTS_FILE, renderWeights(card.weights, 'FILE'));
  io.out(`wrote ${FEATURE_NAMES.length} weights from ${examples.length} answers to ${WEIGHTS_FILE}`);
  io.out('run npm run build (and bump RUBRIC_VERSION) before scoring with them');
  return 0;
}
