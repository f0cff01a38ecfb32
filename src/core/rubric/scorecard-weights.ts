// Written by `npm run star -- calibrate FILE`: do not edit by hand, re-run it.
// One logistic weight per scorecard feature (scorecard.ts FEATURE_NAMES), fitted on the labelled
// answers plus the scenario library's strong, weak and near-the-bar answers.
import type { ScorecardWeights } from './scorecard.js';

export const SCORECARD: ScorecardWeights = {
  features: [
    'bias',
    'dim:ownership',
    'dim:impact',
    'dim:structure',
    'dim:delivery',
    'dim:reflection',
    'flag:we-language',
    'flag:handoff',
    'flag:manager-directed',
    'flag:hedging',
    'flag:hypothetical',
    'flag:blame',
    'flag:no-metric',
    'flag:vague-result',
    'flag:no-scope-boundary',
    'flag:generic-reflection',
    'flag:missing-star-part',
    'flag:too-short',
    'flag:too-long',
    'flag:filler',
    'flag:no-story',
    'hedging:count',
    'strength:quantified-delta',
    'strength:business-impact',
    'strength:scope-boundary',
    'strength:specific-reflection',
    'strength:systemic-reflection',
    'strength:trade-off',
    'strength:i-statement',
    'strength:second-order-effect',
    'story:i-share',
    'story:outcomes',
    'story:specific',
    'story:untold',
    'part:task',
    'part:result',
    'part:reflection',
    'words:log',
    'level:sde1',
    'level:senior',
    'senior:systemic-reflection',
    'senior:no-reflection',
    'ask:ownership-manager-directed',
  ],
  weights: [
    -2.7061, // bias
    0.5386, // dim:ownership
    0.2323, // dim:impact
    0.087, // dim:structure
    0.3097, // dim:delivery
    0.0994, // dim:reflection
    -0.2855, // flag:we-language
    -0.3208, // flag:handoff
    -0.447, // flag:manager-directed
    -0.3748, // flag:hedging
    0.0708, // flag:hypothetical
    -0.1207, // flag:blame
    -1.1762, // flag:no-metric
    -0.1555, // flag:vague-result
    -0.5039, // flag:no-scope-boundary
    0.0314, // flag:generic-reflection
    -0.2175, // flag:missing-star-part
    -0.4863, // flag:too-short
    -0.292, // flag:too-long
    0.4018, // flag:filler
    -0.2175, // flag:no-story
    -0.2866, // hedging:count
    0.3827, // strength:quantified-delta
    0.2997, // strength:business-impact
    0.1414, // strength:scope-boundary
    0.1273, // strength:specific-reflection
    0.1673, // strength:systemic-reflection
    0.6854, // strength:trade-off
    1.1345, // strength:i-statement
    0.1345, // strength:second-order-effect
    0.8943, // story:i-share
    0.8978, // story:outcomes
    0.1848, // story:specific
    -0.1657, // story:untold
    0.1774, // part:task
    0.3998, // part:result
    -0.1057, // part:reflection
    0.7249, // words:log
    0.3395, // level:sde1
    -0.4155, // level:senior
    0.2168, // senior:systemic-reflection
    0.0219, // senior:no-reflection
    -0.1633, // ask:ownership-manager-directed
  ],
};
