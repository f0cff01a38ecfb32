import type { KnownBlock } from '@slack/types';
import { formatSeconds } from '../core/feedback.js';
import { LEVEL_NAMES, LEVELS, lpName, STAR_PARTS, type StarPart } from '../core/lp.js';
import type { Scenario } from '../core/scenario.js';
import { button, context, escapeMrkdwn, header, type MessageBody, message, section } from './blocks.js';
import { ACTION_IDS } from './ids.js';

const STEP_TITLE: Record<StarPart, string> = {
  situation: 'S · Situation',
  task: 'T · Task',
  action: 'A · Action',
  result: 'R · Result',
  reflection: 'L · Reflection',
};

/** Pages of a walkthrough: overview, the five steps, the weak answer, then lenses and levels. */
export const LEARN_PAGE_COUNT = 1 + STAR_PARTS.length + 2;

function pageBlocks(scenario: Scenario, page: number): KnownBlock[] {
  if (page === 0) {
    return [section(`*${escapeMrkdwn(scenario.question)}*`), section(escapeMrkdwn(scenario.overview))];
  }
  if (page <= STAR_PARTS.length) {
    const part = STAR_PARTS[page - 1];
    const step = scenario.steps[part];
    return [
      section(`*${STEP_TITLE[part]}* · about ${formatSeconds(step.targetSeconds)}`),
      section(`*Strong example*\n>${escapeMrkdwn(step.example).replace(/\n/g, '\n>')}`),
      section(`*Key phrases:* ${step.keyPhrases.map((p) => `“${escapeMrkdwn(p)}”`).join(' · ')}`),
      section(`:bulb: *Coaching:* ${escapeMrkdwn(step.coaching)}`),
      section(`:warning: *Common mistake:* ${escapeMrkdwn(step.commonMistake)}`),
    ];
  }
  if (page === STAR_PARTS.length + 1) {
    const weak = scenario.weakAnswer;
    return [
      section(`*A weak answer*\n>${escapeMrkdwn(weak.answer)}`),
      section(weak.critiques.map((c) => `• ${escapeMrkdwn(c)}`).join('\n')),
      section(`:scales: *The bar raiser thinks:* ${escapeMrkdwn(weak.verdict)}`),
    ];
  }
  return [
    section('*The same story through other principles*'),
    ...scenario.lenses.map((lens) =>
      section(
        `*${lpName(lens.lp)}*: ${escapeMrkdwn(lens.leadWith)}\n:white_check_mark: ${escapeMrkdwn(lens.emphasise)}\n:arrow_down: ${escapeMrkdwn(lens.downplay)}`,
      ),
    ),
    section('*By level*'),
    ...LEVELS.map((level) => {
      const v = scenario.levels[level];
      return section(
        `*${LEVEL_NAMES[level]}* (${formatSeconds(v.timeBudgetSeconds)}): ${escapeMrkdwn(v.focus)}\n_Reflection:_ ${escapeMrkdwn(v.reflection)}\n_Bar:_ ${escapeMrkdwn(v.bar)}`,
      );
    }),
  ];
}

/** One page of a scenario walkthrough with Back and Next buttons. */
export function learnMessage(scenario: Scenario, page: number): MessageBody {
  const current = Math.max(0, Math.min(LEARN_PAGE_COUNT - 1, page));
  const nav = [];
  if (current > 0) nav.push(button('◀ Back', ACTION_IDS.learnBack, `${scenario.id}:${current - 1}`));
  if (current < LEARN_PAGE_COUNT - 1)
    nav.push(button('Next ▶', ACTION_IDS.learnNext, `${scenario.id}:${current + 1}`, 'primary'));
  // The walkthrough ends where practice starts: the same question, answered in your own words.
  else nav.push(button('Practise this question', ACTION_IDS.learnPractise, scenario.id, 'primary'));
  const blocks: KnownBlock[] = [
    header(`Walkthrough · ${lpName(scenario.lp)}`),
    context(`${escapeMrkdwn(scenario.title)} · page ${current + 1} of ${LEARN_PAGE_COUNT}`),
    ...pageBlocks(scenario, current),
  ];
  if (nav.length > 0) blocks.push({ type: 'actions', elements: nav });
  return message(`Walkthrough: ${scenario.title} (page ${current + 1} of ${LEARN_PAGE_COUNT})`, blocks);
}
