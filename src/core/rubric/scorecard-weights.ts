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
    -2.5027, // bias
    0.7559, // dim:ownership
    0.2705, // dim:impact
    0.1269, // dim:structure
    0.2283, // dim:delivery
    0.1213, // dim:reflection
    -0.3823, // flag:we-language
    -0.5583, // flag:handoff
    -0.7796, // flag:manager-directed
    -0.4831, // flag:hedging
    0.0718, // flag:hypothetical
    -0.1176, // flag:blame
    -1.1963, // flag:no-metric
    -0.1795, // flag:vague-result
    -0.7528, // flag:no-scope-boundary
    -0.3208, // flag:generic-reflection
    -0.3174, // flag:missing-star-part
    -0.3989, // flag:too-short
    -0.2292, // flag:too-long
    0.2889, // flag:filler
    -0.3174, // flag:no-story
    -0.1382, // hedging:count
    0.3331, // strength:quantified-delta
    0.2301, // strength:business-impact
    0.1408, // strength:scope-boundary
    0.0693, // strength:specific-reflection
    0.1798, // strength:systemic-reflection
    0.6202, // strength:trade-off
    0.9869, // strength:i-statement
    0.1264, // strength:second-order-effect
    0.8095, // story:i-share
    0.8527, // story:outcomes
    0.2049, // story:specific
    -0.0964, // story:untold
    0.2362, // part:task
    0.4302, // part:result
    -0.1479, // part:reflection
    0.6754, // words:log
    0.3142, // level:sde1
    -0.4596, // level:senior
    0.2183, // senior:systemic-reflection
    0.0358, // senior:no-reflection
    -0.604, // ask:ownership-manager-directed
  ],
};
