// The words every feedback surface shares (Slack, the CLI, the channel): one name per verdict, one
// way to write a duration, and the rubric's flags grouped into fixes a person can act on. The
// rubric's Flag shape is read in one place, `groupFlags`, so a change to it is adapted here once.
import { flagLabel } from './flag-words.js';
import type { StarPart } from './lp.js';
import type { Flag, PartTiming, RubricResult, Severity, Verdict } from './rubric/index.js';

/** The one name of each verdict, everywhere a person reads one. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  'strong-hire': 'Strong hire',
  'lean-hire': 'Lean hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};

export const PART_LABEL: Record<StarPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  reflection: 'Reflection',
};

/** A duration the one way it is written: "45 s", "2 min", "2 min 10 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}

export type PartStatus = 'missing' | 'thin' | 'fine' | 'too long';

/** How a part's spoken length compares with its target: under 30% is thin, over 150% too long. */
export function partStatus(part: PartTiming): PartStatus {
  if (!part.found) return 'missing';
  if (part.seconds > part.targetSeconds * 1.5) return 'too long';
  if (part.seconds < part.targetSeconds * 0.3) return 'thin';
  return 'fine';
}

/** An answer spoken in under this share of its target time is short, whatever its flags say. */
const SHORT_SHARE = 0.5;

/**
 * What to say instead of "nothing to fix" when no flag fired but the answer is short: the whole
 * answer under half its target time, or a thin Action (the part interviewers spend most of their
 * questions on). A short answer can be clean and still leave the interviewer to dig for the story.
 * Undefined when the answer is long enough, and for a follow-up's answer, which may rightly be a
 * sentence or two.
 */
export function shortAnswerAdvice(
  result: Pick<RubricResult, 'kind' | 'parts' | 'seconds' | 'targetSeconds'>,
): { title: string; detail: string } | undefined {
  if (result.kind !== 'answer') return undefined;
  const action = result.parts.find((p) => p.part === 'action');
  const thinAction = action !== undefined && partStatus(action) === 'thin';
  const short = result.seconds < result.targetSeconds * SHORT_SHARE;
  if (!thinAction && !short) return undefined;
  const whole = `About ${formatSeconds(result.seconds)} spoken, of the ${formatSeconds(result.targetSeconds)} an interviewer expects.`;
  const detail = thinAction
    ? `${whole} Your Action runs ${formatSeconds(action.seconds)} of ${formatSeconds(action.targetSeconds)}: walk through what you did step by step, the options you weighed and why you chose yours.`
    : `${whole} Give each part its time: the Action most of all.`;
  return { title: 'Nothing flagged, but it is short.', detail };
}

/** "1 answer", "3 answers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a Deliver Results", "an Ownership". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** One kind of problem in an answer, with every place it was heard. */
export interface FixItem {
  id: string;
  /** The problem in plain words (never the rubric's id). */
  label: string;
  severity: Severity;
  /** The parts it was heard in, first first. */
  parts: StarPart[];
  /** The person's own words behind it, each once, in the order said (empty for a missing part). */
  quotes: string[];
  /** What the rubric says about it, for a flag with no quote ("No Result part"). */
  message: string;
  /** How to rewrite it. */
  fix: string;
}

/** Flags about the answer as a whole: their "quote" is the whole answer, so their message says it better. */
const WHOLE_ANSWER_FLAGS = new Set(['too-short', 'too-long', 'missing-star-part', 'no-story']);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The flags grouped one item per kind of problem, with their quotes, most serious first (then in
 * the order they were first heard). The only reader of the rubric's Flag shape for people.
 */
export function groupFlags(flags: readonly Flag[]): FixItem[] {
  const byId = new Map<string, FixItem & { first: number }>();
  for (const f of flags) {
    const item =
      byId.get(f.id) ??
      ({
        id: f.id,
        label: flagLabel(f.id),
        severity: f.severity,
        parts: [],
        quotes: [],
        message: f.message,
        fix: f.fix,
        first: f.start,
      } satisfies FixItem & { first: number });
    byId.set(f.id, item);
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[item.severity]) item.severity = f.severity;
    if (f.part && !item.parts.includes(f.part)) item.parts.push(f.part);
    // The rubric gives one flag per id with every place it fired; each place is a quote here.
    const places = f.occurrences.length > 0 ? f.occurrences : [{ start: f.start, end: f.end, quote: f.quote }];
    for (const place of places) {
      const quote = place.quote.replace(/\s+/g, ' ').trim();
      if (quote && !WHOLE_ANSWER_FLAGS.has(f.id) && !item.quotes.some((q) => q.toLowerCase() === quote.toLowerCase()))
        item.quotes.push(quote);
      item.first = Math.min(item.first, place.start);
    }
  }
  return [...byId.values()]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.first - b.first)
    .map(({ first: _first, ...item }) => item);
}

/** The most fixes the first screen of feedback shows. */
export const FIRST_SCREEN_FIXES = 3;

/** The fixes for the first screen: the most serious few, one per kind of problem. */
export function topFixes(result: Pick<RubricResult, 'flags'>, count = FIRST_SCREEN_FIXES): FixItem[] {
  return groupFlags(result.flags).slice(0, count);
}

/** A missing part's item names the parts ("No Result or Reflection"); others say what was heard. */
export function fixSummary(item: FixItem): string {
  if (item.id === 'missing-star-part' && item.parts.length > 0)
    return `No ${item.parts.map((p) => PART_LABEL[p]).join(' or ')} part.`;
  return item.message;
}
