import { STAR_PARTS } from '../lp.js';
import { buildContext } from './context.js';
import { runRules } from './engine.js';
import { countWords } from './normalise.js';
import { RULES } from './rules.js';
import { overallScore, scoreDimensions, verdictFor, WEIGHTS } from './score.js';
import { findStrengths } from './strengths.js';
import { secondsFor, targetSecondsFor } from './timing.js';
import type { PartTiming, RubricResult, ScoreOptions, Strength, Verdict } from './types.js';

export { AGREEING, auc, type EvalReport, evaluate, formatReport, type Judgement, type LabelledAnswer } from './eval.js';
export { isHireVerdict } from './score.js';
export * from './types.js';

const EMPTY_DIMENSIONS = { ownership: 0, impact: 0, structure: 0, delivery: 0, reflection: 0 } as const;

/** Bumped whenever rules or weights change, so stored scores can say which rubric made them. */
export const RUBRIC_VERSION = 1;

/**
 * Bars that a score alone does not express: a senior answer without systemic insight is at most a
 * lean hire, however polished the rest.
 */
function capVerdict(verdict: Verdict, kind: string, level: string, strengths: readonly Strength[]): Verdict {
  if (
    kind === 'answer' &&
    level === 'senior' &&
    verdict === 'strong-hire' &&
    !strengths.some((s) => s.id === 'systemic-reflection')
  ) {
    return 'lean-hire';
  }
  return verdict;
}

/**
 * Scores one answer: finds its STAR parts, raises flags with the exact words behind them, finds
 * strengths, and turns both into five dimension scores, an overall score and a verdict for the
 * level. Pure and deterministic: the same input always gives the same result.
 */
export function scoreAnswer(input: string, options: ScoreOptions = {}): RubricResult {
  const kind = options.kind ?? 'answer';
  const level = options.level ?? 'sde2';
  const scenario = options.scenario ?? null;
  const lp = options.lp ?? scenario?.lp ?? null;
  const ctx = buildContext(input, { kind, level, lp, scenario, question: options.question });
  const words = countWords(ctx.clean);
  const flags = runRules(RULES, ctx, words);
  const strengths = findStrengths(ctx);
  // Nothing said is nothing to credit: no dimension earns its base points.
  const dimensions = words === 0 ? EMPTY_DIMENSIONS : scoreDimensions(ctx, flags, strengths);
  const overall = overallScore(dimensions, WEIGHTS[kind === 'probe' ? 'probe' : level]);
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

  return {
    rubricVersion: RUBRIC_VERSION,
    kind,
    level,
    lp,
    overall,
    verdict: capVerdict(verdictFor(overall, level, flags), kind, level, strengths),
    dimensions,
    flags,
    strengths,
    parts,
    words,
    seconds: secondsFor(words),
    targetSeconds: kind === 'probe' ? 45 : STAR_PARTS.reduce((n, p) => n + targets[p], 0),
  };
}
