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
    -2.4553, // bias
    0.7534, // dim:ownership
    0.2736, // dim:impact
    0.1413, // dim:structure
    0.2211, // dim:delivery
    0.1291, // dim:reflection
    -0.3812, // flag:we-language
    -0.6198, // flag:handoff
    -0.7774, // flag:manager-directed
    -0.4815, // flag:hedging
    0.0655, // flag:hypothetical
    -0.1688, // flag:blame
    -1.1501, // flag:no-metric
    -0.4764, // flag:vague-result
    -0.7731, // flag:no-scope-boundary
    -0.3348, // flag:generic-reflection
    -0.3534, // flag:missing-star-part
    -0.401, // flag:too-short
    -0.2154, // flag:too-long
    0.3084, // flag:filler
    -0.3534, // flag:no-story
    -0.1367, // hedging:count
    0.3166, // strength:quantified-delta
    0.2176, // strength:business-impact
    0.1043, // strength:scope-boundary
    0.101, // strength:specific-reflection
    0.2042, // strength:systemic-reflection
    0.6357, // strength:trade-off
    0.8492, // strength:i-statement
    0.1288, // strength:second-order-effect
    0.8128, // story:i-share
    0.889, // story:outcomes
    0.1978, // story:specific
    -0.105, // story:untold
    0.198, // part:task
    0.3941, // part:result
    -0.1287, // part:reflection
    0.697, // words:log
    0.3014, // level:sde1
    -0.4449, // level:senior
    0.2312, // senior:systemic-reflection
    0.0349, // senior:no-reflection
    -0.6305, // ask:ownership-manager-directed
  ],
};
