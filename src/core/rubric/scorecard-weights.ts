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
    -2.4579, // bias
    0.7686, // dim:ownership
    0.2735, // dim:impact
    0.1293, // dim:structure
    0.2262, // dim:delivery
    0.1182, // dim:reflection
    -0.3668, // flag:we-language
    -0.5676, // flag:handoff
    -0.7839, // flag:manager-directed
    -0.4821, // flag:hedging
    0.0645, // flag:hypothetical
    -0.1687, // flag:blame
    -1.154, // flag:no-metric
    -0.4787, // flag:vague-result
    -0.7553, // flag:no-scope-boundary
    -0.3192, // flag:generic-reflection
    -0.3234, // flag:missing-star-part
    -0.407, // flag:too-short
    -0.2219, // flag:too-long
    0.2891, // flag:filler
    -0.3234, // flag:no-story
    -0.1258, // hedging:count
    0.3078, // strength:quantified-delta
    0.227, // strength:business-impact
    0.1393, // strength:scope-boundary
    0.0927, // strength:specific-reflection
    0.1963, // strength:systemic-reflection
    0.6365, // strength:trade-off
    1.0086, // strength:i-statement
    0.1262, // strength:second-order-effect
    0.7978, // story:i-share
    0.8598, // story:outcomes
    0.2095, // story:specific
    -0.1087, // story:untold
    0.1916, // part:task
    0.394, // part:result
    -0.1553, // part:reflection
    0.6801, // words:log
    0.3057, // level:sde1
    -0.454, // level:senior
    0.2217, // senior:systemic-reflection
    0.0492, // senior:no-reflection
    -0.6001, // ask:ownership-manager-directed
  ],
};
