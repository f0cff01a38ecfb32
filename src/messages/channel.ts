import type { KnownBlock } from '@slack/types';
import { formatSeconds, shortAnswerAdvice, topFixes } from '../core/feedback.js';
import { LEVEL_NAMES, type Level, lpName } from '../core/lp.js';
import { PEER_REVIEW_LEGEND } from '../core/peer-review.js';
import type { CatalogProbe, CatalogQuestion } from '../core/questions.js';
import type { RubricResult, Verdict } from '../core/rubric/index.js';
import { DEFAULT_TARGET_SECONDS } from '../core/rubric/timing.js';
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
import { feedbackMessage, fixLines, VERDICT_EMOJI, verdictLine } from './feedback.js';
import { ACTION_IDS } from './ids.js';

/** The reaction that tells the channel an answer was scored, and nothing about how well. */
export const SCORED_REACTION = 'ballot_box_with_check';

/** The reaction that signals an answer's verdict band to the channel (only when a workspace turns it on). */
export const VERDICT_REACTION: Record<Verdict, string> = {
  'strong-hire': 'large_green_circle',
  'lean-hire': 'large_yellow_circle',
  'lean-no-hire': 'large_orange_circle',
  'no-hire': 'red_circle',
};

export function legendLine(): string {
  return PEER_REVIEW_LEGEND.map((e) => `:${e.name}: ${e.meaning}`).join(' · ');
}

/** The daily prompt: LP, question, target time, how to answer, and the peer-review legend. */
export function promptMessage(
  question: CatalogQuestion,
  level: Level | null,
  feedback: 'private' | 'public',
  verdictReactions = false,
): MessageBody {
  const total = question.scenario
    ? Object.values(question.scenario.steps).reduce((n, s) => n + s.targetSeconds, 0)
    : Object.values(DEFAULT_TARGET_SECONDS).reduce((a, b) => a + b, 0);
  return message(`Today's question (${lpName(question.lp)}): ${question.question}`, [
    header(`Daily practice · ${lpName(question.lp)}`),
    section(`*${escapeMrkdwn(question.question)}*`),
    context(
      `:stopwatch: About ${formatSeconds(total)} spoken: Situation, Task, Action, Result, Reflection · judged at ${level ? LEVEL_NAMES[level] : 'your own level (`/star level`)'}`,
    ),
    section(
      `:speech_balloon: *Answer in this thread.* ${
        feedback === 'private'
          ? `Your feedback and one follow-up question come to you in a DM; the channel sees only ${verdictReactions ? 'a coloured dot for your verdict' : `:${SCORED_REACTION}: on your answer`}.`
          : 'A three-line summary of your feedback and one follow-up question are posted in the thread.'
      } Your next reply in the thread is scored as the follow-up's answer.`,
    ),
    context(`Peer review, react to an answer: ${legendLine()}`),
  ]);
}

function probeAsk(probe: CatalogProbe, where: string): string {
  return `:mag: *Follow-up:* ${escapeMrkdwn(probe.question)} _Reply ${where}._`;
}

function detailsButton(answerId: number): KnownBlock {
  return { type: 'actions', elements: [button('Details', ACTION_IDS.feedbackDetail, String(answerId))] };
}

/** The first fix in a few words, or what went well when nothing needs fixing. */
function oneFixLine(result: RubricResult): string {
  const first = topFixes(result, 1)[0];
  if (!first) {
    const short = shortAnswerAdvice(result);
    return short ? `:stopwatch: ${short.title} ${short.detail}` : ':white_check_mark: Nothing to fix.';
  }
  const said = first.quotes[0] ? ` (“${escapeMrkdwn(truncateAtWord(first.quotes[0], 60))}”)` : '';
  return `Fix first: *${escapeMrkdwn(first.label)}*${said}. ${escapeMrkdwn(first.fix)}`;
}

/**
 * Public feedback on a channel answer: three lines (who and the verdict, the first fix, the
 * follow-up) and the rest behind *Details*, so a thread of answers stays readable.
 */
export function channelSummaryMessage(
  result: RubricResult,
  userId: string,
  answerId: number,
  probe: CatalogProbe | undefined,
  edited: boolean,
): MessageBody {
  const lines = [
    `<@${userId}> · *${verdictLine(result)}*${edited ? ' _(updated after an edit)_' : ''}`,
    oneFixLine(result),
  ];
  if (probe) lines.push(probeAsk(probe, 'in this thread'));
  return message(`${edited ? 'Updated: ' : ''}${verdictLine(result)} for <@${userId}>`, [
    section(lines.join('\n')),
    detailsButton(answerId),
  ]);
}

/**
 * Private feedback on a channel answer, sent to the person's DM (an ephemeral message is lost on
 * reload): the same first screen as DM practice, and the follow-up to answer in the thread.
 */
export function channelDmFeedbackMessage(
  result: RubricResult,
  options: { channelId: string; answerId: number; sessionId: number; probe: CatalogProbe | undefined; edited: boolean },
): MessageBody {
  const base = feedbackMessage(result, {
    sessionId: options.sessionId,
    answerId: options.answerId,
    probeCount: 0,
    probesStarted: true,
    messages: 1,
    tryAgain: false,
  });
  const blocks: KnownBlock[] = [
    context(
      `${options.edited ? ':pencil2: Updated after your edit. ' : ''}Your answer to today’s question in <#${options.channelId}>. Only you see this.`,
    ),
    ...base.blocks,
  ];
  if (options.probe)
    blocks.push(divider(), section(probeAsk(options.probe, `in the thread in <#${options.channelId}>`)));
  return message(`${options.edited ? 'Updated: ' : ''}${base.text}`, blocks);
}

/** Feedback on the reply to a follow-up in a channel, sent to the person's DM in either mode. */
export function channelProbeFeedbackMessage(
  result: RubricResult,
  options: {
    userId: string;
    channelId: string;
    answerId: number;
    probe: CatalogProbe;
    edited: boolean;
  },
): MessageBody {
  const text = `${verdictLine(result)} on the follow-up`;
  const blocks: KnownBlock[] = [
    context(
      `${options.edited ? ':pencil2: Updated after your edit. ' : ''}Your reply to the follow-up in <#${options.channelId}>: “${escapeMrkdwn(truncateAtWord(options.probe.question, 200))}”`,
    ),
    section(`${VERDICT_EMOJI[result.verdict]} *${verdictLine(result)}* on the follow-up`),
  ];
  const fixes = topFixes(result);
  if (fixes.length > 0) blocks.push(section(fixLines(fixes, { quotes: 2, numbered: true }).join('\n')));
  blocks.push(context(`This probes: ${escapeMrkdwn(options.probe.probes)}`));
  if (options.probe.strong)
    blocks.push(section(`*A strong reply:* ${escapeMrkdwn(truncateAtWord(options.probe.strong.answer, 2800))}`));
  blocks.push(detailsButton(options.answerId));
  return message(text, blocks);
}
