import type { KnownBlock } from '@slack/types';
import { flagLabel } from '../core/flag-words.js';
import type { Digest, LeaderboardRow, LeaderboardWindow } from '../core/reports.js';
import { button, context, escapeMrkdwn, header, type MessageBody, message, section, truncateAtWord } from './blocks.js';
import { ACTION_IDS } from './ids.js';

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
      `${medal[i] ?? `${i + 1}.`} <@${r.userId}> · ${r.answers} answer${r.answers === 1 ? '' : 's'} · avg ${r.averageCombined}/100 · reviews ${r.reviewsGiven} given, ${r.reviewsReceived} received · :fire: ${r.streak}${r.mocksGiven + r.mocksTaken > 0 ? ` · mocks ${r.mocksGiven} given, ${r.mocksTaken} taken` : ''}`,
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
  if (digest.mocks) {
    const m = digest.mocks;
    const heard =
      m.topFlags.length > 0
        ? ` Red flags interviewers heard most: ${m.topFlags.map((f) => `${flagLabel(f.id)} (${f.count})`).join(', ')}.`
        : '';
    blocks.push(
      section(
        `*Mock interviews:* ${m.held} held this week by ${m.people} ${m.people === 1 ? 'person' : 'people'}.${escapeMrkdwn(heard)}`,
      ),
    );
  }
  blocks.push(
    context('Only answers in this channel count; private practice is never quoted, and mock scorecards stay private.'),
  );
  return message(`Weekly digest: ${digest.answers} answers from ${digest.people} people`, blocks);
}

export function forgetConfirmMessage(): MessageBody {
  return message('Delete all your STAR Coach data?', [
    section(
      ':warning: This deletes all your answers, scores, follow-ups, quiz attempts, settings and the peer reviews you gave and received. It cannot be undone.',
    ),
    {
      type: 'actions',
      elements: [
        button('Delete everything', ACTION_IDS.forgetConfirm, 'confirm', 'danger'),
        button('Cancel', ACTION_IDS.forgetCancel, 'cancel'),
      ],
    },
  ]);
}
