// What each person in a mock gets when they press Start: the interviewer's kit (the question, what
// it tests, target times, probes with weak and strong replies, the red flags, the bar), the
// candidate's brief (how it will go, never the question) and the observer's (the bar to learn).
import type { KnownBlock } from '@slack/types';
import { formatSeconds } from '../core/feedback.js';
import { FLAG_WORDS } from '../core/flag-words.js';
import { LEADERSHIP_PRINCIPLES, LEVEL_NAMES, type Level, lpName, STAR_PARTS } from '../core/lp.js';
import type { Mock } from '../core/mocks.js';
import type { FollowUp, Scenario } from '../core/scenario.js';
import { button, context, escapeMrkdwn, header, type MessageBody, message, section, truncateAtWord } from './blocks.js';
import { ACTION_IDS } from './ids.js';
import { MODE_RULES, person } from './mocks.js';

const PART_NAME = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  reflection: 'Reflection',
};
/** Probes in the kit: more than a mock has time for would only bury the best ones. */
const MAX_PROBES = 4;
const MAX_FOLLOW_UPS = 4;
const MAX_SAMPLE = 420;
/** The LP-level follow-ups that suit a spoken mock best, in the order they are offered. */
const FOLLOW_UP_GAPS = [
  'own-part',
  'measurement',
  'trade-off',
  'failure',
  'differently',
  'data',
  'stakeholder',
  'scope',
];

const clip = (text: string, max = MAX_SAMPLE) => escapeMrkdwn(truncateAtWord(text.replace(/\s+/g, ' ').trim(), max));

function timing(scenario: Scenario, level: Level): string {
  const story = scenario.levels[level].story;
  const total = STAR_PARTS.reduce((n, p) => n + story[p].targetSeconds, 0);
  return `about ${formatSeconds(total)} in all: ${STAR_PARTS.map((p) => `${PART_NAME[p]} ${formatSeconds(story[p].targetSeconds)}`).join(' · ')}`;
}

/** The red flags, in the words the scorecard uses. */
export function redFlagLines(): string {
  return Object.values(FLAG_WORDS)
    .map((f) => `• *${f.label}:* ${f.listenFor}`)
    .join('\n');
}

const meaning = (lp: string) => LEADERSHIP_PRINCIPLES.find((p) => p.id === lp)?.meaning ?? '';

/** The interviewer's kit, in their DM only. */
export function interviewerKitMessage(
  mock: Mock,
  scenario: Scenario,
  followUps: readonly FollowUp[],
  chosen: 'weakest' | 'new',
): MessageBody {
  const level = mock.level;
  const variant = scenario.levels[level];
  const mode = mock.mode ?? 'learning';
  const blocks: KnownBlock[] = [
    header(`Interviewer kit · ${lpName(scenario.lp)} · ${LEVEL_NAMES[level]}`),
    section(
      `For your ${MODE_RULES[mode].name.toLowerCase()} with ${person(mock.candidateId)}. Only you get this kit: keep the question to yourself until you ask it.`,
    ),
    section(`*Ask:* *${escapeMrkdwn(scenario.question)}*`),
    section(
      `*What it tests:* ${lpName(scenario.lp)}: ${meaning(scenario.lp)} At ${LEVEL_NAMES[level]}: ${escapeMrkdwn(variant.focus)}\n_${chosen === 'weakest' ? `Chosen from ${person(mock.candidateId)}’s weakest principles in practice so far.` : `${person(mock.candidateId)} has not practised this principle here yet: a fresh question.`}_`,
    ),
    section(`*Target time* (${timing(scenario, level)}). Past about a minute over, the answer is too long.`),
    section(`*How to run it (${MODE_RULES[mode].name}):* ${MODE_RULES[mode].rules}`),
  ];
  scenario.probes.slice(0, MAX_PROBES).forEach((probe, i) => {
    blocks.push(
      section(
        `*Probe ${i + 1}:* ${escapeMrkdwn(probe.question)}\n_Tests:_ ${escapeMrkdwn(probe.probes)}\n:small_red_triangle_down: *A weak reply:* “${clip(probe.weak.answer)}” ${clip(probe.weak.why, 300)}\n:small_blue_diamond: *A strong reply:* “${clip(probe.strong.answer)}” ${clip(probe.strong.takeaway, 300)}`,
      ),
    );
  });
  const extra = [...followUps]
    .sort((a, b) => FOLLOW_UP_GAPS.indexOf(a.gap) - FOLLOW_UP_GAPS.indexOf(b.gap))
    .slice(0, MAX_FOLLOW_UPS);
  if (extra.length > 0)
    blocks.push(
      section(
        `*More follow-ups for ${lpName(scenario.lp)}:*\n${extra.map((f) => `• ${escapeMrkdwn(f.question)} _Listen for:_ ${clip(f.listensFor, 200)}`).join('\n')}`,
      ),
    );
  blocks.push(section(`*Red flags to listen for* (the scorecard has a box for each):\n${redFlagLines()}`));
  blocks.push(section(`*The bar at ${LEVEL_NAMES[level]}:* ${escapeMrkdwn(variant.bar)}`));
  if (scenario.nearBar)
    blocks.push(
      section(
        `*Just at the bar* (judged at ${LEVEL_NAMES[scenario.nearBar.level]}): “${clip(scenario.nearBar.answer, 700)}”\n_Verdict:_ ${clip(scenario.nearBar.verdict, 500)}`,
      ),
    );
  blocks.push(
    {
      type: 'actions',
      elements: [button('Fill in the scorecard', ACTION_IDS.mockScorecard, String(mock.id), 'primary')],
    },
    context(
      `After the mock, the scorecard goes to ${person(mock.candidateId)} by DM and shows in both your App Homes. Public views count mocks, never scores.`,
    ),
  );
  return message(`Interviewer kit for your mock with ${person(mock.candidateId)}`, blocks);
}

/** The candidate's brief: how the mock will go and the time to aim for, never the question. */
export function candidateBriefMessage(mock: Mock, scenario: Scenario): MessageBody {
  const mode = mock.mode ?? 'learning';
  return message('Your mock interview: how it will go', [
    header(`Your mock interview · ${LEVEL_NAMES[mock.level]}`),
    section(
      `${person(mock.interviewerId)} will ask you one behavioural question and its follow-ups. You hear the question in the mock, not before: that is the practice. *${MODE_RULES[mode].name}:* ${MODE_RULES[mode].rules}`,
    ),
    section(`*Aim for* ${timing(scenario, mock.level)}.`),
    section(
      '*Tips:* take a breath before you start; say “I” for what you did; give the before and after in numbers; end with what you do differently now.',
    ),
    {
      type: 'actions',
      elements: [button('Paste my answer (after the mock)', ACTION_IDS.mockPasteAnswer, String(mock.id))],
    },
    context('Afterwards, paste what you said as text to see the rubric’s view beside the interviewer’s scorecard.'),
  ]);
}

/** The observer's brief: the bar and the red flags, not the question. */
export function observerBriefMessage(mock: Mock, scenario: Scenario): MessageBody {
  return message('Observing a mock interview', [
    header(`Observing a mock · ${LEVEL_NAMES[mock.level]}`),
    section(
      `You are shadowing ${person(mock.interviewerId)} interviewing ${person(mock.candidateId)}. Stay quiet until the feedback, then say what you heard against the bar.`,
    ),
    section(`*The bar at ${LEVEL_NAMES[mock.level]}:* ${escapeMrkdwn(scenario.levels[mock.level].bar)}`),
    section(`*Red flags to listen for:*\n${redFlagLines()}`),
  ]);
}
