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
      `*Sessions:* ${stats.sessions} · *Answers:* ${stats.answers} · *Follow-ups answered:* ${stats.probeAnswers}\n*Average score:* ${stats.averageOverall ?? '–'}/100 at ${LEVEL_NAMES[level]} · *Quiz:* ${stats.quiz.correct}/${stats.quiz.attempts} right`,
    ),
  ];
  if (stats.perLp.length > 0) {
    blocks.push(
      section(
        `*By principle*\n${stats.perLp.map((p) => `• ${lpName(p.lp)}: ${p.average}/100 over ${p.answers} answer${p.answers === 1 ? '' : 's'}`).join('\n')}`,
      ),
    );
  }
  if (stats.topFlags.length > 0) {
    blocks.push(
      section(
        `*Your most frequent flags*\n${stats.topFlags.map((f) => `• \`${f.id}\` in ${f.count} answer${f.count === 1 ? '' : 's'}`).join('\n')}`,
      ),
    );
  }
  blocks.push(context('Only you can see this. Deleted answers do not count.'));
  return message(`Your practice: ${stats.sessions} sessions, average ${stats.averageOverall ?? '–'}/100`, blocks);
}
