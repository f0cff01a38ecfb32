import type { RubricResult } from '../../src/core/rubric/index.js';
import type { Repositories } from '../../src/db/ports.js';
import { TEAM } from './harness.js';

/**
 * Stores a scored DM answer the way the app does (session, question sent, message added), with a
 * given result instead of scoring: for tests that need a lot of history quickly.
 */
export async function storeDmAnswer(
  repos: Repositories,
  answer: { userId: string; lp: string; text: string; result: RubricResult; day: number },
  now: Date,
): Promise<void> {
  const channelId = `D${answer.userId.slice(1)}`;
  const { replyId } = await repos.sessions.startDm(
    { teamId: TEAM, userId: answer.userId, channelId, scenarioId: 'webhook-retry-fix', lp: answer.lp, level: 'sde2' },
    () => ({ text: 'question', blocks: [] }),
    now,
  );
  const questionTs = `${1_700_000_000 + answer.day * 100}.000001`;
  await repos.replies.markSent(replyId, questionTs, now);
  await repos.answers.addMessage(
    {
      teamId: TEAM,
      channelId,
      userId: answer.userId,
      messageTs: `${1_700_000_000 + answer.day * 100}.000002`,
      threadTs: questionTs,
      text: answer.text,
    },
    () => ({
      score: { text: answer.text, result: answer.result },
      progress: { state: 'answered', probeIndex: -1 },
      replies: [],
    }),
    now,
  );
}
