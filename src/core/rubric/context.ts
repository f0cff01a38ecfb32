import type { Level, LpId, StarPart } from '../lp.js';
import type { Scenario } from '../scenario.js';
import {
  type Collapsed,
  collapseSpaces,
  findQuotedSpans,
  normaliseMrkdwn,
  plainSpaces,
  type Sentence,
  type Span,
  splitSentences,
} from './normalise.js';
import { type PartSpan, sentenceAt, splitStarParts } from './parts.js';
import { ANY_MATCHES, type PatternPrefilter, type PossibleMatches } from './prefilter.js';
import { type StoryEvidence, storyEvidence } from './story.js';
import type { AnswerKind } from './types.js';

/** Everything the rules look at, computed once per answer. */
export interface RubricContext {
  input: string;
  /**
   * What every pattern reads: the input with markup blanked and each run of horizontal white space
   * as one space. Offsets in the context are offsets into `clean`; `collapsed` maps them back.
   */
  clean: string;
  collapsed: Collapsed;
  sentences: Sentence[];
  sentenceStarts: number[];
  quoted: Span[];
  /** Found parts in text order. A probe answer is one 'action' part. */
  parts: PartSpan[];
  kind: AnswerKind;
  level: Level;
  lp: LpId | null;
  scenario: Scenario | null;
  questionIsHypothetical: boolean;
  /**
   * The prompt asks for ownership beyond the candidate's remit: from the question when there is
   * one, else from the scenario, else from the LP (Ownership).
   */
  ownershipAsk: boolean;
  /** Told actions against habits, plans and opinions (see story.ts). */
  story: StoryEvidence;
  /** Which patterns may match `clean` (a literal prefilter), and their matches. */
  possible: PossibleMatches;
}

const HYPOTHETICAL_QUESTION =
  /\b(?:what if|would you|how would|what would|suppose|imagine|if you (?:had|were|could))\b/i;

// Prompts that ask for work outside the candidate's remit or without being asked: on these the
// answer must say where its owner's responsibility ended (the scope boundary).
const OWNERSHIP_ASK =
  /\b(?:without (?:being (?:asked|told)|anyone ask|waiting|permission)|(?:was|is)n['’]t (?:yours|your (?:job|responsibility|problem))|not yours|outside (?:of )?(?:your|the) (?:own )?(?:area|team|role|responsibilit|job|scope)|beyond (?:your|what you were)|nobody (?:owned|had asked|else wanted|asked)|no one (?:had )?(?:assigned|asked|owned)|owned by another team|on your own|took ownership|take ownership|not only your team|between teams|that nobody|wasn['’]t your|people outside your team)/i;

/** The question asks for ownership beyond the candidate's remit (see OWNERSHIP_ASK). */
export function isOwnershipQuestion(question: string | undefined): boolean {
  return question !== undefined && OWNERSHIP_ASK.test(question);
}

export function isHypotheticalQuestion(question: string | undefined): boolean {
  return question !== undefined && HYPOTHETICAL_QUESTION.test(question);
}

export interface ContextOptions {
  kind: AnswerKind;
  level: Level;
  lp: LpId | null;
  scenario: Scenario | null;
  question?: string;
  /** Treat the whole answer as one part (rule examples do this). */
  forcePart?: StarPart;
  /** Skips the scans of patterns that cannot match (see prefilter.ts); without it every pattern is scanned. */
  prefilter?: PatternPrefilter;
}

export function buildContext(input: string, options: ContextOptions): RubricContext {
  const collapsed = collapseSpaces(normaliseMrkdwn(plainSpaces(input)));
  const clean = collapsed.text;
  const sentences = splitSentences(clean);
  const possible = options.prefilter?.scan(clean) ?? ANY_MATCHES;
  const whole = (part: StarPart): PartSpan[] => {
    if (sentences.length === 0) return [];
    const start = sentences[0].start;
    const end = sentences[sentences.length - 1].end;
    const words = clean.slice(start, end).split(/\s+/).filter(Boolean).length;
    return [{ part, start, end, words, via: 'label' }];
  };
  const parts = options.forcePart
    ? whole(options.forcePart)
    : options.kind === 'probe'
      ? whole('action')
      : splitStarParts(clean, sentences, possible);
  const ctx: RubricContext = {
    input,
    clean,
    collapsed,
    sentences,
    sentenceStarts: sentences.map((s) => s.start),
    quoted: findQuotedSpans(clean, possible),
    parts,
    kind: options.kind,
    level: options.level,
    lp: options.lp,
    scenario: options.scenario,
    questionIsHypothetical: isHypotheticalQuestion(options.question),
    ownershipAsk:
      options.question !== undefined && options.kind === 'answer'
        ? isOwnershipQuestion(options.question)
        : (options.scenario?.expectsScopeBoundary ?? options.lp === 'ownership'),
    story: {
      iDoers: 0,
      weDoers: 0,
      bulletDoers: 0,
      hypotheticals: 0,
      habits: 0,
      opinions: 0,
      outcomes: 0,
      specifics: 0,
      pastEvents: 0,
      fragments: 0,
      sentences: 0,
    },
    possible,
  };
  ctx.story = storyEvidence(ctx);
  return ctx;
}

/** The STAR part an offset falls in (the nearest part before it when between parts). */
export function partAt(ctx: RubricContext, offset: number): StarPart | null {
  let found: StarPart | null = null;
  for (const part of ctx.parts) {
    if (part.start > offset) break;
    found = part.part;
  }
  return found ?? ctx.parts[0]?.part ?? null;
}

/** The sentence around an offset, with the one before it: where rule exceptions look. */
export function exceptionWindow(
  ctx: RubricContext,
  start: number,
  end: number,
  scope: 'sentence' | 'with-previous' = 'with-previous',
): string {
  const i = sentenceAt(ctx.sentenceStarts, start);
  const from = i > 0 && scope === 'with-previous' ? ctx.sentences[i - 1].start : i >= 0 ? ctx.sentences[i].start : 0;
  const to = i >= 0 ? Math.max(ctx.sentences[i].end, end) : end;
  // Bounded so that a megabyte without full stops stays linear.
  return ctx.clean.slice(Math.max(from, start - 300), Math.min(to, end + 300));
}
