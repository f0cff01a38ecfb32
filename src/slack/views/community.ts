import type { KnownBlock, View } from '@slack/types';
import { LEADERSHIP_PRINCIPLES, lpName } from '../../core/lp.js';
import type { Digest, LeaderboardRow, LeaderboardWindow } from '../../services/community.js';
import { ACTION_IDS } from '../ids.js';
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
} from './limits.js';
import { VERDICT_EMOJI } from './practice.js';

const WINDOW_LABEL: Record<LeaderboardWindow, string> = {
  week: 'this week',
  month: 'the last 30 days',
  all: 'all time',
};

export function leaderboardMessage(rows: readonly LeaderboardRow[], window: LeaderboardWindow): MessageBody {
  if (rows.length === 0)
    return message('No answers yet.', [section(`No answers in this channel for ${WINDOW_LABEL[window]} yet.`)]);
  const medal = ['🥇', '🥈', '🥉'];
  const lines = rows.map(
    (r, i) =>
      `${medal[i] ?? `${i + 1}.`} <@${r.userId}> · ${r.answers} answer${r.answers === 1 ? '' : 's'} · avg ${r.averageCombined}/100 · reviews ${r.reviewsGiven} given, ${r.reviewsReceived} received · :fire: ${r.streak}`,
  );
  return message(`Leaderboard for ${WINDOW_LABEL[window]}`, [
    header(`Leaderboard · ${WINDOW_LABEL[window]}`),
    section(lines.join('\n')),
    context(
      'Average is the combined score: the rubric, and peer reviews where there are any (70/30). :fire: is the current streak of scheduled days answered.',
    ),
  ]);
}

export function digestMessage(digest: Digest): MessageBody {
  const blocks: KnownBlock[] = [header('Weekly practice digest')];
  blocks.push(
    section(
      `*Participation:* ${digest.answers} answer${digest.answers === 1 ? '' : 's'} from ${digest.people} ${digest.people === 1 ? 'person' : 'people'} this week.`,
    ),
  );
  if (digest.mostImproved)
    blocks.push(
      section(
        `*Most improved:* <@${digest.mostImproved.userId}>, from ${digest.mostImproved.from} to ${digest.mostImproved.to} on average.`,
      ),
    );
  if (digest.strongest) {
    blocks.push(
      section(
        `*Strongest answer* (${digest.strongest.combined}/100) by <@${digest.strongest.userId}>:\n>${escapeMrkdwn(truncateAtWord(digest.strongest.excerpt.replace(/\s+/g, ' '), 280))}`,
      ),
    );
  }
  if (digest.topFlags.length > 0) {
    blocks.push(
      section(
        `*The team's most frequent flags*\n${digest.topFlags.map((f) => `• \`${f.id}\` in ${f.count} answer${f.count === 1 ? '' : 's'}: ${escapeMrkdwn(f.tip)}`).join('\n')}`,
      ),
    );
  }
  blocks.push(context('Only answers in this channel count; private practice is never quoted.'));
  return message(`Weekly digest: ${digest.answers} answers from ${digest.people} people`, blocks);
}

export interface HomeData {
  sessions: number;
  answers: number;
  streak: number;
  perLp: Map<string, { average: number; count: number }>;
  flags: { id: string; last30: number; previous30: number }[];
  recent: { lp: string; verdict: string; overall: number; createdAt: string; kind: string }[];
  weakestLp: string;
}

const trend = (now: number, before: number) =>
  now < before ? ':arrow_down_small: fewer' : now > before ? ':arrow_up_small: more' : '→ same';

/** The App Home dashboard, well inside the 100-block limit of a Home view. */
export function homeView(data: HomeData): View {
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
  blocks.push(context('Only you see this page. `/star export` sends you all your data; `/star forget-me` deletes it.'));
  return { type: 'home', blocks };
}

export function forgetConfirmMessage(): MessageBody {
  return message('Delete all your STAR Coach data?', [
    section(
      ':warning: This deletes all your answers, scores, follow-ups, quiz attempts, settings and the peer reviews you gave and received. It cannot be undone.',
    ),
    { type: 'actions', elements: [button('Delete everything', ACTION_IDS.forgetConfirm, 'confirm', 'danger')] },
  ]);
}
