// The calibrated score: a logistic scorecard over the rule evidence. The rules decide WHAT is in an
// answer (flags, parts, strengths, story counts); the scorecard decides how much each finding is
// worth, with weights fitted on labelled answers (strong 1, mixed 0.5, weak 0) so that
// `overall` = 100 × P(strong). Fitting is plain gradient descent with an L2 penalty: pure,
// deterministic, a few milliseconds for a few hundred answers.

import type { Level } from '../lp.js';
import type { RubricContext } from './context.js';
import { doers } from './story.js';
import { countStrengths } from './strengths.js';
import type { Dimension, Flag, FlagId, Strength } from './types.js';

/** Flags whose presence is a feature (every flag an answer can carry). */
const FLAG_FEATURES: readonly FlagId[] = [
  'we-language',
  'handoff',
  'manager-directed',
  'hedging',
  'hypothetical',
  'blame',
  'no-metric',
  'vague-result',
  'no-scope-boundary',
  'generic-reflection',
  'missing-star-part',
  'too-short',
  'too-long',
  'filler',
  'no-story',
];

/** The features in order; the weights file stores one weight per name. */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  'dim:ownership',
  'dim:impact',
  'dim:structure',
  'dim:delivery',
  'dim:reflection',
  ...FLAG_FEATURES.map((f) => `flag:${f}`),
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
];

export interface ScorecardWeights {
  features: readonly string[];
  weights: readonly number[];
}

const cap = (x: number, max: number) => Math.min(x, max) / max;

/** The feature vector of one scored answer, in FEATURE_NAMES order. */
export function featuresOf(
  ctx: RubricContext,
  flags: readonly Flag[],
  strengths: readonly Strength[],
  dimensions: Record<Dimension, number>,
  words: number,
  ownershipAsk: boolean,
): number[] {
  const has = (id: FlagId) => (flags.some((f) => f.id === id) ? 1 : 0);
  const hedges = flags.find((f) => f.id === 'hedging')?.occurrences.length ?? 0;
  const s = (id: Parameters<typeof countStrengths>[1], max: number) => cap(countStrengths(strengths, id), max);
  const part = (p: string) => (ctx.parts.some((x) => x.part === p && x.words >= 3) ? 1 : 0);
  const e = ctx.story;
  const senior = ctx.level === 'senior' ? 1 : 0;
  const systemic = countStrengths(strengths, 'systemic-reflection') > 0 ? 1 : 0;
  return [
    1,
    dimensions.ownership / 100,
    dimensions.impact / 100,
    dimensions.structure / 100,
    dimensions.delivery / 100,
    dimensions.reflection / 100,
    ...FLAG_FEATURES.map(has),
    cap(hedges, 4),
    s('quantified-delta', 2),
    s('business-impact', 2),
    s('scope-boundary', 1),
    s('specific-reflection', 1),
    systemic,
    s('trade-off', 1),
    s('i-statement', 6),
    s('second-order-effect', 1),
    (e.iDoers + e.bulletDoers) / (doers(e) + 1),
    cap(e.outcomes, 3),
    e.specifics > 0 ? 1 : 0,
    cap(e.hypotheticals + e.habits + e.opinions, 4),
    part('task'),
    part('result'),
    part('reflection'),
    Math.log(words + 1) / 7,
    ctx.level === 'sde1' ? 1 : 0,
    senior,
    senior * systemic,
    senior * (1 - part('reflection')),
    ownershipAsk && has('manager-directed') ? 1 : 0,
  ];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** P(strong) for a feature vector; features the weights do not know count zero. */
export function applyScorecard(card: ScorecardWeights, features: readonly number[]): number {
  let z = 0;
  const n = Math.min(card.weights.length, features.length);
  for (let i = 0; i < n; i++) z += card.weights[i] * features[i];
  return sigmoid(z);
}

export interface TrainingExample {
  features: readonly number[];
  /** 1 strong, 0.5 mixed, 0 weak. */
  target: number;
  /** How much the example counts (library answers count less than real ones). */
  weight: number;
}

export interface FitOptions {
  /** L2 penalty on every weight but the bias. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

/** Fits logistic weights by full-batch gradient descent: deterministic, no dependencies. */
export function fitScorecard(examples: readonly TrainingExample[], options: FitOptions = {}): ScorecardWeights {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 3000;
  const rate = options.learningRate ?? 1.5;
  const d = FEATURE_NAMES.length;
  const w = new Float64Array(d);
  const grad = new Float64Array(d);
  const total = examples.reduce((n, e) => n + e.weight, 0) || 1;
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (const ex of examples) {
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i] * ex.features[i];
      const err = (sigmoid(z) - ex.target) * ex.weight;
      for (let i = 0; i < d; i++) grad[i] += err * ex.features[i];
    }
    for (let i = 0; i < d; i++) w[i] -= rate * (grad[i] / total + (i === 0 ? 0 : l2 * w[i]));
  }
  return { features: FEATURE_NAMES, weights: [...w].map((x) => Math.round(x * 1e4) / 1e4) };
}

/** Deterministic k folds: items ordered by a hash of their key, dealt round-robin. */
export function foldsFor(keys: readonly string[], k: number): number[] {
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  const order = keys.map((key, i) => ({ i, h: hash(key) })).sort((a, b) => a.h - b.h || a.i - b.i);
  const folds = new Array<number>(keys.length);
  order.forEach(({ i }, rank) => {
    folds[i] = rank % k;
  });
  return folds;
}

/** Lowest overall score for each verdict by level: the bar rises with seniority. */
export const SCORECARD_BANDS: Record<Level, { 'strong-hire': number; 'lean-hire': number; 'lean-no-hire': number }> = {
  sde1: { 'strong-hire': 90, 'lean-hire': 50, 'lean-no-hire': 25 },
  sde2: { 'strong-hire': 91, 'lean-hire': 52, 'lean-no-hire': 27 },
  senior: { 'strong-hire': 93, 'lean-hire': 54, 'lean-no-hire': 29 },
};
