import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../open.js';
import { answers, awayRanges, digests, peerReviews, practiceSessions, prompts } from '../schema.js';

export type PeerReviewRow = typeof peerReviews.$inferSelect;

export interface ChannelAnswer {
  id: number;
  userId: string;
  overall: number;
  verdict: string;
  text: string;
  flags: { id: string; quote: string }[];
  createdAt: string;
  /** The prompt's slot key: its local date for scheduled prompts. */
  slotKey: string;
}

/** Peer reviews, away ranges, digests and the channel-wide reads behind leaderboards and digests. */
export class CommunityRepository {
  constructor(private readonly db: Db) {}

  addReview(row: typeof peerReviews.$inferInsert): boolean {
    return this.db.insert(peerReviews).values(row).onConflictDoNothing().run().changes > 0;
  }

  removeReview(teamId: string, channelId: string, messageTs: string, reviewerId: string, emoji: string): boolean {
    return (
      this.db
        .delete(peerReviews)
        .where(
          and(
            eq(peerReviews.teamId, teamId),
            eq(peerReviews.channelId, channelId),
            eq(peerReviews.messageTs, messageTs),
            eq(peerReviews.reviewerId, reviewerId),
            eq(peerReviews.emoji, emoji),
          ),
        )
        .run().changes > 0
    );
  }

  reviewsFor(answerIds: readonly number[]): PeerReviewRow[] {
    if (answerIds.length === 0) return [];
    return this.db
      .select()
      .from(peerReviews)
      .where(inArray(peerReviews.answerId, [...answerIds]))
      .all();
  }

  reviewsInChannel(teamId: string, channelId: string, since?: string): PeerReviewRow[] {
    return this.db
      .select()
      .from(peerReviews)
      .where(
        and(
          eq(peerReviews.teamId, teamId),
          eq(peerReviews.channelId, channelId),
          since ? gte(peerReviews.createdAt, since) : undefined,
        ),
      )
      .all();
  }

  /** Main answers (not probes, not deleted) given in a channel's prompt threads, oldest first. */
  channelAnswers(teamId: string, channelId: string, since?: string): ChannelAnswer[] {
    return this.db
      .select({
        id: answers.id,
        userId: answers.userId,
        overall: answers.overall,
        verdict: answers.verdict,
        text: answers.text,
        flags: answers.flags,
        createdAt: answers.createdAt,
        slotKey: prompts.slotKey,
      })
      .from(answers)
      .innerJoin(practiceSessions, eq(practiceSessions.id, answers.sessionId))
      .innerJoin(prompts, eq(prompts.id, practiceSessions.promptId))
      .where(
        and(
          eq(answers.teamId, teamId),
          eq(practiceSessions.channelId, channelId),
          eq(practiceSessions.mode, 'channel'),
          eq(answers.kind, 'answer'),
          eq(answers.deleted, false),
          since ? gte(answers.createdAt, since) : undefined,
        ),
      )
      .orderBy(answers.createdAt)
      .all();
  }

  /** The local dates of a channel's scheduled prompts (prompts posted with /star prompt are left out). */
  scheduledPromptDates(teamId: string, channelId: string): string[] {
    return this.db
      .select({ slotKey: prompts.slotKey })
      .from(prompts)
      .where(
        and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId), sql`${prompts.slotKey} NOT LIKE 'now:%'`),
      )
      .all()
      .map((r) => r.slotKey);
  }

  /** Channels where a user has answered a prompt. */
  channelsOf(teamId: string, userId: string): string[] {
    return this.db
      .selectDistinct({ channelId: practiceSessions.channelId })
      .from(practiceSessions)
      .where(
        and(
          eq(practiceSessions.teamId, teamId),
          eq(practiceSessions.userId, userId),
          eq(practiceSessions.mode, 'channel'),
        ),
      )
      .all()
      .map((r) => r.channelId);
  }

  addAway(teamId: string, userId: string, fromDate: string, toDate: string, now: Date): void {
    this.db.insert(awayRanges).values({ teamId, userId, fromDate, toDate, createdAt: now.toISOString() }).run();
  }

  awayOf(teamId: string, userId: string): { from: string; to: string }[] {
    return this.db
      .select({ from: awayRanges.fromDate, to: awayRanges.toDate })
      .from(awayRanges)
      .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
      .all();
  }

  claimDigest(teamId: string, channelId: string, weekKey: string, now: Date): number | undefined {
    return this.db
      .insert(digests)
      .values({ teamId, channelId, weekKey, createdAt: now.toISOString() })
      .onConflictDoNothing()
      .returning({ id: digests.id })
      .get()?.id;
  }

  setDigestReply(id: number, replyId: number): void {
    this.db.update(digests).set({ replyId }).where(eq(digests.id, id)).run();
  }
}
