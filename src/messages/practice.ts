import type { KnownBlock, View } from '@slack/types';
import { LEVEL_NAMES, type Level, lpName, STAR_PARTS, type StarPart } from '../core/lp.js';
import type { Flag, RubricResult, Verdict } from '../core/rubric/index.js';
import { DIMENSIONS } from '../core/rubric/index.js';
import { targetSecondsFor } from '../core/rubric/timing.js';
import type { Probe, Scenario } from '../core/scenario.js';
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
import { ACTION_IDS, VIEW_IDS } from './ids.js';

export const VERDICT_LABEL: Record<Verdict, string> = {
  'strong-hire': 'Strong hire',
  'lean-hire': 'Lean hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};

export const VERDICT_EMOJI: Record<Verdict, string> = {
  'strong-hire': ':large_green_circle:',
  'lean-hire': ':large_yellow_circle:',
  'lean-no-hire': ':large_orange_circle:',
  'no-hire': ':red_circle:',
};

const PART_LABEL: Record<StarPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  reflection: 'Reflection',
};

/** Flags listed in one feedback message; the rest are counted. */
const MAX_FLAGS_SHOWN = 8;
const MAX_QUOTE = 90;

/** The question that opens a DM practice session; answers go in its thread. */
export function questionMessage(scenario: Scenario, level: Level, sessionId: number): MessageBody {
  const targets = targetSecondsFor(level, scenario);
  const total = STAR_PARTS.reduce((n, p) => n + targets[p], 0);
  const timing = STAR_PARTS.map((p) => `${PART_LABEL[p]} ${targets[p]} s`).join(' · ');
  return message(`${lpName(scenario.lp)}: ${scenario.question}`, [
    header(`${lpName(scenario.lp)} · ${LEVEL_NAMES[level]}`),
    section(`*${escapeMrkdwn(scenario.question)}*`),
    context(`:stopwatch: Aim for about ${total} s spoken: ${timing}.`),
    section(
      'Reply *in this thread*. Several messages count as one answer until you press *Follow-up questions* on my feedback; edit a message and I score it again.',
    ),
    {
      type: 'actions',
      elements: [button('Answer in a form (one box per STAR part)', ACTION_IDS.openAnswerForm, String(sessionId))],
    },
  ]);
}

function bar(score: number): string {
  const filled = Math.round(score / 10);
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}

function quote(text: string): string {
  return escapeMrkdwn(truncateAtWord(text.replace(/\s+/g, ' ').trim(), MAX_QUOTE));
}

function flagLines(flags: readonly Flag[]): string[] {
  const shown = flags.slice(0, MAX_FLAGS_SHOWN);
  const lines = shown.map((f) => {
    const where = f.part ? ` (${PART_LABEL[f.part]})` : '';
    const said = f.quote.trim() ? `“${quote(f.quote)}” ` : '';
    return `• \`${f.id}\`${where}: ${said}${escapeMrkdwn(f.message)}\n    → ${escapeMrkdwn(f.fix)}`;
  });
  if (flags.length > shown.length) lines.push(`…and ${flags.length - shown.length} more.`);
  return lines;
}

/** The one thing to do next: the most serious flag's fix, else the weakest dimension. */
export function nextStep(result: RubricResult): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const worst = [...result.flags].sort((a, b) => order[a.severity] - order[b.severity])[0];
  if (worst) return worst.fix;
  const weakest = DIMENSIONS.reduce((a, b) => (result.dimensions[a] <= result.dimensions[b] ? a : b));
  const tips: Record<string, string> = {
    ownership: 'Start more Action sentences with "I" and a concrete verb.',
    impact: 'Add the before and after in numbers, then what it meant for customers or the business.',
    structure: 'Label your parts (Situation, Task, Action, Result) or give each its own paragraph.',
    delivery: 'Read it aloud against a timer and cut whatever does not move the story.',
    reflection: 'End with a lesson only this story could teach, and what you now do differently.',
  };
  return tips[weakest];
}

function timingBlock(result: RubricResult): KnownBlock {
  const rows = result.parts.map((p) => {
    const status = !p.found
      ? 'missing'
      : p.seconds > p.targetSeconds * 1.5
        ? 'long'
        : p.seconds < p.targetSeconds * 0.3
          ? 'thin'
          : 'ok';
    return `${PART_LABEL[p.part].padEnd(10)} ${String(p.seconds).padStart(4)} s / ${String(p.targetSeconds).padStart(3)} s  ${status}`;
  });
  rows.push(
    `${'Total'.padEnd(10)} ${String(result.seconds).padStart(4)} s / ${String(result.targetSeconds).padStart(3)} s`,
  );
  return section(`*Timing* (spoken at 150 words a minute)\n\`\`\`${rows.join('\n')}\`\`\``);
}

function scoreBlock(result: RubricResult): KnownBlock {
  const lines = DIMENSIONS.map((d) => `\`${d.padEnd(10)}\` ${bar(result.dimensions[d])} ${result.dimensions[d]}`);
  return section(lines.join('\n'));
}

function strengthsLine(result: RubricResult): string | undefined {
  const picked = result.strengths.filter((s) => s.id !== 'i-statement' && s.id !== 'key-phrase').slice(0, 3);
  const iCount = result.strengths.filter((s) => s.id === 'i-statement').length;
  const parts = picked.map((s) => `“${quote(s.quote)}” (${s.id})`);
  if (iCount > 0) parts.unshift(`${iCount} “I” sentence${iCount === 1 ? '' : 's'} with a concrete verb`);
  return parts.length > 0 ? `:white_check_mark: *Strengths:* ${parts.join(' · ')}` : undefined;
}

/** Feedback on a main answer, with the button that moves on to the follow-up probes. */
export function feedbackMessage(
  result: RubricResult,
  options: { sessionId: number; probeCount: number; probesStarted: boolean; messages: number },
): MessageBody {
  const blocks: KnownBlock[] = [
    header(`${VERDICT_LABEL[result.verdict]} · ${result.overall}/100`),
    context(
      `${VERDICT_EMOJI[result.verdict]} ${LEVEL_NAMES[result.level]}${result.lp ? ` · ${lpName(result.lp)}` : ''} · ${result.words} words${options.messages > 1 ? ` from ${options.messages} messages` : ''}`,
    ),
    scoreBlock(result),
  ];
  if (result.flags.length > 0) blocks.push(section(`*What to fix*\n${flagLines(result.flags).join('\n')}`));
  else blocks.push(section('*What to fix*\nNothing flagged. :tada:'));
  blocks.push(timingBlock(result));
  const strengths = strengthsLine(result);
  if (strengths) blocks.push(section(strengths));
  blocks.push(section(`:point_right: *Next step:* ${escapeMrkdwn(nextStep(result))}`));
  if (!options.probesStarted && options.probeCount > 0) {
    blocks.push(divider(), {
      type: 'actions',
      elements: [
        button(
          `Follow-up questions (${options.probeCount})`,
          ACTION_IDS.startProbes,
          String(options.sessionId),
          'primary',
        ),
      ],
    });
    blocks.push(
      context('Want to add to your answer first? Post another message in this thread; I score them together.'),
    );
  }
  return message(`${VERDICT_LABEL[result.verdict]} ${result.overall}/100. ${nextStep(result)}`, blocks);
}

/** A follow-up probe question, as a bar raiser asks it. */
export function probeQuestionBlocks(probe: Probe, index: number, total: number): KnownBlock[] {
  return [
    section(`:mag: *Follow-up ${index + 1} of ${total}:* ${escapeMrkdwn(probe.question)}`),
    context('Reply in this thread.'),
  ];
}

export function probeQuestionMessage(probe: Probe, index: number, total: number): MessageBody {
  return message(`Follow-up ${index + 1} of ${total}: ${probe.question}`, probeQuestionBlocks(probe, index, total));
}

/** Feedback on a probe reply, then the next probe (or the end of the session). */
export function probeFeedbackMessage(
  result: RubricResult,
  probe: Probe,
  next: { probe: Probe; index: number; total: number } | undefined,
): MessageBody {
  const blocks: KnownBlock[] = [
    section(
      `${VERDICT_EMOJI[result.verdict]} *${VERDICT_LABEL[result.verdict]} · ${result.overall}/100* on the follow-up`,
    ),
  ];
  if (result.flags.length > 0) blocks.push(section(flagLines(result.flags).join('\n')));
  blocks.push(
    context(`This probes: ${escapeMrkdwn(probe.probes)}`),
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
  const text = `${VERDICT_LABEL[result.verdict]} ${result.overall}/100 on the follow-up.${next ? ` Next: ${next.probe.question}` : ''}`;
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
