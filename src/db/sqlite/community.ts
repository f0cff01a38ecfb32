import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ChannelAnswer, MessageContent, PeerReview } from '../../core/domain.js';
import type { CommunityRepository } from '../ports.js';
import { insertReply } from './replies.js';
import { answers, awayRanges, digests, peerReviews, practiceSessions, prompts } from './schema.js';
import type { SqliteStore } from './store.js';

/** Peer reviews, away ranges, digests and the channel-wide reads behind leaderboards and digests. */
export class SqliteCommunity implements CommunityRepository {
  constructor(private readonly store: SqliteStore) {}

  private get db() {
    return this.store.db;
  }

  async addReview(review: PeerReview): Promise<boolean> {
    return this.store.write(() => this.db.insert(peerReviews).values(review).onConflictDoNothing().run().changes > 0);
  }

  async removeReview(
    teamId: string,
    channelId: string,
    messageTs: string,
    reviewerId: string,
    emoji: string,
  ): Promise<boolean> {
    return this.store.write(
      () =>
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
          .run().changes > 0,
    );
  }

  async reviewsFor(answerIds: readonly number[]): Promise<PeerReview[]> {
    if (answerIds.length === 0) return [];
    return this.db
      .select()
      .from(peerReviews)
      .where(inArray(peerReviews.answerId, [...answerIds]))
      .all();
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
      )
      .all();
  }

  /** Main answers (not probes, not deleted) given in a channel's prompt threads, oldest first. */
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
      .orderBy(answers.createdAt)
      .all();
  }

  /** The local dates of a channel's scheduled prompts (prompts posted with /star prompt are left out). */
  async scheduledPromptDates(teamId: string, channelId: string): Promise<string[]> {
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
  async channelsOf(teamId: string, userId: string): Promise<string[]> {
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

  async addAway(teamId: string, userId: string, fromDate: string, toDate: string, now: Date): Promise<void> {
    await this.store.write(() =>
      this.db.insert(awayRanges).values({ teamId, userId, fromDate, toDate, createdAt: now.toISOString() }).run(),
    );
  }

  async awayOf(teamId: string, userId: string): Promise<{ from: string; to: string }[]> {
    return this.db
      .select({ from: awayRanges.fromDate, to: awayRanges.toDate })
      .from(awayRanges)
      .where(and(eq(awayRanges.teamId, teamId), eq(awayRanges.userId, userId)))
      .all();
  }

  async digestClaimed(teamId: string, channelId: string, weekKey: string): Promise<boolean> {
    const row = this.db
      .select({ id: digests.id })
      .from(digests)
      .where(and(eq(digests.teamId, teamId), eq(digests.channelId, channelId), eq(digests.weekKey, weekKey)))
      .get();
    return row !== undefined;
  }

  async claimDigest(
    teamId: string,
    channelId: string,
    weekKey: string,
    content: MessageContent,
    now: Date,
  ): Promise<number | undefined> {
    return this.store.write(() => {
      const claim = this.db
        .insert(digests)
        .values({ teamId, channelId, weekKey, createdAt: now.toISOString() })
        .onConflictDoNothing()
        .returning({ id: digests.id })
        .get();
      if (!claim) return undefined;
      const reply = insertReply(this.db, { teamId, channelId, threadTs: null, purpose: 'notice' }, content, now);
      this.db.update(digests).set({ replyId: reply.id }).where(eq(digests.id, claim.id)).run();
      return reply.id;
    });
  }
}
