import type { KnownBlock } from '@slack/types';
import { LEVEL_NAMES, type Level, lpName } from '../core/lp.js';
import { PEER_REVIEW_LEGEND } from '../core/peer-review.js';
import type { CatalogProbe, CatalogQuestion } from '../core/questions.js';
import type { RubricResult, Verdict } from '../core/rubric/index.js';
import { DEFAULT_TARGET_SECONDS } from '../core/rubric/timing.js';
import {
  context,
  divider,
  escapeMrkdwn,
  header,
  type MessageBody,
  message,
  section,
  truncateAtWord,
} from './blocks.js';
import { feedbackMessage, VERDICT_EMOJI, VERDICT_LABEL } from './practice.js';

/** The reaction that signals an answer's verdict band to the channel. */
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
): MessageBody {
  const total = question.scenario
    ? Object.values(question.scenario.steps).reduce((n, s) => n + s.targetSeconds, 0)
    : Object.values(DEFAULT_TARGET_SECONDS).reduce((a, b) => a + b, 0);
  return message(`Today's question (${lpName(question.lp)}): ${question.question}`, [
    header(`Daily practice · ${lpName(question.lp)}`),
    section(`*${escapeMrkdwn(question.question)}*`),
    context(
      `:stopwatch: About ${total} s spoken (${Math.round(total / 60)} min): Situation, Task, Action, Result, Reflection · judged at ${level ? LEVEL_NAMES[level] : 'your own level (`/star level`)'}`,
    ),
    section(
      `:speech_balloon: *Answer in this thread.* ${feedback === 'private' ? 'Your feedback is private (only you see it); the channel sees a coloured dot for the verdict.' : 'Feedback is posted in the thread.'} Then I ask you one follow-up; your next reply in the thread is scored as its answer.`,
    ),
    context(`Peer review, react to an answer: ${legendLine()}`),
  ]);
}

function probeAsk(userId: string, probe: CatalogProbe): string {
  return `<@${userId}> follow-up: *${escapeMrkdwn(probe.question)}* Reply in this thread.`;
}

/** The public probe question for a private-feedback channel (the one public message per answer). */
export function channelProbeMessage(userId: string, probe: CatalogProbe): MessageBody {
  return message(`Follow-up for <@${userId}>: ${probe.question}`, [section(`:mag: ${probeAsk(userId, probe)}`)]);
}

/** Feedback on a channel answer; with `probe`, the follow-up rides in the same message. */
export function channelFeedbackMessage(
  result: RubricResult,
  userId: string,
  probe: CatalogProbe | undefined,
  edited: boolean,
): MessageBody {
  const base = feedbackMessage(result, { sessionId: 0, probeCount: 0, probesStarted: true, messages: 1 });
  const blocks: KnownBlock[] = [];
  if (edited) blocks.push(context(':pencil2: Updated after your edit.'));
  blocks.push(context(`Feedback for <@${userId}>`), ...base.blocks);
  if (probe) blocks.push(divider(), section(`:mag: ${probeAsk(userId, probe)}`));
  return message(`${edited ? 'Updated: ' : ''}${base.text}`, blocks);
}

/** Feedback on the reply to a follow-up in a channel. */
export function channelProbeFeedbackMessage(
  result: RubricResult,
  userId: string,
  probe: CatalogProbe,
  edited: boolean,
): MessageBody {
  const blocks: KnownBlock[] = [];
  if (edited) blocks.push(context(':pencil2: Updated after your edit.'));
  blocks.push(
    section(
      `${VERDICT_EMOJI[result.verdict]} <@${userId}>, *${VERDICT_LABEL[result.verdict]} · ${result.overall}/100* on the follow-up`,
    ),
  );
  if (result.flags.length > 0) {
    blocks.push(
      section(
        result.flags
          .slice(0, 6)
          .map(
            (f) =>
              `• \`${f.id}\`: ${f.quote.trim() ? `“${escapeMrkdwn(truncateAtWord(f.quote, 80))}” ` : ''}→ ${escapeMrkdwn(f.fix)}`,
          )
          .join('\n'),
      ),
    );
  }
  blocks.push(context(`This probes: ${escapeMrkdwn(probe.probes)}`));
  if (probe.strong) blocks.push(section(`*A strong reply:* ${escapeMrkdwn(probe.strong.answer)}`));
  return message(`${VERDICT_LABEL[result.verdict]} ${result.overall}/100 on the follow-up`, blocks);
}
