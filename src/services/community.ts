import type { Clock } from '../clock.js';
import { combinedScore, legendEmoji, peerScore, reviewKey } from '../core/peer-review.js';
import { RULES } from '../core/rubric/rules.js';
import { localDate, localParts, zonedInstant } from '../core/schedule.js';
import { currentStreak } from '../core/streak.js';
import type { ChannelAnswer } from '../db/repositories/community.js';
import type { Repositories } from '../db/repositories/index.js';
import type { ScheduleRow } from '../db/repositories/schedules.js';
import type { SlackGateway } from '../slack/gateway.js';
import { digestMessage } from '../slack/views/community.js';

export type LeaderboardWindow = 'week' | 'month' | 'all';

export interface LeaderboardRow {
  userId: string;
  answers: number;
  averageCombined: number;
  reviewsGiven: number;
  reviewsReceived: number;
  streak: number;
}

export interface Digest {
  answers: number;
  people: number;
  mostImproved?: { userId: string; from: number; to: number };
  strongest?: { userId: string; combined: number; excerpt: string };
  topFlags: { id: string; count: number; tip: string }[];
}

const DAY_MS = 86_400_000;
const WINDOW_DAYS: Record<LeaderboardWindow, number | null> = { week: 7, month: 30, all: null };

/** Peer review, leaderboards, streaks and digests over channel practice. DM practice is never read here. */
export class CommunityService {
  constructor(
    private readonly repos: Repositories,
    private readonly slackFor: (teamId: string) => SlackGateway,
    private readonly clock: Clock,
  ) {}

  /** Claims and stores each weekly digest due now (once per channel and week); returns the replies to deliver. */
  claimDueDigests(): number[] {
    const ids: number[] = [];
    for (const schedule of this.repos.schedules.enabled()) {
      const week = this.dueDigestWeek(schedule);
      if (!week) continue;
      this.repos.transaction(() => {
        const now = this.clock.now();
        const claim = this.repos.community.claimDigest(schedule.teamId, schedule.channelId, week, now);
        if (claim === undefined) return;
        const reply = this.repos.replies.enqueue(
          { teamId: schedule.teamId, channelId: schedule.channelId, threadTs: null, purpose: 'notice' },
          digestMessage(this.digest(schedule.teamId, schedule.channelId)),
          now,
        );
        this.repos.community.setDigestReply(claim, reply.id);
        ids.push(reply.id);
      });
    }
    return ids;
  }

  /**
   * A reaction added or removed on a message. It counts only when the emoji is in the legend, the
   * message is an answer in a prompt thread, and the reviewer is a person other than the author.
   */
  async handleReaction(change: {
    added: boolean;
    teamId: string;
    channelId: string;
    messageTs: string;
    reviewerId: string;
    reaction: string;
    botUserId?: string;
  }): Promise<boolean> {
    const emoji = legendEmoji(change.reaction);
    if (!emoji) return false;
    const message = this.repos.answers.findMessage(change.teamId, change.channelId, change.messageTs);
    if (!message || message.deleted) return false;
    const answer = this.repos.answers.get(message.answerId);
    const session = answer ? this.repos.sessions.get(change.teamId, answer.sessionId) : undefined;
    if (!answer || !session || session.mode !== 'channel') return false;
    if (change.reviewerId === answer.userId || change.reviewerId === change.botUserId) return false;
    if (!change.added)
      return this.repos.community.removeReview(
        change.teamId,
        change.channelId,
        change.messageTs,
        change.reviewerId,
        reviewKey(change.reaction),
      );
    if ((await this.slackFor(change.teamId).userInfo(change.reviewerId)).isBot) return false;
    return this.repos.community.addReview({
      teamId: change.teamId,
      channelId: change.channelId,
      messageTs: change.messageTs,
      answerId: answer.id,
      authorId: answer.userId,
      reviewerId: change.reviewerId,
      emoji: reviewKey(change.reaction),
      createdAt: this.clock.now().toISOString(),
    });
  }

  /** Combined scores (rubric and peers) for answers, by answer id. */
  combined(answersList: readonly { id: number; overall: number }[]): Map<number, number> {
    const reviews = this.repos.community.reviewsFor(answersList.map((a) => a.id));
    const byAnswer = new Map<number, { reviewer: string; emoji: string }[]>();
    for (const r of reviews)
      byAnswer.set(r.answerId, [...(byAnswer.get(r.answerId) ?? []), { reviewer: r.reviewerId, emoji: r.emoji }]);
    return new Map(answersList.map((a) => [a.id, combinedScore(a.overall, peerScore(byAnswer.get(a.id) ?? []))]));
  }

  /** The current streak of a person in a channel, in the channel's own days. */
  streak(teamId: string, channelId: string, userId: string): number {
    return this.streaksIn(teamId, channelId)(userId);
  }

  /**
   * A streak calculator for one channel: its answers, prompt dates and today are read once, so a
   * leaderboard of many people does not read them again for each.
   */
  private streaksIn(
    teamId: string,
    channelId: string,
    answered?: readonly ChannelAnswer[],
  ): (userId: string) => number {
    const timezone = this.repos.schedules.get(teamId, channelId)?.timezone ?? 'UTC';
    const all = answered ?? this.repos.community.channelAnswers(teamId, channelId);
    const promptDates = this.repos.community.scheduledPromptDates(teamId, channelId);
    const today = localDate(this.clock.now(), timezone);
    return (userId) => {
      const days = new Set(
        all.filter((a) => a.userId === userId && !a.slotKey.startsWith('now:')).map((a) => a.slotKey),
      );
      return currentStreak(promptDates, days, this.repos.community.awayOf(teamId, userId), today);
    };
  }

  leaderboard(teamId: string, channelId: string, window: LeaderboardWindow): LeaderboardRow[] {
    const days = WINDOW_DAYS[window];
    const since = days === null ? undefined : new Date(this.clock.now().getTime() - days * DAY_MS).toISOString();
    const all = this.repos.community.channelAnswers(teamId, channelId);
    const inWindow = since ? all.filter((a) => a.createdAt >= since) : all;
    const combined = this.combined(inWindow);
    const reviews = this.repos.community.reviewsInChannel(teamId, channelId, since);
    const users = new Set([...inWindow.map((a) => a.userId), ...reviews.map((r) => r.reviewerId)]);
    const streakOf = this.streaksIn(teamId, channelId, all);
    return [...users]
      .map((userId) => {
        const mine = inWindow.filter((a) => a.userId === userId);
        const scores = mine.map((a) => combined.get(a.id) ?? a.overall);
        return {
          userId,
          answers: mine.length,
          averageCombined: scores.length > 0 ? Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) : 0,
          reviewsGiven: reviews.filter((r) => r.reviewerId === userId).length,
          reviewsReceived: reviews.filter((r) => r.authorId === userId).length,
          streak: streakOf(userId),
        };
      })
      .sort(
        (a, b) => b.answers - a.answers || b.averageCombined - a.averageCombined || a.userId.localeCompare(b.userId),
      )
      .slice(0, 10);
  }

  /** The week's digest for a channel: participation, most improved, strongest answer, frequent flags. */
  digest(teamId: string, channelId: string): Digest {
    const now = this.clock.now().getTime();
    const weekAgo = new Date(now - 7 * DAY_MS).toISOString();
    const twoWeeksAgo = new Date(now - 14 * DAY_MS).toISOString();
    const recent = this.repos.community.channelAnswers(teamId, channelId, twoWeeksAgo);
    const thisWeek = recent.filter((a) => a.createdAt >= weekAgo);
    const lastWeek = recent.filter((a) => a.createdAt < weekAgo);
    const combined = this.combined(thisWeek);
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    let mostImproved: Digest['mostImproved'];
    for (const userId of new Set(thisWeek.map((a) => a.userId))) {
      const before = lastWeek.filter((a) => a.userId === userId).map((a) => a.overall);
      const after = thisWeek.filter((a) => a.userId === userId).map((a) => a.overall);
      if (before.length === 0) continue;
      const delta = avg(after) - avg(before);
      if (delta > 0 && (!mostImproved || delta > mostImproved.to - mostImproved.from))
        mostImproved = { userId, from: Math.round(avg(before)), to: Math.round(avg(after)) };
    }
    const best = [...thisWeek].sort((a, b) => (combined.get(b.id) ?? 0) - (combined.get(a.id) ?? 0))[0];
    const flagCounts = new Map<string, number>();
    for (const a of thisWeek)
      for (const id of new Set(a.flags.map((f) => f.id))) flagCounts.set(id, (flagCounts.get(id) ?? 0) + 1);
    const topFlags = [...flagCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, count]) => ({ id, count, tip: RULES.find((r) => r.id === id)?.fix ?? '' }));
    return {
      answers: thisWeek.length,
      people: new Set(thisWeek.map((a) => a.userId)).size,
      mostImproved,
      strongest: best
        ? { userId: best.userId, combined: combined.get(best.id) ?? best.overall, excerpt: best.text.slice(0, 2000) }
        : undefined,
      topFlags,
    };
  }

  /** The digest slot due now for a schedule, if any: its day and time this week, within an hour. */
  dueDigestWeek(schedule: ScheduleRow): string | undefined {
    const now = this.clock.now();
    const p = localParts(now, schedule.timezone);
    if (p.weekday !== schedule.digestDay) return undefined;
    const at = zonedInstant(p.year, p.month, p.day, schedule.digestMinute, schedule.timezone);
    const late = now.getTime() - at.getTime();
    if (late < 0 || late > 60 * 60_000) return undefined;
    return localDate(now, schedule.timezone);
  }
}
