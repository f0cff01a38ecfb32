// `/star export` in words a person can read: what each part of the JSON file holds, and the same
// data as a Markdown document (every answer with its question, score and verdict).

import type { UserData } from './domain.js';
import { VERDICT_LABEL } from './feedback.js';
import { flagLabel } from './flag-words.js';
import { isLpId, LEVEL_NAMES, lpName } from './lp.js';
import type { Verdict } from './rubric/index.js';

/** What each top-level field of the export holds; written into the file as `fields`. */
export const EXPORT_FIELDS: Record<string, string> = {
  exportedAt: 'When this file was made (UTC).',
  teamId: 'Your Slack workspace id.',
  userId: 'Your Slack user id.',
  settings: 'Your level (and whether you chose it), your timezone as read from Slack, when you were welcomed.',
  sessions:
    'Each question you were asked: in a DM (mode "dm") or a channel prompt (mode "channel"), its id, LP and level, and how far you got (state).',
  answers:
    'Each scored answer (kind "answer") and follow-up reply (kind "probe"): your words (text, and each Slack message in messages), the overall score 0-100, the verdict, the five dimension scores and the flags (id, the words quoted and the fix).',
  quizAttempts: 'Each quiz question you answered: which one, the option you chose (from 0) and whether it was right.',
  reviewsGiven: 'Peer-review reactions you gave to other people’s answers.',
  reviewsReceived: 'Peer-review reactions others gave to your answers.',
  away: 'Days you marked as away (streaks do not break on them).',
  mocks:
    'Mock interview pools you joined, rounds you skipped, and your mocks with their scorecards and pasted answers.',
};

function verdictName(v: string): string {
  return (VERDICT_LABEL as Record<string, string | undefined>)[v as Verdict] ?? v;
}

/** The export as Markdown: settings, then every session with its question, answers and scores, then quizzes. */
export function exportMarkdown(
  data: UserData,
  meta: { exportedAt: string; userId: string; questionOf: (id: string) => string | undefined },
): string {
  const out: string[] = [
    '# Your STAR Coach data',
    '',
    `Exported ${meta.exportedAt.slice(0, 16).replace('T', ' ')} UTC for <@${meta.userId}>.`,
    '',
  ];
  const s = data.settings;
  out.push('## Settings', '');
  out.push(
    `- Level: ${s ? LEVEL_NAMES[s.level] : LEVEL_NAMES.sde2}${s?.levelChosenAt ? '' : ' (the default; never chosen)'}`,
  );
  out.push(`- Timezone: ${s?.timezone ?? 'not read yet'}`, '');
  out.push(`## Practice (${data.sessions.length} ${data.sessions.length === 1 ? 'question' : 'questions'})`, '');
  const bySession = new Map<number, UserData['answers']>();
  for (const a of data.answers) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
  for (const session of data.sessions) {
    const question = meta.questionOf(session.scenarioId) ?? session.scenarioId;
    out.push(
      `### ${session.createdAt.slice(0, 10)} · ${isLpId(session.lp) ? lpName(session.lp) : session.lp} · ${LEVEL_NAMES[session.level]} · ${session.mode === 'dm' ? 'DM' : 'channel'}`,
      '',
    );
    out.push(`> ${question}`, '');
    const answers = (bySession.get(session.id) ?? []).sort((a, b) => a.probeIndex - b.probeIndex);
    if (answers.length === 0) out.push('_Not answered._', '');
    for (const a of answers) {
      const title = a.kind === 'answer' ? 'Your answer' : `Your reply to follow-up ${a.probeIndex + 1}`;
      out.push(`**${title}:** ${verdictName(a.verdict)} · ${a.overall}/100${a.deleted ? ' (deleted)' : ''}`, '');
      out.push(...a.text.split('\n').map((line) => (line.trim() ? line : '')), '');
      const labels = [...new Set(a.flags.map((f) => flagLabel(f.id)))];
      if (labels.length > 0) out.push(`Flags: ${labels.join('; ')}`, '');
    }
  }
  if (data.quizAttempts.length > 0) {
    const right = data.quizAttempts.filter((q) => q.correct).length;
    out.push('## Quiz', '', `${right} of ${data.quizAttempts.length} right.`, '');
  }
  if (data.away.length > 0) {
    out.push('## Away', '', ...data.away.map((a) => `- ${a.fromDate} to ${a.toDate}`), '');
  }
  out.push(
    '## Peer reviews',
    '',
    `${data.reviewsGiven.length} given, ${data.reviewsReceived.length} received.`,
    '',
    'The JSON file sent with this one holds everything, with a `fields` entry that says what each part is.',
  );
  return `${out.join('\n')}\n`;
}
