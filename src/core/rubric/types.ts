import type { Level, LpId, StarPart } from '../lp.js';
import type { Scenario } from '../scenario.js';

export const FLAG_IDS = [
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
  'off-principle',
] as const;
/** A fixed vocabulary: ids are stored with answers and counted over time, so never rename one. */
export type FlagId = (typeof FLAG_IDS)[number];

export const DIMENSIONS = ['ownership', 'impact', 'structure', 'delivery', 'reflection'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const VERDICTS = ['strong-hire', 'lean-hire', 'lean-no-hire', 'no-hire'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** A full STAR answer, or a short reply to a follow-up probe (no STAR structure expected). */
export type AnswerKind = 'answer' | 'probe';

export interface ScoreOptions {
  lp?: LpId;
  level?: Level;
  scenario?: Scenario;
  kind?: AnswerKind;
  /**
   * The question asked. For answers it decides whether the prompt asks for ownership beyond the
   * candidate's remit (the scope-boundary check); for probes a hypothetical question ("what would
   * you do…") allows "I would".
   */
  question?: string;
}

/** One place in the answer a flag points at: `input.slice(start, end) === quote`. */
export interface Occurrence {
  start: number;
  end: number;
  quote: string;
}

/**
 * One finding per flag id. start, end and quote are its first (worst) occurrence; occurrences
 * holds every place the rule fired, in text order.
 */
export interface Flag {
  id: FlagId;
  severity: Severity;
  dimension: Dimension;
  part: StarPart | null;
  start: number;
  end: number;
  quote: string;
  message: string;
  fix: string;
  occurrences: Occurrence[];
}

export const STRENGTH_IDS = [
  'quantified-delta',
  'business-impact',
  'i-statement',
  'key-phrase',
  'scope-boundary',
  'second-order-effect',
  'specific-reflection',
  'systemic-reflection',
  'trade-off',
] as const;
export type StrengthId = (typeof STRENGTH_IDS)[number];

export interface Strength {
  id: StrengthId;
  part: StarPart | null;
  start: number;
  end: number;
  quote: string;
  message: string;
}

export interface PartTiming {
  part: StarPart;
  /** False when the answer has no such part; start and end then mark where it would go. */
  found: boolean;
  start: number;
  end: number;
  words: number;
  seconds: number;
  targetSeconds: number;
}

export interface RubricResult {
  rubricVersion: number;
  kind: AnswerKind;
  level: Level;
  lp: LpId | null;
  overall: number;
  verdict: Verdict;
  dimensions: Record<Dimension, number>;
  flags: Flag[];
  strengths: Strength[];
  parts: PartTiming[];
  words: number;
  seconds: number;
  targetSeconds: number;
}
