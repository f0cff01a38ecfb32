// Peer review by reactions, leaderboards, streaks and weekly digests over channel practice. DM
// practice is never read here.
import type { Clock } from '../clock.js';
import type { ChannelAnswer, ChannelSchedule } from '../core/domain.js';
import { mockCounts, summariseMockWeek } from '../core/mock-reports.js';
import { legendEmoji, reviewKey } from '../core/peer-review.js';
import {
  answeredDates,
  combinedScores,
  type Digest,
  type LeaderboardRow,
  type LeaderboardWindow,
  rankPractitioners,
  summariseWeek,
  windowPeople,
  windowStart,
} from '../core/reports.js';
import { RULES } from '../core/rubric/rules.js';
import { dueDigestWeek, localDate } from '../core/schedule.js';
import { currentStreak } from '../core/streak.js';
import type { Repositories } from '../db/ports.js';
import { digestMessage } from '../messages/community.js';
import type { SlackGatewayFor } from './slack-port.js';

const DAY_MS = 86_400_000;

/** The fix the rubric gives for a flag, shown next to the team's most frequent flags. */
function flagTip(id: string): string {
  return RULES.find((r) => r.id === id)?.fix ?? '';
}

export interface ReactionChange {
  added: boolean;
  teamId: string;
  channelId: string;
  messageTs: string;
  reviewerId: string;
  reaction: string;
  botUserId?: string;
}

export class CommunityService {
  constructor(
    private readonly repos: Pick<Repositories, 'answers' | 'sessions' | 'community' | 'schedules' | 'mocks'>,
    private readonly slackFor: SlackGatewayFor,
    private readonly clock: Clock,
  ) {}

  /**
   * A reaction added or removed on a message. It counts only when the emoji is in the legend, the
   * message is an answer in a prompt thread, and the reviewer is a person other than the author.
   */
  async handleReaction(change: ReactionChange): Promise<boolean> {
    const { answers, sessions, community } = this.repos;
    if (!legendEmoji(change.reaction)) return false;
    const message = await answers.findMessage(change.teamId, change.channelId, change.messageTs);
    if (!message || message.deleted) return false;
    const answer = await answers.get(change.teamId, message.answerId);
    const session = answer ? await sessions.get(change.teamId, answer.sessionId) : undefined;
    if (!answer || !session || session.mode !== 'channel') return false;
    if (change.reviewerId === answer.userId || change.reviewerId === change.botUserId) return false;
    const emoji = reviewKey(change.reaction);
    if (!change.added)
      return community.removeReview(change.teamId, change.channelId, change.messageTs, change.reviewerId, emoji);
    if ((await this.slackFor(change.teamId).userInfo(change.reviewerId)).isBot) return false;
    return community.addReview({
      teamId: change.teamId,
      channelId: change.channelId,
      messageTs: change.messageTs,
      answerId: answer.id,
      authorId: answer.userId,
      reviewerId: change.reviewerId,
      emoji,
      createdAt: this.clock.now().toISOString(),
    });
  }

  /**
   * Current streaks in a channel, in its own days: its answers and prompt dates are read once, so a
   * leaderboard of many people does not read them again for each.
   */
  private async streaks(
    teamId: string,
    channelId: string,
    people: readonly string[],
    answered?: readonly ChannelAnswer[],
  ): Promise<Map<string, number>> {
    const { community, schedules } = this.repos;
    const timezone = (await schedules.get(teamId, channelId))?.timezone ?? 'UTC';
    const all = answered ?? (await community.channelAnswers(teamId, channelId));
    const promptDates = await community.scheduledPromptDates(teamId, channelId);
    const today = localDate(this.clock.now(), timezone);
    const streaks = new Map<string, number>();
    for (const userId of people)
      streaks.set(
        userId,
        currentStreak(promptDates, answeredDates(all, userId), await community.awayOf(teamId, userId), today),
      );
    return streaks;
  }

  /** The current streak of a person in a channel. */
  async streak(teamId: string, channelId: string, userId: string): Promise<number> {
    return (await this.streaks(teamId, channelId, [userId])).get(userId) ?? 0;
  }

  async leaderboard(teamId: string, channelId: string, window: LeaderboardWindow): Promise<LeaderboardRow[]> {
    const { community } = this.repos;
    const since = windowStart(window, this.clock.now());
    const all = await community.channelAnswers(teamId, channelId);
    const inWindow = since ? all.filter((a) => a.createdAt >= since) : all;
    const combined = combinedScores(inWindow, await community.reviewsFor(inWindow.map((a) => a.id)));
    const reviews = await community.reviewsInChannel(teamId, channelId, since);
    const mocks = mockCounts(await this.repos.mocks.heldInChannel(teamId, channelId, since));
    const people = [...new Set([...windowPeople(inWindow, reviews), ...mocks.keys()])];
    const streaks = await this.streaks(teamId, channelId, people, all);
    return rankPractitioners(inWindow, reviews, combined, streaks, mocks);
  }

  /** The week's digest for a channel: participation, most improved, strongest answer, frequent flags. */
  async digest(teamId: string, channelId: string): Promise<Digest> {
    const { community } = this.repos;
    const now = this.clock.now();
    const recent = await community.channelAnswers(
      teamId,
      channelId,
      new Date(now.getTime() - 14 * DAY_MS).toISOString(),
    );
    const digest = summariseWeek(recent, await community.reviewsFor(recent.map((a) => a.id)), now, flagTip);
    const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString();
    const mocks = summariseMockWeek(await this.repos.mocks.heldInChannel(teamId, channelId, weekAgo));
    return mocks.held > 0 ? { ...digest, mocks } : digest;
  }

  /**
   * Claims and queues a channel's weekly digest when it is due at `now` (once per channel and week,
   * however many instances tick). Returns the reply to deliver.
   */
  async claimDueDigest(schedule: ChannelSchedule, now: Date): Promise<number | undefined> {
    const week = dueDigestWeek(schedule, now);
    if (!week) return undefined;
    const { community } = this.repos;
    if (await community.digestClaimed(schedule.teamId, schedule.channelId, week)) return undefined;
    const content = digestMessage(await this.digest(schedule.teamId, schedule.channelId));
    return community.claimDigest(schedule.teamId, schedule.channelId, week, content, now);
  }
}
