// A spoken answer measured from its transcript: the rubric scores the words, and the cue times say
// how long each STAR part really took, how fast the person spoke, where they paused and how often
// they filled a silence. Pure: the transcript comes in already parsed (./vtt.ts).
import { STAR_PARTS, type StarPart } from './lp.js';
import { type RubricResult, type ScoreOptions, scoreAnswer } from './rubric/index.js';
import type { VttCue } from './vtt.js';

/** A silence between two cues longer than this (seconds) is a pause worth telling about. */
export const PAUSE_SECONDS = 2;
/** A part this much over its target (seconds, and at least this share of it) is called long. */
const OVER_TARGET_GRACE = 0.25;
/** Below and above these words per minute, a listener strains or drifts (a calm interview pace is ~130–160). */
export const SLOW_WPM = 110;
export const FAST_WPM = 180;
/** More fillers than this per minute are noticeable to an interviewer. */
export const MANY_FILLERS_PER_MINUTE = 4;

export const FILLER_KINDS = ['um', 'uh', 'like', 'you know'] as const;
export type FillerKind = (typeof FILLER_KINDS)[number];

export interface SpokenPart {
  part: StarPart;
  found: boolean;
  /** Real speaking time from the cue times, rounded to a tenth of a second. */
  seconds: number;
  targetSeconds: number;
  words: number;
  /** Where the part is against its target. */
  pace: 'missing' | 'short' | 'on-target' | 'long';
}

export interface Pause {
  /** Seconds into the clip where the silence began. */
  at: number;
  seconds: number;
}

export interface SpokenTiming {
  /** From the first word to the last (seconds). */
  spokenSeconds: number;
  /** The clip's own length when known (Slack's duration_ms), else the spoken span. */
  clipSeconds: number;
  words: number;
  wordsPerMinute: number;
  parts: SpokenPart[];
  pauses: Pause[];
  fillers: Record<FillerKind, number>;
  fillerCount: number;
  fillersPerMinute: number;
}

export interface SpokenAnswer {
  /** The transcript as scored: one cue a line. */
  text: string;
  result: RubricResult;
  timing: SpokenTiming;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

// Words as the rubric counts them, closely enough to share time out between parts.
const WORD = /[A-Za-z0-9$€£][A-Za-z0-9'’.,%$-]*/g;

const UM = /\b(?:u+m+|e+r+m+|h+m+)\b/gi;
const UH = /\b(?:u+h+|e+r+|a+h+)\b/gi;
// "like" is a filler after a connective or another filler, at the start of a cue, or before a
// rough number ("like 20 percent"); not as a verb ("I like", "would like to") or a comparison
// ("looks like a bug", "something like that").
const LIKE = /\blike\b/gi;
const LIKE_FILLER_BEFORE =
  /(?:^|\b(?:and|so|but|was|were|is|it's|its|um+|uh+|er|then|because|cause|yeah|okay|ok|right|well|actually|basically|literally|just|kind of|sort of))\s*$/i;
const LIKE_VERB_BEFORE =
  /\b(?:i|you|we|they|he|she|would|i'd|we'd|you'd|'d|to|don't|didn't|do|does|did|really|look|looks|looked|looking|feel|feels|felt|seem|seems|seemed|sound|sounds|sounded|something|anything|nothing|everything|things|stuff|more|much|just)\s*$/i;
const LIKE_NUMBER_AFTER =
  /^\s*(?:\d+|a (?:hundred|thousand|million|dozen|week|month|day)|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half)\b/i;
const YOU_KNOW = /\byou know\b/gi;
const YOU_KNOW_MEANT_BEFORE = /\b(?:do|did|if|as|don't|didn't|would|to|let|so that|now)\s*$/i;
const YOU_KNOW_MEANT_AFTER = /^\s*(?:what|how|who|whether|if|about|that|him|her|them)\b/i;

/** How many of each filler a stretch of speech holds (see the patterns above for what counts). */
export function countFillers(text: string): Record<FillerKind, number> {
  const counts: Record<FillerKind, number> = { um: 0, uh: 0, like: 0, 'you know': 0 };
  counts.um = text.match(UM)?.length ?? 0;
  counts.uh = text.match(UH)?.length ?? 0;
  // Cue breaks fall anywhere in a sentence, so the words around are read across them.
  const flat = text.replace(/\n/g, ' ');
  for (const m of flat.matchAll(LIKE)) {
    const before = flat.slice(Math.max(0, m.index - 30), m.index);
    const after = flat.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (LIKE_NUMBER_AFTER.test(after)) {
      if (!/\b(?:would|i'd|'d)\s*$/i.test(before)) counts.like++;
    } else if (!LIKE_VERB_BEFORE.test(before) && LIKE_FILLER_BEFORE.test(before) && !/^\s*to\b/i.test(after))
      counts.like++;
  }
  for (const m of flat.matchAll(YOU_KNOW)) {
    const before = flat.slice(Math.max(0, m.index - 20), m.index);
    const after = flat.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (!YOU_KNOW_MEANT_BEFORE.test(before) && !YOU_KNOW_MEANT_AFTER.test(after)) counts['you know']++;
  }
  return counts;
}

function paceOf(found: boolean, seconds: number, target: number): SpokenPart['pace'] {
  if (!found || seconds === 0) return 'missing';
  if (seconds > target * (1 + OVER_TARGET_GRACE)) return 'long';
  if (seconds < target * 0.5) return 'short';
  return 'on-target';
}

/** The part a transcript offset falls in: the part spanning it, else the nearest one before it. */
function partAtOffset(result: RubricResult, offset: number): StarPart | undefined {
  const found = result.parts.filter((p) => p.found).sort((a, b) => a.start - b.start);
  let part: StarPart | undefined;
  for (const p of found) {
    if (p.start > offset) break;
    part = p.part;
  }
  return part ?? found[0]?.part;
}

/**
 * Scores a spoken answer from its transcript cues and measures it: the rubric's STAR parts of the
 * transcript text are laid back onto the cue times (a cue's time shared between its words), giving
 * real seconds per part against the targets, words per minute, pauses between cues longer than
 * PAUSE_SECONDS, and fillers per minute. `clipSeconds` is the clip's length when Slack gave it.
 */
export function analyseSpokenAnswer(
  cues: readonly VttCue[],
  options: ScoreOptions = {},
  clipSeconds?: number,
): SpokenAnswer {
  const text = cues.map((c) => c.text).join('\n');
  const result = scoreAnswer(text, { ...options, kind: 'answer' });
  const seconds: Record<StarPart, number> = { situation: 0, task: 0, action: 0, result: 0, reflection: 0 };
  const words: Record<StarPart, number> = { situation: 0, task: 0, action: 0, result: 0, reflection: 0 };
  let offset = 0;
  let totalWords = 0;
  for (const cue of cues) {
    const matches = [...cue.text.matchAll(WORD)];
    const share = matches.length > 0 ? (cue.end - cue.start) / matches.length : 0;
    for (const m of matches) {
      const part = partAtOffset(result, offset + m.index);
      if (part) {
        seconds[part] += share;
        words[part]++;
      }
    }
    totalWords += matches.length;
    offset += cue.text.length + 1;
  }

  const pauses: Pause[] = [];
  for (let i = 1; i < cues.length; i++) {
    const gap = cues[i].start - Math.max(...cues.slice(Math.max(0, i - 3), i).map((c) => c.end));
    if (gap > PAUSE_SECONDS) pauses.push({ at: round1(cues[i - 1].end), seconds: round1(gap) });
  }
  const spokenSeconds = cues.length > 0 ? cues[cues.length - 1].end - cues[0].start : 0;
  const minutes = spokenSeconds / 60;
  const fillers = countFillers(text);
  const fillerCount = FILLER_KINDS.reduce((n, k) => n + fillers[k], 0);

  const parts: SpokenPart[] = STAR_PARTS.map((part) => {
    const rubricPart = result.parts.find((p) => p.part === part);
    const found = (rubricPart?.found ?? false) && words[part] > 0;
    const targetSeconds = rubricPart?.targetSeconds ?? 0;
    const s = round1(seconds[part]);
    return { part, found, seconds: s, targetSeconds, words: words[part], pace: paceOf(found, s, targetSeconds) };
  });

  return {
    text,
    result,
    timing: {
      spokenSeconds: round1(spokenSeconds),
      clipSeconds: round1(clipSeconds ?? spokenSeconds),
      words: totalWords,
      wordsPerMinute: minutes > 0 ? Math.round(totalWords / minutes) : 0,
      parts,
      pauses,
      fillers,
      fillerCount,
      fillersPerMinute: minutes > 0 ? round1(fillerCount / minutes) : 0,
    },
  };
}

/** Short, plain advice on the delivery (pace, pauses, fillers, the longest overrun), best first. */
export function deliveryTips(timing: SpokenTiming): string[] {
  const tips: string[] = [];
  const over = timing.parts
    .filter((p) => p.pace === 'long')
    .sort((a, b) => b.seconds - b.targetSeconds - (a.seconds - a.targetSeconds))[0];
  if (over)
    tips.push(
      `Your ${over.part} ran ${Math.round(over.seconds - over.targetSeconds)} s over its ${over.targetSeconds} s target: cut it to the essentials.`,
    );
  const missing = timing.parts.filter((p) => p.pace === 'missing').map((p) => p.part);
  if (missing.length > 0) tips.push(`No time went to: ${missing.join(', ')}.`);
  if (timing.wordsPerMinute > FAST_WPM)
    tips.push(`${timing.wordsPerMinute} words a minute is fast: slow down and let the numbers land.`);
  else if (timing.wordsPerMinute > 0 && timing.wordsPerMinute < SLOW_WPM)
    tips.push(`${timing.wordsPerMinute} words a minute is slow: rehearse the outline so the words come readily.`);
  if (timing.fillersPerMinute > MANY_FILLERS_PER_MINUTE)
    tips.push(
      `${timing.fillersPerMinute} fillers a minute: a short silent pause sounds more confident than "um" or "like".`,
    );
  const long = timing.pauses.filter((p) => p.seconds >= 5);
  if (long.length > 0)
    tips.push(
      `${long.length} long silence${long.length > 1 ? 's' : ''} (5 s or more): know your next step before you start.`,
    );
  return tips;
}
