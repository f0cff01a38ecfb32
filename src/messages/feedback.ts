// Feedback in three layers. The first screen: the verdict line and at most three fixes in plain
// words, each with the person's own words and how to rewrite them. Then, on a button, the detail:
// every fix with all its quotes, the timing and the five dimension bars. Then the coaching loop:
// a strong answer to compare with, another attempt, the follow-up questions.
import type { KnownBlock, View } from '@slack/types';
import {
  FIRST_SCREEN_FIXES,
  type FixItem,
  fixSummary,
  formatSeconds,
  groupFlags,
  PART_LABEL,
  partStatus,
  plural,
  shortAnswerAdvice,
  topFixes,
  VERDICT_LABEL,
} from '../core/feedback.js';
import { LEVEL_NAMES, type Level, lpName, STAR_PARTS, type StarPart } from '../core/lp.js';
import type { RubricResult, Verdict } from '../core/rubric/index.js';
import { DIMENSIONS } from '../core/rubric/index.js';
import type { Scenario } from '../core/scenario.js';
import {
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  type MessageBody,
  message,
  section,
  truncateAtWord,
} from './blocks.js';
import { ACTION_IDS } from './ids.js';

export { VERDICT_LABEL } from '../core/feedback.js';

/** One emoji per verdict, shown only to the person whose answer it is. */
export const VERDICT_EMOJI: Record<Verdict, string> = {
  'strong-hire': ':large_green_circle:',
  'lean-hire': ':large_yellow_circle:',
  'lean-no-hire': ':large_orange_circle:',
  'no-hire': ':red_circle:',
};

const MAX_QUOTE = 90;
/** Quotes shown for one fix on the first screen; the detail shows them all. */
const FIRST_SCREEN_QUOTES = 2;

/** The person's words in quotes, without the full stop that would double the sentence's own. */
function quote(text: string, max = MAX_QUOTE): string {
  return `“${escapeMrkdwn(truncateAtWord(text.replace(/[.,;:]+$/, ''), max))}”`;
}

/**
 * The one renderer of fixes (flags grouped by kind): what it is in plain words, the person's own
 * words behind it, and how to rewrite it.
 */
export function fixLines(items: readonly FixItem[], options: { quotes: number; numbered: boolean }): string[] {
  return items.map((item, i) => {
    const shown = item.quotes.slice(0, options.quotes);
    const more = item.quotes.length - shown.length;
    const heard =
      shown.length > 0
        ? `You said ${shown.map((q) => quote(q)).join(', ')}${more > 0 ? ` and ${plural(more, 'more place')}` : ''}.`
        : escapeMrkdwn(fixSummary(item));
    const lead = options.numbered ? `${i + 1}.` : '•';
    return `${lead} *${escapeMrkdwn(item.label)}.* ${heard}\n      :arrow_right: ${escapeMrkdwn(item.fix)}`;
  });
}

/** "Lean hire · 62/100", and the last attempt's score beside it when there is one. */
export function verdictLine(result: Pick<RubricResult, 'verdict' | 'overall'>, previous?: PreviousScore): string {
  const now = `${VERDICT_LABEL[result.verdict]} · ${result.overall}/100`;
  if (!previous) return now;
  const delta = result.overall - previous.overall;
  return `${now} (last time ${previous.overall}/100, ${delta >= 0 ? '+' : ''}${delta})`;
}

/** The person's previous attempt at the same question, for the scores side by side. */
export interface PreviousScore {
  overall: number;
  verdict: Verdict;
}

function aboutLine(result: RubricResult, messages: number): string {
  const lp = result.lp ? ` · ${lpName(result.lp)}` : '';
  const from = messages > 1 ? ` from ${messages} messages` : '';
  return `${LEVEL_NAMES[result.level]}${lp} · ${plural(result.words, 'word')}${from}, about ${formatSeconds(result.seconds)} spoken (aim for ${formatSeconds(result.targetSeconds)})`;
}

/** The one line of what went well, or nothing. */
export function strengthsLine(result: RubricResult): string | undefined {
  const picked = result.strengths.filter((s) => s.id !== 'i-statement' && s.id !== 'key-phrase').slice(0, 2);
  const iCount = result.strengths.filter((s) => s.id === 'i-statement').length;
  const parts = picked.map((s) => `${escapeMrkdwn(s.message.replace(/\.$/, ''))} (${quote(s.quote, 60)})`);
  if (iCount > 0) parts.unshift(`${plural(iCount, 'sentence')} where you act with “I”`);
  return parts.length > 0 ? `:white_check_mark: *What worked:* ${parts.join(' · ')}` : undefined;
}

/** The fixes section of a first screen (at most three). */
export function firstScreenFixes(result: RubricResult): KnownBlock {
  const fixes = topFixes(result, FIRST_SCREEN_FIXES);
  if (fixes.length === 0) {
    const short = shortAnswerAdvice(result);
    return section(
      short
        ? `:stopwatch: *${short.title}* ${short.detail}`
        : '*Nothing to fix.* Tell it aloud against the clock next. :tada:',
    );
  }
  const title = fixes.length === 1 ? '*Fix this first*' : `*Fix these ${fixes.length} first*`;
  return section(`${title}\n${fixLines(fixes, { quotes: FIRST_SCREEN_QUOTES, numbered: true }).join('\n')}`);
}

export interface FeedbackOptions {
  sessionId: number;
  answerId: number;
  probeCount: number;
  probesStarted: boolean;
  messages: number;
  previous?: PreviousScore;
  /** Offer *Try again* (a DM session; a channel answer is edited instead). */
  tryAgain: boolean;
}

/** The coaching loop's buttons under a main answer's feedback. */
function loopButtons(options: FeedbackOptions): KnownBlock {
  const elements = [
    button('More detail', ACTION_IDS.feedbackDetail, String(options.answerId)),
    button('See a strong answer', ACTION_IDS.strongAnswer, String(options.answerId)),
  ];
  if (options.tryAgain) elements.push(button('Try again', ACTION_IDS.tryAgain, String(options.sessionId)));
  if (!options.probesStarted && options.probeCount > 0)
    elements.push(
      button(
        `Follow-up questions (${options.probeCount})`,
        ACTION_IDS.startProbes,
        String(options.sessionId),
        'primary',
      ),
    );
  return { type: 'actions', elements };
}

/** Feedback on a main answer, first screen only: the verdict, three fixes, one line of strengths, buttons. */
export function feedbackMessage(result: RubricResult, options: FeedbackOptions): MessageBody {
  const blocks: KnownBlock[] = [
    header(verdictLine(result, options.previous)),
    context(aboutLine(result, options.messages)),
    firstScreenFixes(result),
  ];
  const strengths = strengthsLine(result);
  if (strengths) blocks.push(context(strengths));
  blocks.push(loopButtons(options));
  if (!options.probesStarted && options.probeCount > 0)
    blocks.push(
      context('Want to add to your answer first? Post another message in this thread; I score them together.'),
    );
  const first = topFixes(result, 1)[0];
  return message(`${verdictLine(result, options.previous)}.${first ? ` Fix first: ${first.label}.` : ''}`, blocks);
}

function bar(score: number): string {
  const filled = Math.round(score / 10);
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}

function timingLines(result: RubricResult): string {
  if (result.parts.length === 0)
    return `*Timing:* about ${formatSeconds(result.seconds)} spoken (aim for ${formatSeconds(result.targetSeconds)})`;
  const rows = result.parts.map((p) => {
    return `${PART_LABEL[p.part]}: ${formatSeconds(p.seconds)} of ${formatSeconds(p.targetSeconds)}, ${partStatus(p)}`;
  });
  return `*Timing* (spoken at 150 words a minute)\n${rows.join('\n')}\nWhole answer: ${formatSeconds(result.seconds)} of ${formatSeconds(result.targetSeconds)}`;
}

const DIMENSION_LABEL: Record<(typeof DIMENSIONS)[number], string> = {
  ownership: 'Ownership',
  impact: 'Impact',
  structure: 'Structure',
  delivery: 'Delivery',
  reflection: 'Reflection',
};

/** The detail view's line when no flag fired: the short-answer advice, or nothing to fix. */
function nothingToFix(result: RubricResult): string {
  const short = shortAnswerAdvice(result);
  return short ? `*${short.title}* ${short.detail}` : '*Nothing to fix.*';
}

/** Everything behind the first screen: every fix with all its quotes, timing, the five bars. */
export function feedbackDetailBlocks(result: RubricResult): KnownBlock[] {
  const items = groupFlags(result.flags);
  const blocks: KnownBlock[] = [section(`*${verdictLine(result)}*\n${aboutLine(result, 1)}`)];
  blocks.push(
    section(
      items.length > 0
        ? `*Every fix (${items.length})*\n${truncateAtWord(fixLines(items, { quotes: 5, numbered: false }).join('\n'), 2900)}`
        : nothingToFix(result),
    ),
  );
  const strengths = strengthsLine(result);
  if (strengths) blocks.push(section(strengths));
  blocks.push(section(timingLines(result)));
  blocks.push(
    section(
      `*Scores*\n${DIMENSIONS.map((d) => `${bar(result.dimensions[d])} ${result.dimensions[d]} ${DIMENSION_LABEL[d]}`).join('\n')}`,
    ),
  );
  return blocks;
}

/** The detail as a modal (opened from *More detail*). */
export function feedbackDetailView(result: RubricResult): View {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Feedback in detail' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: feedbackDetailBlocks(result),
  };
}

/** The parts the answer was weakest in: missing or flagged, in STAR order. */
export function weakParts(result: RubricResult): StarPart[] {
  const weak = new Set<StarPart>();
  for (const p of result.parts) if (!p.found) weak.add(p.part);
  for (const f of result.flags) if (f.part) weak.add(f.part);
  return STAR_PARTS.filter((p) => weak.has(p));
}

/**
 * A strong answer to compare with: the scenario's own story at the person's level, part by part,
 * and the bar raiser's call on an answer near the bar. For a question with no model story, the
 * strong versions of the weak parts from `examples` (another story of the same LP).
 */
export function strongAnswerView(
  level: Level,
  question: string,
  result: RubricResult,
  model: { scenario: Scenario; ownStory: boolean } | undefined,
): View {
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(truncateAtWord(question, 2900))}*`)];
  const weak = weakParts(result);
  if (!model) {
    blocks.push(
      section('This question has no worked answer yet. Compare your parts with the STAR outline in `/star learn`.'),
    );
  } else {
    const story = model.scenario.levels[level].story;
    const parts = model.ownStory ? STAR_PARTS : weak.length > 0 ? weak : STAR_PARTS;
    blocks.push(
      context(
        model.ownStory
          ? `A strong ${LEVEL_NAMES[level]} answer to this question (“${escapeMrkdwn(model.scenario.title)}”). :point_left: marks the parts where yours was weakest.`
          : `Your story is your own, so here are strong versions of your weakest parts, from another ${lpName(model.scenario.lp)} story (“${escapeMrkdwn(model.scenario.title)}”).`,
      ),
    );
    for (const part of parts) {
      const mark = weak.includes(part) ? ' :point_left:' : '';
      blocks.push(
        section(
          `*${PART_LABEL[part]}* (about ${formatSeconds(story[part].targetSeconds)})${mark}\n${escapeMrkdwn(truncateAtWord(story[part].example, 2800))}`,
        ),
      );
    }
    const near = model.scenario.nearBar ?? model.scenario.weakAnswer;
    blocks.push(
      divider(),
      section(`*The bar raiser on an answer near the bar*\n_${escapeMrkdwn(truncateAtWord(near.verdict, 2800))}_`),
    );
  }
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'A strong answer' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: blocks.slice(0, 50),
  };
}
