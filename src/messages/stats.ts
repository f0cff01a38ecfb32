import { plural } from '../core/feedback.js';
import { flagLabel } from '../core/flag-words.js';
import { LEVEL_NAMES, type Level, lpName } from '../core/lp.js';
import type { UserStats } from '../core/reports.js';
import { context, header, type MessageBody, message, section } from './blocks.js';

export function statsMessage(stats: UserStats, level: Level): MessageBody {
  if (stats.sessions === 0 && stats.quiz.attempts === 0) {
    return message('No practice yet.', [section('No practice yet. `/star practice` sends you a first question.')]);
  }
  const blocks = [
    header('Your practice'),
    section(
      `${plural(stats.sessions, 'session')} · ${plural(stats.answers, 'answer')} · ${plural(stats.probeAnswers, 'follow-up')} answered\n*Average score:* ${stats.averageOverall ?? '–'}/100 at ${LEVEL_NAMES[level]} · *Quiz:* ${stats.quiz.correct}/${stats.quiz.attempts} right`,
    ),
  ];
  if (stats.perLp.length > 0) {
    blocks.push(
      section(
        `*By principle*\n${stats.perLp.map((p) => `• ${lpName(p.lp)}: ${p.average}/100 over ${plural(p.answers, 'answer')}`).join('\n')}`,
      ),
    );
  }
  if (stats.topFlags.length > 0) {
    blocks.push(
      section(
        `*Your most frequent flags*\n${stats.topFlags.map((f) => `• ${flagLabel(f.id)} in ${plural(f.count, 'answer')}`).join('\n')}`,
      ),
    );
  }
  blocks.push(context('Only you can see this. Deleted answers do not count.'));
  return message(
    `Your practice: ${plural(stats.sessions, 'session')}, average ${stats.averageOverall ?? '–'}/100`,
    blocks,
  );
}
