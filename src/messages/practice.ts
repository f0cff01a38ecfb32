import type { KnownBlock, View } from '@slack/types';
import { formatSeconds, PART_LABEL, topFixes } from '../core/feedback.js';
import { LEVEL_NAMES, type Level, lpName, STAR_PARTS, type StarPart } from '../core/lp.js';
import type { CatalogProbe } from '../core/questions.js';
import type { RubricResult } from '../core/rubric/index.js';
import { targetSecondsFor } from '../core/rubric/timing.js';
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
import { fixLines, VERDICT_EMOJI, verdictLine } from './feedback.js';
import { ACTION_IDS, VIEW_IDS } from './ids.js';

export { feedbackMessage, VERDICT_EMOJI, VERDICT_LABEL } from './feedback.js';

/** The question that opens a DM practice session; answers go in its thread. */
export function questionMessage(
  scenario: Scenario,
  level: Level,
  sessionId: number,
  levelIsDefault = false,
): MessageBody {
  const targets = targetSecondsFor(level, scenario);
  const total = STAR_PARTS.reduce((n, p) => n + targets[p], 0);
  const timing = STAR_PARTS.map((p) => `${PART_LABEL[p]} ${formatSeconds(targets[p])}`).join(' · ');
  return message(`${lpName(scenario.lp)}: ${scenario.question}`, [
    header(`${lpName(scenario.lp)} · ${LEVEL_NAMES[level]}`),
    section(`*${escapeMrkdwn(scenario.question)}*`),
    context(`:stopwatch: Aim for about ${formatSeconds(total)} spoken: ${timing}.`),
    ...(levelIsDefault
      ? [
          context(
            `Judged at ${LEVEL_NAMES[level]}, the default, as you have not chosen a level: \`/star level sde1|sde2|senior\`.`,
          ),
        ]
      : []),
    section(
      'Reply *in this thread*. Several messages count as one answer until you press *Follow-up questions* on my feedback; edit a message and I score it again.',
    ),
    {
      type: 'actions',
      elements: [button('Answer in a form (one box per STAR part)', ACTION_IDS.openAnswerForm, String(sessionId))],
    },
  ]);
}

/** A follow-up probe question, as a bar raiser asks it. */
export function probeQuestionBlocks(probe: CatalogProbe, index: number, total: number): KnownBlock[] {
  return [
    section(`:mag: *Follow-up ${index + 1} of ${total}:* ${escapeMrkdwn(probe.question)}`),
    context('Reply in this thread.'),
  ];
}

export function probeQuestionMessage(probe: CatalogProbe, index: number, total: number): MessageBody {
  return message(`Follow-up ${index + 1} of ${total}: ${probe.question}`, probeQuestionBlocks(probe, index, total));
}

/** Feedback on a probe reply, then the next probe (or the end of the session). */
export function probeFeedbackMessage(
  result: RubricResult,
  probe: CatalogProbe,
  next: { probe: CatalogProbe; index: number; total: number } | undefined,
): MessageBody {
  const blocks: KnownBlock[] = [section(`${VERDICT_EMOJI[result.verdict]} *${verdictLine(result)}* on the follow-up`)];
  const fixes = topFixes(result);
  if (fixes.length > 0) blocks.push(section(fixLines(fixes, { quotes: 2, numbered: false }).join('\n')));
  blocks.push(context(`This probes: ${escapeMrkdwn(probe.probes)}`));
  if (probe.strong)
    blocks.push(
      section(`*A strong reply:* ${escapeMrkdwn(probe.strong.answer)}\n_${escapeMrkdwn(probe.strong.takeaway)}_`),
    );
  if (next) blocks.push(divider(), ...probeQuestionBlocks(next.probe, next.index, next.total));
  else
    blocks.push(
      divider(),
      section(
        ':checkered_flag: That was the last follow-up. `/star practice` for another question, `/star stats` for your progress.',
      ),
    );
  const text = `${verdictLine(result)} on the follow-up.${next ? ` Next: ${next.probe.question}` : ''}`;
  return message(text, blocks);
}

/** Shown in place of feedback when every message of an answer was deleted. */
export function deletedAnswerMessage(): MessageBody {
  return message('Answer deleted.', [
    context(':wastebasket: You deleted this answer, so it no longer counts in your scores.'),
  ]);
}

export function notice(text: string): MessageBody {
  return message(text, [section(text)]);
}

const FORM_PLACEHOLDERS: Record<StarPart, string> = {
  situation: 'The team, the system, the problem and who felt it (about 30 s).',
  task: 'What you had to achieve, and why it fell to you.',
  action: 'What you did, step by step, each sentence starting with "I".',
  result: 'The measured outcome: before and after, in numbers.',
  reflection: 'What this taught you and what you now do differently.',
};

/** A modal with one box per STAR part, for a structured answer. */
export function answerFormView(sessionId: number, scenario: Scenario): View {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.answerForm,
    private_metadata: String(sessionId),
    title: { type: 'plain_text', text: 'Your STAR answer' },
    submit: { type: 'plain_text', text: 'Score it' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`*${escapeMrkdwn(truncateAtWord(scenario.question, 2900))}*`),
      ...STAR_PARTS.map((part) => ({
        type: 'input' as const,
        block_id: part,
        optional: part === 'reflection',
        label: { type: 'plain_text' as const, text: PART_LABEL[part] },
        element: {
          type: 'plain_text_input' as const,
          action_id: 'value',
          multiline: true,
          max_length: 3000,
          placeholder: { type: 'plain_text' as const, text: FORM_PLACEHOLDERS[part] },
        },
      })),
    ],
  };
}

/** Joins the form's boxes into one labelled answer, which the rubric reads by its labels. */
export function formAnswerText(values: Partial<Record<StarPart, string>>): string {
  return STAR_PARTS.filter((p) => values[p]?.trim())
    .map((p) => `${PART_LABEL[p]}: ${values[p]?.trim()}`)
    .join('\n');
}

/** Offers a DM message posted outside the question's thread as the answer, with one button. */
export function useAsAnswerMessage(question: string, probeIndex: number | undefined, value: string): MessageBody {
  const what = probeIndex === undefined ? 'your answer to' : `your reply to follow-up ${probeIndex + 1} on`;
  const label = probeIndex === undefined ? 'Use as my answer' : 'Use as my follow-up reply';
  return message(`Is that ${what} “${question}”?`, [
    section(`Is that ${what} *${escapeMrkdwn(truncateAtWord(question, 300))}*?`),
    { type: 'actions', elements: [button(label, ACTION_IDS.useAsAnswer, value, 'primary')] },
    context('Answers in the question’s thread count without asking.'),
  ]);
}
