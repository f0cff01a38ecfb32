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
    -2.6043, // bias
    0.7464, // dim:ownership
    0.2671, // dim:impact
    0.1298, // dim:structure
    0.2093, // dim:delivery
    0.1466, // dim:reflection
    -0.4012, // flag:we-language
    -0.578, // flag:handoff
    -0.7411, // flag:manager-directed
    -0.4735, // flag:hedging
    0.0697, // flag:hypothetical
    -0.1783, // flag:blame
    -1.1809, // flag:no-metric
    -0.2944, // flag:vague-result
    -0.7057, // flag:no-scope-boundary
    -0.3393, // flag:generic-reflection
    -0.3245, // flag:missing-star-part
    -0.3559, // flag:too-short
    -0.2306, // flag:too-long
    0.2925, // flag:filler
    -0.3245, // flag:no-story
    -0.1415, // hedging:count
    0.3362, // strength:quantified-delta
    0.24, // strength:business-impact
    0.1449, // strength:scope-boundary
    0.1036, // strength:specific-reflection
    0.2078, // strength:systemic-reflection
    0.6236, // strength:trade-off
    0.9056, // strength:i-statement
    0.1324, // strength:second-order-effect
    0.8205, // story:i-share
    0.861, // story:outcomes
    0.2318, // story:specific
    -0.0847, // story:untold
    0.2581, // part:task
    0.4227, // part:result
    -0.1118, // part:reflection
    0.712, // words:log
    0.3203, // level:sde1
    -0.4415, // level:senior
    0.2429, // senior:systemic-reflection
    0.039, // senior:no-reflection
    -0.6044, // ask:ownership-manager-directed
  ],
};
