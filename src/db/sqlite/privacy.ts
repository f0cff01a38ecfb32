import { createHash } from 'node:crypto';
import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { UserData } from '../../core/domain.js';
import type { PrivacyRepository } from '../ports.js';
import { exportMocks, forgetMocks } from './mocks.js';
import {
  answerMessages,
  answers,
  awayRanges,
  forgottenUsers,
  peerReviews,
  practiceSessions,
  quizAttempts,
  replies,
  schedules,
  users,
} from './schema.js';
import type { SqliteStore } from './store.js';
import { exportStories, forgetStoriesAndClips } from './stories.js';

function userHash(teamId: string, userId: string): string {
  return createHash('sha256').update(`${teamId}:${userId}`).digest('hex');
}

/** Everything stored about one person, for export, and its deletion ("forget me"). */
export class SqlitePrivacy implements PrivacyRepository {
  constructor(private readonly store: SqliteStore) {}

  private get db() {
    return this.store.db;
  }

  async exportUser(teamId: string, userId: string): Promise<UserData> {
    const sessions = this.db
      .select()
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .all();
    const mine = this.db
      .select()
      .from(answers)
      .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId)))
      .all();
    const answerIds = mine.map((a) => a.id);
    const messages =
      answerIds.length > 0
        ? this.db.select().from(answerMessages).where(inArray(answerMessages.answerId, answerIds)).all()
        : [];
    return {
      settings:
        this.db
          .select()
          .from(users)
          .where(and(eq(users.teamId, teamId), eq(users.userId, userId)))
          .get() ?? null,
      sessions,
      answers: mine.map((a) => ({ ...a, messages: messages.filter((m) => m.answerId === a.id) })),
      quizAttempts: this.db
        .select()
        .from(quizAttempts)
        .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)))
        .all(),
      reviewsGiven: this.db
        .select()
        .from(peerReviews)
        .where(and(eq(peerReviews.teamId, teamId), eq(peerReviews.reviewerId, userId)))
        .all(),
      reviewsReceived: this.db
        .select()
        .from(peerReviews)
        .where(and(eq(peerReviews.teamId, teamId), eq(peerReviews.authorId, userId)))
        .all(),
      away: this.db
        .select()
        .from(awayRanges)
        .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
        .all(),
      mocks: exportMocks(this.db, teamId, userId),
      stories: exportStories(this.db, teamId, userId),
    };
  }

  /** Whether the user asked to be forgotten after the message with this Slack ts was posted. */
  async forgottenSince(teamId: string, userId: string, messageTs: string): Promise<boolean> {
    const row = this.db
      .select()
      .from(forgottenUsers)
      .where(eq(forgottenUsers.userHash, userHash(teamId, userId)))
      .get();
    return row !== undefined && Number.parseFloat(messageTs) * 1000 <= Date.parse(row.forgottenAt);
  }

  /** Deletes every row about a person (answers, messages, replies to them, reviews both ways, settings). */
  async forgetUser(teamId: string, userId: string, now: Date): Promise<number> {
    return this.store.write(() => {
      const tx = this.db;
      tx.insert(forgottenUsers)
        .values({ userHash: userHash(teamId, userId), forgottenAt: now.toISOString() })
        .onConflictDoUpdate({ target: forgottenUsers.userHash, set: { forgottenAt: now.toISOString() } })
        .run();
      const sessionIds = tx
        .select({ id: practiceSessions.id })
        .from(practiceSessions)
        .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
        .all()
        .map((s) => s.id);
      const answerIds = tx
        .select({ id: answers.id })
        .from(answers)
        .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId)))
        .all()
        .map((a) => a.id);
      let removed = forgetMocks(tx, teamId, userId) + forgetStoriesAndClips(tx, teamId, userId);
      if (answerIds.length > 0)
        removed += tx.delete(answerMessages).where(inArray(answerMessages.answerId, answerIds)).run().changes;
      removed += tx
        .delete(peerReviews)
        .where(
          and(eq(peerReviews.teamId, teamId), or(eq(peerReviews.reviewerId, userId), eq(peerReviews.authorId, userId))),
        )
        .run().changes;
      if (sessionIds.length > 0)
        removed += tx.delete(replies).where(inArray(replies.sessionId, sessionIds)).run().changes;
      removed += tx
        .delete(replies)
        .where(and(eq(replies.teamId, teamId), eq(replies.target, userId)))
        .run().changes;
      // Stored copies of messages that mention them (follow-up questions, digests).
      const mention = `%<@${userId}>%`;
      removed += tx
        .delete(replies)
        .where(and(eq(replies.teamId, teamId), or(like(replies.text, mention), like(replies.blocks, mention))))
        .run().changes;
      // Rows others point at go last, once nothing of theirs points at them.
      removed += tx
        .delete(answers)
        .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId)))
        .run().changes;
      removed += tx
        .delete(practiceSessions)
        .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
        .run().changes;
      removed += tx
        .delete(quizAttempts)
        .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)))
        .run().changes;
      removed += tx
        .delete(awayRanges)
        .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
        .run().changes;
      removed += tx
        .delete(users)
        .where(and(eq(users.teamId, teamId), eq(users.userId, userId)))
        .run().changes;
      // A schedule stays for the channel; only the note of who created it goes.
      tx.update(schedules)
        .set({ createdBy: 'forgotten' })
        .where(and(eq(schedules.teamId, teamId), eq(schedules.createdBy, userId)))
        .run();
      return removed;
    });
  }
}
