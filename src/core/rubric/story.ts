// Is this a story at all? Counts of what a told event has (someone doing something, an outcome)
// against what claims, habits and hypotheticals have ("I would", "I usually", "in my experience").
// The counts feed the missing-star-part and no-story flags and the scorecard's features.

import { countWords, insideAny, type Sentence, type Span } from './normalise.js';
import type { PossibleMatches } from './prefilter.js';

/** What the story counts read: the normalised text, its quotes and sentences. */
interface StoryInput {
  clean: string;
  quoted: readonly Span[];
  sentences: readonly Sentence[];
  possible: PossibleMatches;
}

import { I_DOER, WE_DOER } from './parts.js';

export interface StoryEvidence {
  /** Clauses with I as the doer of an action (outside quotes). */
  iDoers: number;
  /** Clauses with we / the team as the doer. */
  weDoers: number;
  /** Subject-less action lines ("- pulled 30 tickets"). */
  bulletDoers: number;
  /** "I would", "I'd", "if I were": plans, not events. */
  hypotheticals: number;
  /** "I usually", "I always", "whenever I": habits, not events. */
  habits: number;
  /** "in my experience", "I believe that", "X is key": opinions. */
  opinions: number;
  /** Outcome words after the first action: numbers with units, changes, "since then". */
  outcomes: number;
  /** Sentences of three words or fewer ("I measured.", "Root cause."), and all sentences. */
  fragments: number;
  sentences: number;
  /** Past-tense verbs of any subject (not was/were/had): a told event has them. */
  pastEvents: number;
  /** Markers of one specific time: "last year", "in 2022", "one day", "at my last job". */
  specifics: number;
}

const BULLET_DOER =
  /^[ \t]*(?:then |and |also )?(?:[a-z]{2,20}ed|built|wrote|ran|led|found|made|set up|took|sent|met|cut|put|shipped|paired|pulled|fixed|added)\b/gim;
const HYPOTHETICAL =
  /\b[Ii](?: would|['’]d) (?!have been\b|been\b)|\bif (?:I|someone|a [a-z]{1,15}) (?:were|was|is|are|had|has|gets?)\b|\b(?:I|[Ww]e)(?: will|['’]ll| might| could) (?!never)[a-z]{2,15}\b/g;
// Habits: "I usually", "always raised the bar", a bullet that starts with "always".
const HABIT =
  /^[ \t]*always\b|\balways [a-z]{2,20}ed\b|\b(?:[Ii]|[Ww]e) (?:usually|typically|generally|normally|always|tend to|often)\b|\b(?:usually|typically|normally|generally),? (?:I|we)\b|\bwhenever (?:I|we)\b|\bevery time (?:I|we)\b/gi;
// Opinions and claims: "in my experience", "X is key", "exceeded expectations".
const OPINION =
  /\bI think for me\b|\bI (?:really )?(?:like|love|enjoy|prefer) (?:working|to work|when|it when)\b|\b(?:exceeded expectations|on time and (?:under|on) budget|(?:very |really )?well received|high-impact|a number of (?:high-impact )?(?:projects|initiatives)|successfully (?:delivered|launched|completed))\b|\bin my (?:experience|opinion|view)\b|\bI (?:believe|feel|think|care) (?:that |about |it['’]s |is |the )|\b(?:is|are) (?:really |so |the most )?(?:important|key|crucial|everything)\b|\b(?:as a (?:manager|leader|engineer)),|\bmy (?:philosophy|approach|style) is\b|\bI['’]?m (?:a|the kind of|someone who|pretty|naturally|really)\b/gi;
const OUTCOME =
  /\b\d[\d.,]*\s?(?:%|percent|x\b|ms\b|k\b|seconds?|minutes?|hours?|days?|weeks?|months?|tickets?|users?|customers?|invoices?|incidents?|errors?|bugs?)|[$€£]\s?\d|\bfrom \S{1,20}(?: \S{1,12})? (?:down |up )?to \S|\b(?:dropped|fell|rose|increased|decreased|improved|saved|recovered|eliminated|halved|doubled|tripled|shrank|reduced|corrected|prevented|went (?:down|up)|no longer|since then|ever since|has(?:n['’]t| not)? (?:had|been|stayed)|now (?:uses?|runs?|takes?|has|is|are)|adopted|became)\b/gi;
const PAST_EVENT =
  /\b(?:[a-z]{2,20}ed|built|wrote|ran|led|found|made|took|sent|met|cut|put|saw|told|gave|got|went|came|knew|spent|kept|left|brought|bought|began|chose|drove|held|lost|paid|said|sat|sold|spoke|stood|taught|won|broke|caught|did|fell|grew|hit|let|rode|rose|shut|split|stuck|threw|woke|dug|fought|heard|meant|sought|swung|rewrote|rebuilt|undid|overrode)\b/gi;
const SPECIFIC =
  /\b(?:last|that|this|one) (?:year|quarter|summer|spring|winter|autumn|fall|month|week|day|morning|night|sprint|time)\b|\b(?:in|during) (?:19|20)\d\d\b|\b(?:at|in) my (?:previous|last|current|old|first|former) (?:role|job|company|team|position|employer|internship)\b|\b(?:years?|months?|weeks?) ago\b|\bonce\b|\bone (?:example|time)\b|\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gi;

// A STAR heading on its own line is structure, not a fragment of keyword salad.
const HEADING =
  /^[^A-Za-z]{0,6}(?:situation|context|background|the problem|problem|task|goal|the ask|actions?|approach|solution|what i did|what we did|how it went|results?|outcomes?|impact|what happened|reflections?|learnings?|takeaways?|lessons?(?: learned| learnt)?|what i learned|what i learnt)[^A-Za-z]{0,4}$/i;

/** The patterns the story counts read, for the literal prefilter. */
export const STORY_PATTERNS: readonly RegExp[] = [
  I_DOER,
  WE_DOER,
  BULLET_DOER,
  HYPOTHETICAL,
  HABIT,
  OPINION,
  OUTCOME,
  PAST_EVENT,
  SPECIFIC,
];

/** Matches outside quotes at or after `from`, and where the first match (quoted or not) starts. */
function countOutside(ctx: StoryInput, pattern: RegExp, from = 0): { count: number; first: number } {
  let count = 0;
  let first = Number.MAX_SAFE_INTEGER;
  for (const { start, end } of ctx.possible.matches(pattern, ctx.clean)) {
    if (first === Number.MAX_SAFE_INTEGER) first = start;
    if (start < from) continue;
    if (!insideAny(ctx.quoted, start, end)) count++;
  }
  return { count, first };
}

export function storyEvidence(ctx: StoryInput): StoryEvidence {
  // The doer counts also give where the first action starts: one scan each, not two.
  const iDoers = countOutside(ctx, I_DOER);
  const weDoers = countOutside(ctx, WE_DOER);
  const bulletDoers = countOutside(ctx, BULLET_DOER);
  const firstAction = Math.min(iDoers.first, weDoers.first, bulletDoers.first);
  return {
    iDoers: iDoers.count,
    weDoers: weDoers.count,
    bulletDoers: bulletDoers.count,
    hypotheticals: countOutside(ctx, HYPOTHETICAL).count,
    habits: countOutside(ctx, HABIT).count,
    opinions: countOutside(ctx, OPINION).count,
    outcomes: firstAction === Number.MAX_SAFE_INTEGER ? 0 : countOutside(ctx, OUTCOME, firstAction).count,
    specifics: countOutside(ctx, SPECIFIC).count,
    pastEvents: countOutside(ctx, PAST_EVENT).count,
    fragments: ctx.sentences.filter(
      (x) =>
        x.end - x.start < 60 &&
        countWords(ctx.clean, x.start, x.end) <= 3 &&
        !HEADING.test(ctx.clean.slice(x.start, x.end)),
    ).length,
    sentences: ctx.sentences.length,
  };
}

/** Doers of actions of any kind. */
export function doers(e: StoryEvidence): number {
  return e.iDoers + e.weDoers + e.bulletDoers;
}

/**
 * Not a story: plans, habits and opinions outweigh told events, or there are hardly any events at
 * all. Such an answer has no real Situation, Action or Result, however it is dressed. Told events
 * are counted both as doers and as past-tense verbs, so present-tense narration ("we discuss, we
 * design") and agentless passive ("a plan was made") still count as a story.
 */
export function isNoStory(e: StoryEvidence): boolean {
  // Labels on their own line ("Situation") are fragments too; they are not salad.
  const told = Math.max(doers(e), e.pastEvents);
  const untold = e.hypotheticals + e.habits + e.opinions;
  if (told < 3) return true;
  // Keyword salad: rubric words as fragments ("I measured. Root cause. Guardrails.").
  if (e.fragments >= 4 && e.fragments * 3 >= e.sentences) return true;
  if (untold >= 3 && untold * 2 >= told) return true;
  if (e.specifics === 0 && told < 5 && untold >= 2) return true;
  // A short note with no outcome and only plans ("maybe we'll do it next year").
  if (e.specifics === 0 && told < 5 && untold >= 1 && e.outcomes === 0) return true;
  // Opinions told in the present with no one time it happened.
  if (e.pastEvents <= 2 && e.specifics === 0 && e.opinions >= 1) return true;
  // A long reflection with no outcome: musings, not a story.
  return e.outcomes === 0 && untold >= 3 && told < 20;
}
