import { createHash } from 'node:crypto';
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
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
import { first, type PgStore } from './store.js';
import { exportStories, forgetStoriesAndClips } from './stories.js';

function userHash(teamId: string, userId: string): string {
  return createHash('sha256').update(`${teamId}:${userId}`).digest('hex');
}

/** Everything stored about one person, for export, and its deletion ("forget me"). */
export class PgPrivacy implements PrivacyRepository {
  constructor(private readonly store: PgStore) {}

  async exportUser(teamId: string, userId: string): Promise<UserData> {
    // One snapshot of everything (repeatable read), as the SQLite export reads inside one connection.
    return this.store.db.transaction(
      async (db) => {
        const sessions = await db
          .select()
          .from(practiceSessions)
          .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
          .orderBy(practiceSessions.id);
        const mine = await db
          .select()
          .from(answers)
          .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId)))
          .orderBy(answers.id);
        const answerIds = mine.map((a) => a.id);
        const messages =
          answerIds.length > 0
            ? await db
                .select()
                .from(answerMessages)
                .where(inArray(answerMessages.answerId, answerIds))
                .orderBy(answerMessages.messageTs)
            : [];
        return {
          settings:
            (await first(
              db
                .select()
                .from(users)
                .where(and(eq(users.teamId, teamId), eq(users.userId, userId))),
            )) ?? null,
          sessions,
          answers: mine.map((a) => ({ ...a, messages: messages.filter((m) => m.answerId === a.id) })),
          quizAttempts: await db
            .select()
            .from(quizAttempts)
            .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)))
            .orderBy(quizAttempts.id),
          reviewsGiven: await db
            .select()
            .from(peerReviews)
            .where(and(eq(peerReviews.teamId, teamId), eq(peerReviews.reviewerId, userId))),
          reviewsReceived: await db
            .select()
            .from(peerReviews)
            .where(and(eq(peerReviews.teamId, teamId), eq(peerReviews.authorId, userId))),
          away: await db
            .select()
            .from(awayRanges)
            .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
            .orderBy(awayRanges.id),
          mocks: await exportMocks(db, teamId, userId),
          stories: await exportStories(db, teamId, userId),
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }

  async forgottenSince(teamId: string, userId: string, messageTs: string): Promise<boolean> {
    const row = await first(
      this.store.db
        .select()
        .from(forgottenUsers)
        .where(eq(forgottenUsers.userHash, userHash(teamId, userId))),
    );
    return row !== undefined && Number.parseFloat(messageTs) * 1000 <= Date.parse(row.forgottenAt);
  }

  async forgetUser(teamId: string, userId: string, now: Date): Promise<number> {
    return this.store.write(async (tx) => {
      const count = async (rows: Promise<unknown[]>) => (await rows).length;
      await tx
        .insert(forgottenUsers)
        .values({ userHash: userHash(teamId, userId), forgottenAt: now.toISOString() })
        .onConflictDoUpdate({ target: forgottenUsers.userHash, set: { forgottenAt: now.toISOString() } });
      const sessionIds = (
        await tx
          .select({ id: practiceSessions.id })
          .from(practiceSessions)
          .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      ).map((s) => s.id);
      const answerIds = (
        await tx
          .select({ id: answers.id })
          .from(answers)
          .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId)))
      ).map((a) => a.id);
      let removed = (await forgetMocks(tx, teamId, userId)) + (await forgetStoriesAndClips(tx, teamId, userId));
      if (answerIds.length > 0)
        removed += await count(
          tx
            .delete(answerMessages)
            .where(inArray(answerMessages.answerId, answerIds))
            .returning({ ts: answerMessages.messageTs }),
        );
      removed += await count(
        tx
          .delete(peerReviews)
          .where(
            and(
              eq(peerReviews.teamId, teamId),
              or(eq(peerReviews.reviewerId, userId), eq(peerReviews.authorId, userId)),
            ),
          )
          .returning({ ts: peerReviews.messageTs }),
      );
      if (sessionIds.length > 0)
        removed += await count(
          tx.delete(replies).where(inArray(replies.sessionId, sessionIds)).returning({ id: replies.id }),
        );
      removed += await count(
        tx
          .delete(replies)
          .where(and(eq(replies.teamId, teamId), eq(replies.target, userId)))
          .returning({ id: replies.id }),
      );
      // Stored copies of messages that mention them (follow-up questions, digests).
      const mention = `%<@${userId}>%`;
      removed += await count(
        tx
          .delete(replies)
          .where(
            and(
              eq(replies.teamId, teamId),
              or(like(replies.text, mention), sql`${replies.blocks}::text LIKE ${mention}`),
            ),
          )
          .returning({ id: replies.id }),
      );
      // Rows others point at go last, once nothing of theirs points at them.
      removed += await count(
        tx
          .delete(answers)
          .where(and(eq(answers.teamId, teamId), eq(answers.userId, userId)))
          .returning({ id: answers.id }),
      );
      removed += await count(
        tx
          .delete(practiceSessions)
          .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
          .returning({ id: practiceSessions.id }),
      );
      removed += await count(
        tx
          .delete(quizAttempts)
          .where(and(eq(quizAttempts.teamId, teamId), eq(quizAttempts.userId, userId)))
          .returning({ id: quizAttempts.id }),
      );
      removed += await count(
        tx
          .delete(awayRanges)
          .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
          .returning({ id: awayRanges.id }),
      );
      removed += await count(
        tx
          .delete(users)
          .where(and(eq(users.teamId, teamId), eq(users.userId, userId)))
          .returning({ id: users.userId }),
      );
      // A schedule stays for the channel; only the note of who created it goes.
      await tx
        .update(schedules)
        .set({ createdBy: 'forgotten' })
        .where(and(eq(schedules.teamId, teamId), eq(schedules.createdBy, userId)));
      return removed;
    });
  }
}
