import type { StarPart } from '../lp.js';
import type { Scenario } from '../scenario.js';
import { partAt, type RubricContext } from './context.js';
import { insideAny, mergePatterns } from './normalise.js';
import { PRESENT_VERBS, STRONG_VERBS } from './parts.js';
import type { Strength, StrengthId } from './types.js';

const NUMBER_WORDS =
  'zero|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred|a dozen|half';
// An amount: digits with an optional unit, or a number in words ("from nine days to two").
// Digits never end on a separator ("3." is "3" then a full stop), and a unit is a known unit or a
// lower-case word, so a quote never runs into the next sentence.
const UNIT =
  '(?:%|ms\\b|s\\b|k\\b|m\\b|x\\b|gb\\b|tb\\b| ?(?:seconds?|minutes?|hours?|days?|weeks?|months?|ms|gb|tb)\\b)';
const AMOUNT = `(?:[$€£]?\\d+(?:[.,]\\d+)*[kKmM]?${UNIT}?(?: (?:a|per) (?:day|week|month|year))?|(?:${NUMBER_WORDS})(?: [a-z]{1,12})?)`;

interface StrengthRule {
  id: StrengthId;
  parts: readonly StarPart[] | 'any';
  patterns: readonly RegExp[];
  message: string;
  /** At most this many are reported. */
  limit: number;
}

const STRENGTH_RULES: readonly StrengthRule[] = [
  {
    id: 'quantified-delta',
    parts: 'any',
    patterns: [
      new RegExp(
        `\\bfrom (?:about |around |roughly )?${AMOUNT}(?: [a-z]{1,12})? (?:down |up )?to (?:about |around |under |below |just )?(?:${AMOUNT}|nothing)`,
        'gi',
      ),
      /\b(?:down|up) from (?:[$€£]?\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)/gi,
      /\bby (?:about |around |roughly )?\d[\d.,]{0,8}\s?(?:%|percent|x)/gi,
      /\b\d[\d.,]{0,6}\s?x (?:faster|cheaper|fewer|more|less|smaller)\b/gi,
      /\b(?:halved|doubled|tripled|quadrupled|cut in half)\b/gi,
    ],
    message: 'A measured before-and-after.',
    limit: 3,
  },
  {
    id: 'business-impact',
    parts: ['result', 'action', 'reflection'],
    patterns: [
      /[$€£]\s?\d[\d.,]{0,12}\s?(?:k|m|million|thousand|bn)?(?: (?:a|per) (?:year|month|week|day))?/gi,
      /\b\d[\d.,]{0,12}\s?(?:customers|users|merchants|sellers|drivers|tickets|support tickets|complaints|engineers|hours (?:a|per) (?:week|month))\b/gi,
      /\b(?:revenue|churn|conversion|retention|cost|spend|margin)\b/gi,
    ],
    message: 'Impact in terms the business cares about.',
    limit: 3,
  },
  {
    id: 'i-statement',
    parts: ['action', 'task'],
    patterns: [
      new RegExp(`\\b[Ii] (?:then |first |also |personally |just )?(?:${STRONG_VERBS}|${PRESENT_VERBS})\\b`, 'g'),
    ],
    message: 'You, doing something concrete.',
    limit: 12,
  },
  {
    id: 'scope-boundary',
    parts: 'any',
    patterns: [
      /\bnot (?:my|our) (?:own )?(?:job|team['’]s|team|code|service|system|responsibility|area|project|problem)\b/gi,
      /\b(?:nobody|no one) (?:had )?(?:asked|assigned|owned) (?:me|it)?/gi,
      /\bno (?:ticket|owner)\b/gi,
    ],
    message: 'You said where your job ended and stepped past it.',
    limit: 2,
  },
  {
    id: 'second-order-effect',
    parts: ['result', 'reflection'],
    patterns: [
      /\b(?:adopted|became (?:the|a) (?:standard|default|template)|rolled out to|reused by|other teams (?:now|use))\b/gi,
    ],
    message: 'An effect beyond the immediate fix.',
    limit: 2,
  },
  {
    id: 'specific-reflection',
    parts: ['reflection'],
    patterns: [
      /\bI (?:learned|learnt) (?:to|how to) (?!communicate|work together|collaborate)|\b(?:I now|now I|since then|whenever I|these days I|next time|I always now|I start(?:ed)? (?:every|each)|I changed how I)\b/gi,
    ],
    message: 'A lesson you now act on.',
    limit: 2,
  },
  {
    id: 'systemic-reflection',
    parts: ['reflection'],
    patterns: [
      /\b(?:root cause|organi[sz]ational|systemic|incentives?|mechanism|process gap|ownership gap|across teams|cross-team|SLOs?|guardrails?|by default|at scale)\b/gi,
    ],
    message: 'Insight into the system or organisation, not only the incident.',
    limit: 3,
  },
  {
    id: 'trade-off',
    parts: 'any',
    patterns: [/\b(?:trade-?offs?|trading|at the cost of|rather than|instead of|weighed|in exchange for)\b/gi],
    message: 'A trade-off made explicit.',
    limit: 2,
  },
];

// Compiled once: each rule's patterns in one pass.
const MERGED_STRENGTH_RULES = STRENGTH_RULES.map((rule) => ({ ...rule, patterns: mergePatterns(rule.patterns) }));

/** The patterns strengths are found by, for the literal prefilter. */
export const STRENGTH_PATTERNS: readonly RegExp[] = MERGED_STRENGTH_RULES.flatMap((rule) => rule.patterns);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const keyPhraseCache = new WeakMap<Scenario, { phrase: string; pattern: RegExp }[]>();

/** A scenario's key phrases as patterns, compiled once per scenario rather than once per answer. */
function keyPhrasePatterns(scenario: Scenario): { phrase: string; pattern: RegExp }[] {
  let patterns = keyPhraseCache.get(scenario);
  if (!patterns) {
    const phrases = new Set(
      Object.values(scenario.steps).flatMap((step) =>
        step.keyPhrases.map((p) => p.replace(/^["“']|["”']$/g, '').trim()),
      ),
    );
    patterns = [...phrases]
      .filter((phrase) => phrase.length >= 3)
      // Not \b: a phrase may start or end with a symbol ("0.3%", "$8K").
      .map((phrase) => ({
        phrase,
        pattern: new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(phrase)}(?![A-Za-z0-9])`, 'i'),
      }));
    keyPhraseCache.set(scenario, patterns);
  }
  return patterns;
}

/** Finds what the answer does well, each with the words that show it (offsets into ctx.clean). */
export function findStrengths(ctx: RubricContext): Strength[] {
  const strengths: Strength[] = [];
  for (const rule of MERGED_STRENGTH_RULES) {
    let count = 0;
    outer: for (const pattern of rule.patterns) {
      for (const match of ctx.possible.matches(pattern, ctx.clean)) {
        const start = match.start;
        const end = start + ctx.clean.slice(start, match.end).trimEnd().length;
        if (insideAny(ctx.quoted, start, end)) continue;
        const part = ctx.kind === 'probe' ? 'action' : partAt(ctx, start);
        if (rule.parts !== 'any' && (part === null || !rule.parts.includes(part))) continue;
        strengths.push({ id: rule.id, part, start, end, quote: ctx.clean.slice(start, end), message: rule.message });
        if (++count >= rule.limit) break outer;
      }
    }
  }
  if (ctx.scenario) {
    for (const { phrase, pattern } of keyPhrasePatterns(ctx.scenario)) {
      const m = pattern.exec(ctx.clean);
      if (!m) continue;
      strengths.push({
        id: 'key-phrase',
        part: partAt(ctx, m.index),
        start: m.index,
        end: m.index + m[0].length,
        quote: ctx.clean.slice(m.index, m.index + m[0].length),
        message: `Uses a key phrase of this scenario: "${phrase}".`,
      });
    }
  }
  return strengths.sort((a, b) => a.start - b.start);
}

export function countStrengths(strengths: readonly Strength[], id: StrengthId, part?: StarPart): number {
  return strengths.filter((s) => s.id === id && (part === undefined || s.part === part)).length;
}
