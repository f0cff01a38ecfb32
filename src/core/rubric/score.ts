import type { Level } from '../lp.js';
import type { RubricContext } from './context.js';
import { insideAny } from './normalise.js';
import { STRONG_VERBS } from './parts.js';
import { NUMBER_PATTERN, PART_MISSING_PENALTY, RULES, type Rule } from './rules.js';
import { countStrengths } from './strengths.js';
import { DIMENSIONS, type Dimension, type Flag, type Strength, VERDICTS, type Verdict } from './types.js';

// How much each dimension counts toward the overall score. Seniors are judged more on reflection
// (systemic insight), juniors more on delivering a clear, well-structured story.
export const WEIGHTS: Record<Level | 'probe', Record<Dimension, number>> = {
  sde1: { ownership: 0.25, impact: 0.25, structure: 0.2, delivery: 0.2, reflection: 0.1 },
  sde2: { ownership: 0.3, impact: 0.25, structure: 0.15, delivery: 0.15, reflection: 0.15 },
  senior: { ownership: 0.3, impact: 0.25, structure: 0.1, delivery: 0.15, reflection: 0.2 },
  probe: { ownership: 0.45, impact: 0.15, structure: 0.1, delivery: 0.3, reflection: 0 },
};

/** Lowest overall score for each verdict, by level: the bar rises with seniority. */
export const VERDICT_THRESHOLDS: Record<Level, { 'strong-hire': number; 'lean-hire': number; 'lean-no-hire': number }> =
  {
    sde1: { 'strong-hire': 82, 'lean-hire': 66, 'lean-no-hire': 48 },
    sde2: { 'strong-hire': 85, 'lean-hire': 70, 'lean-no-hire': 50 },
    senior: { 'strong-hire': 88, 'lean-hire': 74, 'lean-no-hire': 52 },
  };

const PROBE_DELIVERY_WEIGHT = 2;

const FIRST_PERSON_ACTION_RE = new RegExp(
  `\\b[Ii] (?:then |also |first |personally )?(?!hoped|guessed|wished|needed|wanted)(?:[a-z]{2,20}ed|${STRONG_VERBS})\\b`,
  'g',
);
const FIRST_PERSON_PLAN = /\bI(?: would|['’]d| will) (?!probably|maybe|just|hope|think|try to|have to)[a-z]{2,20}\b/gi;

/** The patterns the dimension scores scan answers with, for the literal prefilter. */
export const SCORE_PATTERNS: readonly RegExp[] = [FIRST_PERSON_ACTION_RE, FIRST_PERSON_PLAN];

/** Concrete first-person actions in a probe reply; plans count when the question was hypothetical. */
function firstPersonActions(ctx: RubricContext): number {
  let count = 0;
  for (const { start, end } of ctx.possible.matches(FIRST_PERSON_ACTION_RE, ctx.clean))
    if (!insideAny(ctx.quoted, start, end)) count++;
  if (ctx.questionIsHypothetical) count += ctx.possible.matches(FIRST_PERSON_PLAN, ctx.clean).length;
  return count;
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

function penalties(flags: readonly Flag[], dimension: Dimension): number {
  let total = 0;
  for (const rule of RULES) {
    if (rule.dimension !== dimension || rule.id === 'missing-star-part') continue;
    // One flag per id carries every place the rule fired; each costs its penalty.
    const count = flags.reduce((n, f) => (f.id === rule.id ? n + f.occurrences.length : n), 0);
    total += Math.min(rule.maxPenalty, count * rule.penalty);
  }
  return total;
}

function hasPart(ctx: RubricContext, part: string): boolean {
  return ctx.parts.some((p) => p.part === part && p.words >= 3);
}

/** Scores each dimension 0–100 from the flags and strengths. */
export function scoreDimensions(
  ctx: RubricContext,
  flags: readonly Flag[],
  strengths: readonly Strength[],
): Record<Dimension, number> {
  const probe = ctx.kind === 'probe';
  const has = (id: string) => flags.some((f) => f.id === id);
  const iStatements = countStrengths(strengths, 'i-statement');
  const deltas = countStrengths(strengths, 'quantified-delta');
  const business = countStrengths(strengths, 'business-impact');

  const ownership =
    (probe ? 45 + Math.min(40, 10 * firstPersonActions(ctx)) : 58 + Math.min(27, 4.5 * iStatements)) +
    (countStrengths(strengths, 'scope-boundary') > 0 ? 8 : 0) -
    penalties(flags, 'ownership');

  let impact: number;
  if (probe) {
    const numbers = NUMBER_PATTERN.test(ctx.clean) ? 10 : 0;
    impact = 65 + numbers + (deltas > 0 ? 10 : 0) + (business > 0 ? 10 : 0) - penalties(flags, 'impact');
  } else {
    const metric = !has('no-metric');
    impact =
      40 +
      (metric ? 25 : 0) +
      Math.min(15, deltas * 10) +
      Math.min(15, business * 8) +
      (countStrengths(strengths, 'second-order-effect') > 0 ? 5 : 0) -
      penalties(flags, 'impact');
    if (!hasPart(ctx, 'result')) impact = Math.min(impact, 30);
  }

  let structure: number;
  if (probe) structure = has('too-short') ? 60 : 100;
  else {
    structure = 100;
    for (const flag of flags)
      if (flag.id === 'missing-star-part' && flag.part) structure -= PART_MISSING_PENALTY[flag.part];
    if (flags.some((f) => f.id === 'too-long' && f.part === 'situation')) structure -= 10;
  }

  // In a three-sentence reply every hedge weighs more than in a two-minute story.
  const delivery = 100 - penalties(flags, 'delivery') * (probe ? PROBE_DELIVERY_WEIGHT : 1);

  let reflection: number;
  if (probe) reflection = 75;
  else if (!hasPart(ctx, 'reflection')) reflection = ctx.level === 'sde1' ? 50 : ctx.level === 'sde2' ? 35 : 20;
  else {
    const specific = countStrengths(strengths, 'specific-reflection') > 0;
    const systemic = countStrengths(strengths, 'systemic-reflection') > 0;
    const tradeOff = countStrengths(strengths, 'trade-off') > 0;
    reflection = 60 + (specific ? 20 : 0) - penalties(flags, 'reflection');
    if (ctx.level === 'senior') {
      reflection += (systemic ? 15 : 0) + (tradeOff ? 10 : 0);
      // A senior reflection that stays at the incident level does not meet the bar.
      if (!systemic) reflection = Math.min(reflection, 60);
    } else {
      reflection += (systemic ? 10 : 0) + (tradeOff ? 5 : 0);
    }
  }

  return {
    ownership: clamp(ownership),
    impact: clamp(impact),
    structure: clamp(structure),
    delivery: clamp(delivery),
    reflection: clamp(reflection),
  };
}

export function overallScore(dimensions: Record<Dimension, number>, weights: Record<Dimension, number>): number {
  return clamp(DIMENSIONS.reduce((sum, d) => sum + dimensions[d] * weights[d], 0));
}

/** The verdict band for a score at a level, lowered by any flag that caps it. */
export function verdictFor(
  overall: number,
  level: Level,
  flags: readonly Flag[],
  rules: readonly Rule[] = RULES,
  bands: Record<Level, Record<'strong-hire' | 'lean-hire' | 'lean-no-hire', number>> = VERDICT_THRESHOLDS,
  ownershipAsk = false,
): Verdict {
  const bar = bands[level];
  let verdict: Verdict =
    overall >= bar['strong-hire']
      ? 'strong-hire'
      : overall >= bar['lean-hire']
        ? 'lean-hire'
        : overall >= bar['lean-no-hire']
          ? 'lean-no-hire'
          : 'no-hire';
  const worse = (a: Verdict, b: Verdict) => (VERDICTS.indexOf(a) >= VERDICTS.indexOf(b) ? a : b);
  for (const flag of flags) {
    const rule = rules.find((r) => r.id === flag.id);
    // Missing Action or Result is disqualifying; other missing parts only cost points.
    const cap =
      flag.id === 'missing-star-part'
        ? flag.severity === 'error'
          ? 'lean-no-hire'
          : undefined
        : flag.id === 'manager-directed' && ownershipAsk
          ? 'lean-no-hire' // on an ownership prompt, work someone else started disqualifies
          : rule?.cap;
    if (cap) verdict = worse(verdict, cap);
  }
  return verdict;
}

export function isHireVerdict(verdict: Verdict): boolean {
  return verdict === 'strong-hire' || verdict === 'lean-hire';
}
