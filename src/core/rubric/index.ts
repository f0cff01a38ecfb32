import { STAR_PARTS } from '../lp.js';
import { buildContext } from './context.js';
import { flagInInput, quoteInInput, rulePatterns, runRules } from './engine.js';
import { countWords, QUOTED_PATTERN, sourceSpan } from './normalise.js';
import { PART_CUE_PATTERNS } from './parts.js';
import { PatternPrefilter } from './prefilter.js';
import { PRINCIPLE_SIGNALS } from './principles.js';
import { RULES } from './rules.js';
import { overallScore, SCORE_PATTERNS, scoreDimensions, verdictFor, WEIGHTS } from './score.js';
import { applyScorecard, featuresOf, SCORECARD_BANDS, type ScorecardWeights } from './scorecard.js';
import { SCORECARD } from './scorecard-weights.js';
import { STORY_PATTERNS } from './story.js';
import { findStrengths, STRENGTH_PATTERNS } from './strengths.js';
import { secondsFor, targetSecondsFor } from './timing.js';
import type { PartTiming, RubricResult, ScoreOptions, Verdict } from './types.js';

export { AGREEING, auc, type EvalReport, evaluate, formatReport, type Judgement, type LabelledAnswer } from './eval.js';
export { isHireVerdict } from './score.js';

import { isHireVerdict } from './score.js';

export {
  FEATURE_NAMES,
  fitScorecard,
  foldsFor,
  type ScorecardWeights,
  type TrainingExample,
} from './scorecard.js';
export { SCORECARD } from './scorecard-weights.js';
export * from './types.js';

const EMPTY_DIMENSIONS = { ownership: 0, impact: 0, structure: 0, delivery: 0, reflection: 0 } as const;

/** Bumped whenever rules or weights change, so stored scores can say which rubric made them. */
export const RUBRIC_VERSION = 4;

/**
 * A hash of everything that decides a score: the rules (patterns, penalties, caps), the principle
 * cues behind off-principle, the scorecard features, weights and bands. A test pins it next to RUBRIC_VERSION, so changing either without
 * the other fails.
 */
export function rubricFingerprint(): string {
  const parts: string[] = [];
  const add = (value: unknown) =>
    parts.push(JSON.stringify(value, (_k, v) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v)));
  add(RULES.map(({ examples: _examples, ...rule }) => rule));
  add(SCORECARD);
  add(SCORECARD_BANDS);
  add(WEIGHTS);
  add(PRINCIPLE_SIGNALS);
  let h = 0x811c9dc5;
  const text = parts.join('\n');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Bars that a score alone does not express: a senior answer without systemic insight is at most a
 * lean hire, however polished the rest.
 */
function capVerdict(result: Omit<RubricResult, 'overall' | 'verdict'>, verdict: Verdict): Verdict {
  if (result.level !== 'senior') return verdict;
  const systemic = result.strengths.some((s) => s.id === 'systemic-reflection');
  if (verdict === 'strong-hire' && !systemic) return 'lean-hire';
  // A senior story with no lesson at all and a hedged telling is below the senior bar.
  const reflection = result.parts.some((p) => p.part === 'reflection' && p.found && p.words >= 3);
  if (!reflection && isHireVerdict(verdict) && result.flags.some((f) => f.id === 'hedging')) return 'lean-no-hire';
  return verdict;
}

/** Every pattern that scans whole answers: what the literal prefilter is built from. */
export function scannedPatterns(): RegExp[] {
  return [
    QUOTED_PATTERN,
    ...rulePatterns(RULES),
    ...STORY_PATTERNS,
    ...PART_CUE_PATTERNS,
    ...STRENGTH_PATTERNS,
    ...SCORE_PATTERNS,
  ];
}

let prefilter: PatternPrefilter | undefined;

/** The literal prefilter of every scanned pattern (prefilter.ts), built on the first answer. */
export function rubricPrefilter(): PatternPrefilter {
  prefilter ??= new PatternPrefilter(scannedPatterns());
  return prefilter;
}

/** Everything the rubric found in one answer, before the scorecard turns it into a score. */
export interface Analysis {
  result: Omit<RubricResult, 'overall' | 'verdict'>;
  /** Scorecard features (FEATURE_NAMES order); empty for probes, which keep the dimension formula. */
  features: number[];
  ownershipAsk: boolean;
}

/**
 * Finds an answer's STAR parts, raises flags with the exact words behind them, finds strengths
 * and computes the five dimension scores: everything but the overall score and verdict.
 */
export function analyseAnswer(input: string, options: ScoreOptions = {}): Analysis {
  const kind = options.kind ?? 'answer';
  const level = options.level ?? 'sde2';
  const scenario = options.scenario ?? null;
  const lp = options.lp ?? scenario?.lp ?? null;
  const ctx = buildContext(input, {
    kind,
    level,
    lp,
    scenario,
    question: options.question,
    prefilter: rubricPrefilter(),
  });
  const words = countWords(ctx.clean);
  const flags = runRules(RULES, ctx, words);
  const strengths = findStrengths(ctx);
  // Nothing said is nothing to credit: no dimension earns its base points.
  const dimensions = words === 0 ? EMPTY_DIMENSIONS : scoreDimensions(ctx, flags, strengths);
  const targets = targetSecondsFor(level, scenario ?? undefined);

  const parts: PartTiming[] =
    kind === 'probe'
      ? []
      : STAR_PARTS.map((part) => {
          const spans = ctx.parts.filter((p) => p.part === part);
          const partWords = spans.reduce((n, p) => n + p.words, 0);
          const missingAt = flags.find((f) => f.id === 'missing-star-part' && f.part === part)?.start ?? 0;
          return {
            part,
            found: spans.length > 0,
            start: spans[0]?.start ?? missingAt,
            end: spans[spans.length - 1]?.end ?? missingAt,
            words: partWords,
            seconds: secondsFor(partWords),
            targetSeconds: targets[part],
          };
        });
  const features =
    kind === 'probe' || words === 0 ? [] : featuresOf(ctx, flags, strengths, dimensions, words, ctx.ownershipAsk);
  const asWritten = ctx.clean === ctx.input;
  return {
    result: {
      rubricVersion: RUBRIC_VERSION,
      kind,
      level,
      lp,
      dimensions,
      // Plain prose (nothing blanked or collapsed) is its own clean text: offsets and quotes stand.
      flags: asWritten ? flags : flags.map((flag) => flagInInput(ctx, flag)),
      strengths: asWritten
        ? strengths
        : strengths.map((strength) => ({ ...strength, ...quoteInInput(ctx, strength.start, strength.end) })),
      parts: asWritten ? parts : parts.map((part) => ({ ...part, ...sourceSpan(ctx.collapsed, part.start, part.end) })),
      words,
      seconds: secondsFor(words),
      targetSeconds: kind === 'probe' ? 45 : STAR_PARTS.reduce((n, p) => n + targets[p], 0),
    },
    features,
    ownershipAsk: ctx.ownershipAsk,
  };
}

/** The overall score and verdict for an analysis, with the given scorecard weights. */
export function finishScore(analysis: Analysis, card: ScorecardWeights = SCORECARD): RubricResult {
  const { result } = analysis;
  if (result.kind === 'probe' || analysis.features.length === 0) {
    const overall =
      result.words === 0
        ? 0
        : overallScore(result.dimensions, WEIGHTS[result.kind === 'probe' ? 'probe' : result.level]);
    return { ...result, overall, verdict: verdictFor(overall, result.level, result.flags) };
  }
  const raw = Math.round(100 * applyScorecard(card, analysis.features));
  const verdict = capVerdict(
    result,
    verdictFor(raw, result.level, result.flags, RULES, SCORECARD_BANDS, analysis.ownershipAsk),
  );
  // A capped verdict caps the score too, so that score and verdict never disagree.
  const bands = SCORECARD_BANDS[result.level];
  const ceiling =
    verdict === 'no-hire'
      ? bands['lean-no-hire'] - 1
      : verdict === 'lean-no-hire'
        ? bands['lean-hire'] - 1
        : verdict === 'lean-hire'
          ? bands['strong-hire'] - 1
          : 100;
  return { ...result, overall: Math.min(raw, ceiling), verdict };
}

/**
 * Scores one answer: analyses it (parts, flags with their words, strengths, dimensions) and turns
 * the evidence into an overall score (the calibrated scorecard) and a verdict for the level.
 * Pure and deterministic: the same input always gives the same result.
 */
export function scoreAnswer(input: string, options: ScoreOptions = {}): RubricResult {
  return finishScore(analyseAnswer(input, options));
}
