import { lpName, type StarPart } from '../lp.js';
import { exceptionWindow, partAt, type RubricContext } from './context.js';
import { insideAny, sourceSpan } from './normalise.js';
import { PRINCIPLE_SIGNALS, showsPrinciple } from './principles.js';
import type { AbsenceRule, PhraseRule, Rule } from './rules.js';
import { isNoStory } from './story.js';
import { MAX_ANSWER_SECONDS, MAX_PROBE_SECONDS, MIN_WORDS, secondsFor } from './timing.js';
import type { Flag } from './types.js';

/** More firings of one rule than this add nothing to the feedback and only cost time. */
export const MAX_FLAGS_PER_RULE = 25;

function makeFlag(
  rule: Rule,
  ctx: RubricContext,
  start: number,
  end: number,
  part: StarPart | null,
  extra?: Partial<Flag>,
): Flag {
  // In the clean text's offsets; analyseAnswer maps every span back to the input and re-quotes it.
  const quote = ctx.clean.slice(start, end);
  return {
    id: rule.id,
    severity: rule.severity,
    dimension: rule.dimension,
    part,
    start,
    end,
    quote,
    message: rule.message,
    fix: rule.fix,
    occurrences: [{ start, end, quote }],
    ...extra,
  };
}

const mergedCache = new WeakMap<readonly RegExp[], RegExp>();

/**
 * A rule's patterns as one alternation: one pass over the text instead of one per pattern (less
 * than half the time on a typical answer). Case-insensitive, as the rules are written to be.
 */
function merged(patterns: readonly RegExp[]): RegExp {
  let re = mergedCache.get(patterns);
  if (!re) {
    re = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'gim');
    mergedCache.set(patterns, re);
  }
  return re;
}

// "I did not escalate", "I didn't file it", "instead of escalating": the words are there, the act is not.
// A contraction's n't has no word boundary before it ("did|n't"), so it stands outside the \b group.
const NEGATION_BEFORE = /(?:\b(?:not|never|no longer|instead of|rather than|without)|n['’]t)\b[^.!?,;:\n]{0,14}$/i;

/** Whether the words just before `start` negate what follows ("I did not escalate"). */
export function negated(clean: string, start: number): boolean {
  return NEGATION_BEFORE.test(clean.slice(Math.max(0, start - 28), start));
}

function runPhraseRule(rule: PhraseRule, ctx: RubricContext): Flag[] {
  if (rule.offForHypotheticalQuestions && ctx.questionIsHypothetical) return [];
  const flags: Flag[] = [];
  let lastEnd = -1;
  const matches: { start: number; end: number; strict: boolean }[] = [];
  let closingFrom = -1;
  if (rule.closing && ctx.kind === 'answer') {
    const n = ctx.sentences.length;
    if (n === 0) return [];
    const from = ctx.sentences[Math.max(0, n - rule.closing.sentences)].start;
    if (ctx.possible.mayMatch(rule.closing.unless) && rule.closing.unless.test(ctx.clean.slice(from))) return [];
    closingFrom = from;
  }
  const collect = (patterns: readonly RegExp[], strict: boolean, after = -1) => {
    if (patterns.length === 0) return;
    let count = 0;
    // A rule about the close reads only the close; past the cap more matches only cost time.
    const found = ctx.possible.matches(
      merged(patterns),
      ctx.clean,
      Math.max(0, closingFrom),
      after < 0 ? MAX_FLAGS_PER_RULE * 4 : undefined,
    );
    for (const { start, end } of found) {
      if (start <= after) continue;
      matches.push({ start, end, strict });
      if (++count >= MAX_FLAGS_PER_RULE * 4) break;
    }
  };
  collect(ctx.kind === 'probe' && rule.probePatterns ? rule.probePatterns : rule.patterns, false);
  collect(rule.strictPatterns ?? [], true);
  if (rule.afterRouting) {
    const firstRouting = matches.find((m) => !m.strict && !insideAny(ctx.quoted, m.start, m.end));
    if (firstRouting) collect(rule.afterRouting, true, firstRouting.start);
  }
  // When none of the parts a rule reads was found (an unsplit transcript), it reads the whole answer.
  const anywhere = !ctx.parts.some((p) => rule.parts.includes(p.part));
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const strictStarts = new Set<number>();
  const limit = rule.firstShare === undefined ? Number.POSITIVE_INFINITY : ctx.clean.length * rule.firstShare;
  for (const { start, end, strict } of matches) {
    if (start < lastEnd) continue; // overlapping matches of one rule are one finding
    if (start > limit) continue;
    if (insideAny(ctx.quoted, start, end)) continue;
    if (negated(ctx.clean, start)) continue;
    const part = partAt(ctx, start);
    if (closingFrom >= 0) {
      if (start < closingFrom) continue;
    } else if (part === null || !(rule.parts.includes(part) || anywhere)) continue;
    if (rule.exceptions && !strict) {
      const window = exceptionWindow(ctx, start, end, rule.exceptionScope ?? 'with-previous');
      if (rule.exceptions.some((exception) => ctx.possible.mayMatch(exception) && exception.test(window))) continue;
    }
    flags.push(makeFlag(rule, ctx, start, end, part));
    if (strict) strictStarts.add(start);
    lastEnd = end;
    if (flags.length >= MAX_FLAGS_PER_RULE) break;
  }
  if (rule.agentless && ctx.kind === 'answer') {
    const passive: Flag[] = [];
    for (const { start, end } of ctx.possible.matches(rule.agentless.pattern, ctx.clean)) {
      if (insideAny(ctx.quoted, start, end)) continue;
      const part = partAt(ctx, start);
      if (part === 'action' || part === 'task' || part === 'result')
        passive.push(makeFlag(rule, ctx, start, end, part));
    }
    if (passive.length >= rule.agentless.min && passive.length > ctx.story.iDoers) flags.push(...passive);
  }
  if (rule.ownWork && flags.length > 0 && ctx.kind === 'answer') {
    let own = 0;
    for (const { start, end } of ctx.possible.matches(rule.ownWork.pattern, ctx.clean))
      if (!insideAny(ctx.quoted, start, end) && !negated(ctx.clean, start)) own++;
    const strictFired = flags.some((f) => strictStarts.has(f.start));
    if (own >= rule.ownWork.enough || (own > 0 && !strictFired)) return [];
  }
  // A probe reply is three sentences: there every "we" hides the candidate's part.
  if (rule.mainly && flags.length > 0 && ctx.kind !== 'probe') {
    let rivals = 0;
    for (const { start, end } of ctx.possible.matches(rule.mainly.rival, ctx.clean)) {
      if (insideAny(ctx.quoted, start, end)) continue;
      // First-person steps count wherever the splitter put them before the outcome.
      const part = partAt(ctx, start);
      if (part !== null && part !== 'result' && part !== 'reflection' && ++rivals > flags.length) return [];
    }
    // One joint clause among first-person actions is fine; with no "I" at all, one is enough.
    if (rivals > 0 && flags.length < rule.mainly.min) return [];
  }
  return flags;
}

/** The first sentence of a span: a short, quotable place to point at. */
function firstSentenceIn(ctx: RubricContext, start: number, end: number): { start: number; end: number } {
  const sentence = ctx.sentences.find((s) => s.start >= start && s.start < end);
  return sentence ? { start: sentence.start, end: Math.min(sentence.end, end) } : { start, end };
}

function runAbsenceRule(rule: AbsenceRule, ctx: RubricContext): Flag[] {
  if (rule.onlyOnOwnershipAsk && !ctx.ownershipAsk) return [];
  if (ctx.sentences.length === 0) return [];
  let regions: { part: StarPart; start: number; end: number }[] = ctx.parts.filter((p) => rule.parts.includes(p.part));
  // With no such part (say, no Result found) the closing sentences are where an outcome would be.
  if (regions.length === 0) {
    const from = ctx.sentences[Math.floor(ctx.sentences.length * 0.6)];
    const last = ctx.sentences[ctx.sentences.length - 1];
    regions = [{ part: partAt(ctx, from.start) ?? 'result', start: from.start, end: last.end }];
  }
  for (const region of regions) {
    const text = ctx.clean.slice(region.start, region.end);
    if (rule.patterns.some((pattern) => ctx.possible.mayMatch(pattern) && pattern.test(text))) return [];
  }
  const target = regions[0];
  const at = firstSentenceIn(ctx, target.start, target.end);
  return [makeFlag(rule, ctx, at.start, at.end, target.part)];
}

const MISSING_FIX: Record<StarPart, string> = {
  situation: 'Open with one or two sentences of context: the team, the system, the problem and who felt it.',
  task: 'Say what you had to achieve and why it fell to you: "My goal was…", "Nobody owned it, so I…".',
  action: 'Walk through what you did, step by step, each sentence starting with "I".',
  result:
    'Close with the measured outcome: before and after, in numbers, and what it meant for customers or the business.',
  reflection: 'End with one specific lesson and what you now do differently.',
};

function runComputedRule(rule: Rule, ctx: RubricContext, words: number): Flag[] {
  if (rule.id === 'off-principle') {
    // Only a told story can be off-principle; a non-story is no-story's finding.
    if (ctx.lp === null || ctx.sentences.length === 0 || isNoStory(ctx.story)) return [];
    if (showsPrinciple(ctx.lp, ctx.clean, ctx.possible)) return [];
    // Nothing in the answer to quote: the finding is what is absent.
    return [
      makeFlag(rule, ctx, 0, 0, null, {
        message: `${rule.message} For ${lpName(ctx.lp)} I looked for ${PRINCIPLE_SIGNALS[ctx.lp].expected}, and found none.`,
      }),
    ];
  }
  if (rule.id === 'missing-star-part' || rule.id === 'no-story') {
    if (ctx.sentences.length === 0) return [];
    const noStory = isNoStory(ctx.story);
    const whole = { start: ctx.sentences[0].start, end: ctx.sentences[ctx.sentences.length - 1].end };
    if (rule.id === 'no-story') {
      if (!noStory) return [];
      const at = firstSentenceIn(ctx, whole.start, whole.end);
      return [makeFlag(rule, ctx, at.start, at.end, null)];
    }
    if (noStory) {
      const at = firstSentenceIn(ctx, whole.start, whole.end);
      return [
        makeFlag(rule, ctx, at.start, at.end, 'action', {
          severity: 'error',
          message:
            'No specific Situation, Action or Result: this tells what you think or would do, not one time you did it.',
          fix: MISSING_FIX.action,
        }),
      ];
    }
    // The Task is often implicit and the Reflection a bonus; the Action and Result of a told
    // story are found however it is written, so only an answer that is not a story lacks them.
    return [];
  }
  const whole = { start: ctx.sentences[0]?.start ?? 0, end: ctx.sentences[ctx.sentences.length - 1]?.end ?? 0 };
  if (rule.id === 'too-short') {
    if (words >= MIN_WORDS[ctx.kind]) return [];
    return [
      makeFlag(rule, ctx, whole.start, whole.end, null, {
        message: `Only ${words} word${words === 1 ? '' : 's'}: too short to show what you did (aim for at least ${MIN_WORDS[ctx.kind]}).`,
        fix:
          ctx.kind === 'probe'
            ? 'Answer with what you did, why, and what came of it, in two or three sentences.'
            : rule.fix,
      }),
    ];
  }
  if (rule.id === 'too-long') {
    const flags: Flag[] = [];
    const seconds = secondsFor(words);
    const max = ctx.kind === 'probe' ? MAX_PROBE_SECONDS : MAX_ANSWER_SECONDS;
    if (seconds > max) {
      const cut = firstSentenceIn(ctx, whole.start, whole.end);
      flags.push(
        makeFlag(rule, ctx, cut.start, cut.end, null, {
          message: `About ${seconds} s spoken, over the ${max} s an interviewer will listen to.`,
        }),
      );
    }
    return flags;
  }
  return [];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A rule's findings as one flag: the first finding leads, every finding is an occurrence. */
function aggregate(found: Flag[]): Flag | undefined {
  if (found.length <= 1) return found[0];
  const lead = found[0];
  const occurrences = found
    .flatMap((f) => f.occurrences)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((o, i, all) => i === 0 || o.start !== all[i - 1].start || o.end !== all[i - 1].end);
  return { ...lead, occurrences };
}

/** A span of the clean text as offsets into the input and the words written there. */
export function quoteInInput(
  ctx: RubricContext,
  start: number,
  end: number,
): { start: number; end: number; quote: string } {
  const span = sourceSpan(ctx.collapsed, start, end);
  return { ...span, quote: ctx.input.slice(span.start, span.end) };
}

/** A flag found on the clean text, pointing into the input: `input.slice(start, end) === quote`. */
export function flagInInput(ctx: RubricContext, flag: Flag): Flag {
  return {
    ...flag,
    ...quoteInInput(ctx, flag.start, flag.end),
    occurrences: flag.occurrences.map((o) => quoteInInput(ctx, o.start, o.end)),
  };
}

/** Every pattern the rules scan answers with (phrase alternations merged as they are scanned), for the literal prefilter. */
export function rulePatterns(rules: readonly Rule[]): RegExp[] {
  return rules.flatMap((rule) => {
    if (rule.kind === 'absence') return [...rule.patterns];
    if (rule.kind !== 'phrase') return [];
    const alternations = [rule.patterns, rule.probePatterns, rule.strictPatterns, rule.afterRouting];
    return [
      ...alternations.filter((patterns) => patterns !== undefined && patterns.length > 0).map((p) => merged(p ?? [])),
      ...(rule.exceptions ?? []),
      ...[rule.ownWork?.pattern, rule.mainly?.rival, rule.agentless?.pattern, rule.closing?.unless].filter(
        (pattern) => pattern !== undefined,
      ),
    ];
  });
}

/** Runs every rule that judges this kind of answer: one flag per id, the most serious first. */
export function runRules(rules: readonly Rule[], ctx: RubricContext, words: number): Flag[] {
  const flags: Flag[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(ctx.kind)) continue;
    const found =
      rule.kind === 'phrase'
        ? runPhraseRule(rule, ctx)
        : rule.kind === 'absence'
          ? runAbsenceRule(rule, ctx)
          : runComputedRule(rule, ctx, words);
    const flag = aggregate(found);
    if (flag) flags.push(flag);
  }
  const raised = new Set(flags.map((f) => f.id));
  const kept = flags.filter((f) => {
    const by = rules.find((r) => r.id === f.id)?.subsumedBy;
    return by === undefined || !raised.has(by);
  });
  return kept.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start || a.id.localeCompare(b.id),
  );
}
