import type { KnownBlock, View } from '@slack/types';
import { plural } from '../core/feedback.js';
import { flagLabel } from '../core/flag-words.js';
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

/** The Home tab before any answer: where to start, and every LP new. */
function startCard(data: HomeData): KnownBlock[] {
  const first = data.newLp ?? LEADERSHIP_PRINCIPLES[0].id;
  return [
    header('Start here'),
    section(
      'Practise one behavioural question: answer it in writing, get a verdict and the three things to fix first, then a strong answer to compare with. About ten minutes.',
    ),
    {
      type: 'actions',
      elements: [
        button(`Practise ${lpName(first)}`, ACTION_IDS.homePractice, first, 'primary'),
        button('Take a quiz', ACTION_IDS.homeQuiz, 'any'),
        button('Open a walkthrough', ACTION_IDS.homeLearn, first),
      ],
    },
    context(
      `Your level: set it with \`/star level sde1|sde2|senior\`. ${data.sessions > 0 ? `${plural(data.sessions, 'session')} started, none answered yet.` : ''}`,
    ),
    divider(),
    section(`*The ${LEADERSHIP_PRINCIPLES.length} Leadership Principles*, all :new: for you`),
    section(LEADERSHIP_PRINCIPLES.map((lp) => `:new: ${lp.name}`).join('\n')),
    context('Only you see this page. `/star export` sends you all your data; `/star forget-me` deletes it.'),
  ];
}

/** The App Home dashboard, well inside the 100-block limit of a Home view. */
export function homeView(data: HomeData, mocks: readonly MockWithScorecard[] = [], viewerId = ''): View {
  if (data.answers === 0 && mocks.length === 0) return { type: 'home', blocks: startCard(data) };
  const streak =
    data.streak > 0 ? ` · :fire: *Streak:* ${plural(data.streak, 'day')}` : ' · Answer today to start a streak';
  const practise = data.weakestLp ?? data.newLp ?? LEADERSHIP_PRINCIPLES[0].id;
  const blocks: KnownBlock[] = [
    header('Your STAR practice'),
    section(`*Practice:* ${plural(data.sessions, 'session')} · ${plural(data.answers, 'answer')} scored${streak}`),
    {
      type: 'actions',
      elements: [
        button(
          data.weakestLp ? `Practise your weakest: ${lpName(practise)}` : `Practise ${lpName(practise)}`,
          ACTION_IDS.homePractice,
          practise,
          'primary',
        ),
        ...(data.newLp && data.newLp !== practise
          ? [button(`Try a new one: ${lpName(data.newLp)}`, ACTION_IDS.homePractice, data.newLp)]
          : []),
        button('Take a quiz', ACTION_IDS.homeQuiz, 'any'),
        button('Open a walkthrough', ACTION_IDS.homeLearn, practise),
      ],
    },
    divider(),
    section('*Your average per Leadership Principle*'),
  ];
  const cells = LEADERSHIP_PRINCIPLES.map((lp) => {
    const stat = data.perLp.get(lp.id);
    return {
      type: 'mrkdwn' as const,
      text: `*${lp.name}*\n${stat ? `${stat.average}/100 · ${plural(stat.count, 'answer')}` : ':new: not tried yet'}`,
    };
  });
  for (let i = 0; i < cells.length; i += 10) blocks.push({ type: 'section', fields: cells.slice(i, i + 10) });
  blocks.push(divider(), section('*Your most frequent flags* (last 30 days, against the 30 before)'));
  blocks.push(
    section(
      data.flags.length > 0
        ? data.flags
            .map((f) => `• ${flagLabel(f.id)}: ${f.last30} (${trend(f.last30, f.previous30)} than ${f.previous30})`)
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
