// The spoken-answer parts of feedback: the real timing of a clip from its transcript, and what the
// bot says while a transcript is being made or when there is none. Kept apart from the feedback
// builders (practice.ts, channel.ts) so those can change without touching this.
import type { KnownBlock } from '@slack/types';
import type { MessageContent } from '../core/domain.js';
import type { StarPart } from '../core/lp.js';
import { deliveryTips, type SpokenPart, type SpokenTiming } from '../core/spoken.js';
import { context, escapeMrkdwn, type MessageBody, message, section, truncateAtWord } from './blocks.js';

const PART_LABEL: Record<StarPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  reflection: 'Reflection',
};

const PACE_LABEL: Record<SpokenPart['pace'], string> = {
  missing: 'missing',
  short: 'short',
  'on-target': 'on target',
  long: 'long',
};

const seconds = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} s`;

/** The real timing of a spoken answer: seconds per STAR part against targets, pace, pauses, fillers. */
export function spokenTimingBlocks(timing: SpokenTiming): KnownBlock[] {
  const rows = timing.parts.map(
    (p) =>
      `${PART_LABEL[p.part].padEnd(10)} ${seconds(p.seconds).padStart(6)} / ${seconds(p.targetSeconds).padStart(5)}  ${PACE_LABEL[p.pace]}`,
  );
  const fillers = Object.entries(timing.fillers)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `“${kind}” ×${n}`)
    .join(', ');
  const summary = [
    `:stopwatch: ${seconds(timing.spokenSeconds)} spoken`,
    `${timing.wordsPerMinute} words a minute`,
    `${timing.pauses.length} pause${timing.pauses.length === 1 ? '' : 's'} over 2 s`,
    `${timing.fillersPerMinute} fillers a minute${fillers ? ` (${fillers})` : ''}`,
  ].join(' · ');
  const blocks: KnownBlock[] = [
    section(`*Spoken timing* (from your clip’s transcript)\n\`\`\`${rows.join('\n')}\`\`\``),
    context(summary),
  ];
  const tips = deliveryTips(timing);
  if (tips.length > 0) blocks.push(section(tips.map((t) => `• ${escapeMrkdwn(t)}`).join('\n')));
  return blocks;
}

/** One line of the timing, for a message's notification text. */
export function spokenTimingLine(timing: SpokenTiming): string {
  return `Spoken: ${timing.parts.map((p) => `${PART_LABEL[p.part]} ${seconds(p.seconds)}/${seconds(p.targetSeconds)}`).join(', ')}; ${timing.wordsPerMinute} wpm; ${timing.fillersPerMinute} fillers/min.`;
}

function isEstimatedTiming(block: unknown): boolean {
  const text = (block as { type?: string; text?: { text?: unknown } }).text?.text;
  return typeof text === 'string' && text.startsWith('*Timing*');
}

/**
 * Feedback with the spoken timing in it: it takes the place of the timing estimated from word
 * counts when the feedback has one, else goes before the buttons (or at the end).
 */
export function withSpokenTiming(content: MessageContent, timing: SpokenTiming): MessageBody {
  const blocks = [...(content.blocks as KnownBlock[])];
  const added = spokenTimingBlocks(timing);
  const estimated = blocks.findIndex(isEstimatedTiming);
  if (estimated >= 0) blocks.splice(estimated, 1, ...added);
  else {
    const actions = blocks.findIndex((b) => b.type === 'actions' || b.type === 'divider');
    blocks.splice(actions >= 0 ? actions : blocks.length, 0, ...added);
  }
  return message(`${content.text} ${spokenTimingLine(timing)}`, blocks);
}

/** Said when a clip arrives before Slack has transcribed it. */
export function clipPendingText(): string {
  return ':hourglass_flowing_sand: Got your clip. Slack is still writing its transcript; I will score it as soon as the transcript is ready.';
}

/** Said when a clip has no transcript and never will. */
export function clipNoTranscriptText(): string {
  return ':mute: I cannot score that clip: Slack made no transcript of it (transcription may be turned off for this workspace or plan, or the language may not be supported). Type your answer in this thread instead and I will score it.';
}

/** Said when a transcript did not arrive in time, or could not be read. */
export function clipGaveUpText(preview?: string): string {
  const heard = preview ? ` It began: “${escapeMrkdwn(truncateAtWord(preview, 120))}”` : '';
  return `:mute: I could not get the transcript of your clip from Slack, so it is not scored.${heard} Type your answer in this thread instead, or post the clip again.`;
}
