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
    -2.6009, // bias
    0.7465, // dim:ownership
    0.2705, // dim:impact
    0.1298, // dim:structure
    0.2105, // dim:delivery
    0.1444, // dim:reflection
    -0.3955, // flag:we-language
    -0.5796, // flag:handoff
    -0.7417, // flag:manager-directed
    -0.4752, // flag:hedging
    0.0697, // flag:hypothetical
    -0.1787, // flag:blame
    -1.185, // flag:no-metric
    -0.2937, // flag:vague-result
    -0.7187, // flag:no-scope-boundary
    -0.3286, // flag:generic-reflection
    -0.3246, // flag:missing-star-part
    -0.3574, // flag:too-short
    -0.2313, // flag:too-long
    0.2951, // flag:filler
    -0.3246, // flag:no-story
    -0.1423, // hedging:count
    0.3373, // strength:quantified-delta
    0.2453, // strength:business-impact
    0.1447, // strength:scope-boundary
    0.0987, // strength:specific-reflection
    0.2069, // strength:systemic-reflection
    0.6345, // strength:trade-off
    0.9029, // strength:i-statement
    0.1327, // strength:second-order-effect
    0.8152, // story:i-share
    0.8556, // story:outcomes
    0.2306, // story:specific
    -0.0863, // story:untold
    0.2551, // part:task
    0.426, // part:result
    -0.1068, // part:reflection
    0.7116, // words:log
    0.3285, // level:sde1
    -0.4481, // level:senior
    0.2429, // senior:systemic-reflection
    0.0308, // senior:no-reflection
    -0.6027, // ask:ownership-manager-directed
  ],
};
