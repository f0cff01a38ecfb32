import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ChannelAnswer, MessageContent, PeerReview } from '../../core/domain.js';
import type { CommunityRepository } from '../ports.js';
import { insertReply } from './replies.js';
import { answers, awayRanges, digests, peerReviews, practiceSessions, prompts } from './schema.js';
import { first, type PgStore } from './store.js';

/** Peer reviews, away ranges, digests and the channel-wide reads behind leaderboards and digests. */
export class PgCommunity implements CommunityRepository {
  constructor(private readonly store: PgStore) {}

  private get db() {
    return this.store.db;
  }

  async addReview(review: PeerReview): Promise<boolean> {
    const added = await this.db
      .insert(peerReviews)
      .values(review)
      .onConflictDoNothing()
      .returning({ emoji: peerReviews.emoji });
    return added.length > 0;
  }

  async removeReview(
    teamId: string,
    channelId: string,
    messageTs: string,
    reviewerId: string,
    emoji: string,
  ): Promise<boolean> {
    const removed = await this.db
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
      .returning({ emoji: peerReviews.emoji });
    return removed.length > 0;
  }

  async reviewsFor(answerIds: readonly number[]): Promise<PeerReview[]> {
    if (answerIds.length === 0) return [];
    return this.db
      .select()
      .from(peerReviews)
      .where(inArray(peerReviews.answerId, [...answerIds]));
  }

  async reviewsInChannel(teamId: string, channelId: string, since?: string): Promise<PeerReview[]> {
    return this.db
      .select()
      .from(peerReviews)
      .where(
        and(
          eq(peerReviews.teamId, teamId),
          eq(peerReviews.channelId, channelId),
          since ? gte(peerReviews.createdAt, since) : undefined,
        ),
      );
  }

  async channelAnswers(teamId: string, channelId: string, since?: string): Promise<ChannelAnswer[]> {
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
      .orderBy(answers.createdAt, answers.id);
  }

  async scheduledPromptDates(teamId: string, channelId: string): Promise<string[]> {
    const rows = await this.db
      .select({ slotKey: prompts.slotKey })
      .from(prompts)
      .where(
        and(eq(prompts.teamId, teamId), eq(prompts.channelId, channelId), sql`${prompts.slotKey} NOT LIKE 'now:%'`),
      )
      .orderBy(prompts.id);
    return rows.map((r) => r.slotKey);
  }

  async channelsOf(teamId: string, userId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ channelId: practiceSessions.channelId })
      .from(practiceSessions)
      .where(
        and(
          eq(practiceSessions.teamId, teamId),
          eq(practiceSessions.userId, userId),
          eq(practiceSessions.mode, 'channel'),
        ),
      );
    return rows.map((r) => r.channelId);
  }

  async addAway(teamId: string, userId: string, fromDate: string, toDate: string, now: Date): Promise<void> {
    await this.db.insert(awayRanges).values({ teamId, userId, fromDate, toDate, createdAt: now.toISOString() });
  }

  async awayOf(teamId: string, userId: string): Promise<{ from: string; to: string }[]> {
    return this.db
      .select({ from: awayRanges.fromDate, to: awayRanges.toDate })
      .from(awayRanges)
      .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
      .orderBy(awayRanges.id);
  }

  async digestClaimed(teamId: string, channelId: string, weekKey: string): Promise<boolean> {
    const row = await first(
      this.db
        .select({ id: digests.id })
        .from(digests)
        .where(and(eq(digests.teamId, teamId), eq(digests.channelId, channelId), eq(digests.weekKey, weekKey))),
    );
    return row !== undefined;
  }

  async claimDigest(
    teamId: string,
    channelId: string,
    weekKey: string,
    content: MessageContent,
    now: Date,
  ): Promise<number | undefined> {
    return this.store.write(async (tx) => {
      const claim = await first(
        tx
          .insert(digests)
          .values({ teamId, channelId, weekKey, createdAt: now.toISOString() })
          .onConflictDoNothing()
          .returning({ id: digests.id }),
      );
      if (!claim) return undefined;
      const reply = await insertReply(tx, { teamId, channelId, threadTs: null, purpose: 'notice' }, content, now);
      await tx.update(digests).set({ replyId: reply.id }).where(eq(digests.id, claim.id));
      return reply.id;
    });
  }
}
