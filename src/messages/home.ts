import type { KnownBlock, View } from '@slack/types';
import { LEADERSHIP_PRINCIPLES, lpName } from '../core/lp.js';
import { type MockWithScorecard, roleOf } from '../core/mocks.js';
import type { HomeData } from '../core/reports.js';
import { DIMENSIONS } from '../core/rubric/index.js';
import { button, context, divider, header, section } from './blocks.js';
import { ACTION_IDS } from './ids.js';
import { MODE_RULES, person } from './mocks.js';
import { VERDICT_EMOJI, VERDICT_LABEL } from './practice.js';

const trend = (now: number, before: number) =>
  now < before ? ':arrow_down_small: fewer' : now > before ? ':arrow_up_small: more' : '→ same';

/** One line per mock: what it was, and for the candidate and the interviewer, the scorecard. */
function mockLine(mock: MockWithScorecard, viewerId: string): string {
  const date = mock.createdAt.slice(0, 10);
  const role = roleOf(mock, viewerId);
  const mode = mock.mode ? ` (${MODE_RULES[mock.mode].name.toLowerCase()})` : '';
  const planned = mock.status === 'planned';
  const who =
    role === 'candidate'
      ? `you ${planned ? 'are' : 'were'} the candidate with ${person(mock.interviewerId)}${mode}`
      : role === 'interviewer'
        ? `you ${planned ? 'interview' : 'interviewed'} ${person(mock.candidateId)}${mode}`
        : `you ${planned ? 'observe' : 'observed'} ${person(mock.interviewerId)} interviewing ${person(mock.candidateId)}`;
  const card = mock.scorecard;
  if (planned) return `:calendar: ${date} · planned: ${who}`;
  if (mock.status === 'cancelled') return `:no_entry_sign: ${date} · called off: ${who}`;
  if (mock.status === 'no-show') return `:ghost: ${date} · no-show: ${who}`;
  if (!card || role === 'observer')
    return `:white_check_mark: ${date} · ${who}${role === 'observer' ? '' : ' · scorecard not sent yet'}`;
  const verdict = `${VERDICT_EMOJI[card.verdict]} ${VERDICT_LABEL[card.verdict]}`;
  if (role === 'interviewer') return `:white_check_mark: ${date} · ${who} · you recommended ${verdict}`;
  return `:white_check_mark: ${date} · ${who} · ${verdict} · ${DIMENSIONS.map((d) => `${d} ${card.ratings[d]}/4`).join(' · ')}`;
}

/** The App Home dashboard, well inside the 100-block limit of a Home view. */
export function homeView(data: HomeData, mocks: readonly MockWithScorecard[] = [], viewerId = ''): View {
  const blocks: KnownBlock[] = [
    header('Your STAR practice'),
    section(
      `*Practice sessions:* ${data.sessions} · *Answers scored:* ${data.answers} · :fire: *Streak:* ${data.streak} day${data.streak === 1 ? '' : 's'}`,
    ),
    {
      type: 'actions',
      elements: [
        button(`Practise ${lpName(data.weakestLp)}`, ACTION_IDS.homePractice, data.weakestLp, 'primary'),
        button('Take a quiz', ACTION_IDS.homeQuiz, 'any'),
        button('Open a walkthrough', ACTION_IDS.homeLearn, data.weakestLp),
      ],
    },
    divider(),
    section('*Your average per Leadership Principle*'),
  ];
  const cells = LEADERSHIP_PRINCIPLES.map((lp) => {
    const stat = data.perLp.get(lp.id);
    return { type: 'mrkdwn' as const, text: `*${lp.name}*\n${stat ? `${stat.average}/100 · ${stat.count}` : '–'}` };
  });
  for (let i = 0; i < cells.length; i += 10) blocks.push({ type: 'section', fields: cells.slice(i, i + 10) });
  blocks.push(divider(), section('*Your most frequent flags* (last 30 days, against the 30 before)'));
  blocks.push(
    section(
      data.flags.length > 0
        ? data.flags
            .map((f) => `• \`${f.id}\`: ${f.last30} (${trend(f.last30, f.previous30)} than ${f.previous30})`)
            .join('\n')
        : 'No flags yet.',
    ),
  );
  blocks.push(divider(), section('*Recent answers*'));
  blocks.push(
    section(
      data.recent.length > 0
        ? data.recent
            .map(
              (r) =>
                `${VERDICT_EMOJI[r.verdict as keyof typeof VERDICT_EMOJI] ?? ''} ${r.createdAt.slice(0, 10)} · ${lpName(r.lp)}${r.kind === 'probe' ? ' (follow-up)' : ''} · ${r.overall}/100`,
            )
            .join('\n')
        : 'No answers yet. Press *Practise* above to start.',
    ),
  );
  if (mocks.length > 0)
    blocks.push(
      divider(),
      section('*Your mock interviews*'),
      section(mocks.map((m) => mockLine(m, viewerId)).join('\n')),
    );
  blocks.push(context('Only you see this page. `/star export` sends you all your data; `/star forget-me` deletes it.'));
  return { type: 'home', blocks };
}
