import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { MessageContent } from '../../core/domain.js';
import type { Scorecard } from '../../core/mock-scorecard.js';
import {
  type Mock,
  type MockAnswer,
  type MockMember,
  type MockPool,
  type MockScorecard,
  type MockUserData,
  type MockWithScorecard,
  roleOf,
} from '../../core/mocks.js';
import type { MockNotice, MockPlan, MocksRepository, RoundClaim } from '../ports.js';
import type { Db } from './open.js';
import { insertReply, reviseReply } from './replies.js';
import {
  mockAnswers,
  mockMembers,
  mockNotices,
  mockPools,
  mockRounds,
  mockScorecards,
  mockSkips,
  mocks,
} from './schema.js';
import { decline, type SqliteStore } from './store.js';

/** Who a forgotten person becomes where a row must stay for someone else (the candidate's scorecard). */
export const FORGOTTEN = 'forgotten';

function ensurePool(db: Db, teamId: string, channelId: string, userId: string, now: Date): void {
  const at = now.toISOString();
  db.insert(mockPools)
    .values({ teamId, channelId, notBefore: at, createdBy: userId, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .run();
}

function withScorecards(db: Db, list: Mock[]): MockWithScorecard[] {
  if (list.length === 0) return [];
  const cards = db
    .select()
    .from(mockScorecards)
    .where(
      inArray(
        mockScorecards.mockId,
        list.map((m) => m.id),
      ),
    )
    .all();
  return list.map((m) => ({ ...m, scorecard: cards.find((c) => c.mockId === m.id) ?? null }));
}

const inMock = (userId: string) =>
  or(eq(mocks.candidateId, userId), eq(mocks.interviewerId, userId), eq(mocks.observerId, userId));

/** Everything about a person's mock interviews (export runs it inside its own read). */
export function exportMocks(db: Db, teamId: string, userId: string): MockUserData {
  const mine = db
    .select()
    .from(mocks)
    .where(and(eq(mocks.teamId, teamId), inMock(userId)))
    .orderBy(asc(mocks.createdAt), asc(mocks.id))
    .all();
  const ids = mine.map((m) => m.id);
  const cards = ids.length > 0 ? db.select().from(mockScorecards).where(inArray(mockScorecards.mockId, ids)).all() : [];
  const answers = ids.length > 0 ? db.select().from(mockAnswers).where(inArray(mockAnswers.mockId, ids)).all() : [];
  return {
    memberships: db
      .select()
      .from(mockMembers)
      .where(and(eq(mockMembers.teamId, teamId), eq(mockMembers.userId, userId)))
      .all(),
    skips: db
      .select({ channelId: mockSkips.channelId, roundKey: mockSkips.roundKey, createdAt: mockSkips.createdAt })
      .from(mockSkips)
      .where(and(eq(mockSkips.teamId, teamId), eq(mockSkips.userId, userId)))
      .all(),
    mocks: mine.map((m) => {
      const role = roleOf(m, userId) ?? 'observer';
      // An observer was in the room but the scorecard and the answer are the candidate's and the interviewer's.
      const own = role !== 'observer';
      return {
        ...m,
        role,
        scorecard: own ? (cards.find((c) => c.mockId === m.id) ?? null) : null,
        answer: role === 'candidate' ? (answers.find((a) => a.mockId === m.id) ?? null) : null,
      };
    }),
  };
}

/**
 * Forgets a person's mock interviews inside the forget-me transaction. Mocks where they were the
 * candidate go entirely (their scorecard and answer are about them). Where they interviewed or
 * observed, the mock stays for the candidate with their id replaced; their pool memberships,
 * skips and the notices about them go. Returns the rows deleted or changed.
 */
export function forgetMocks(db: Db, teamId: string, userId: string): number {
  let changed = 0;
  changed += db
    .delete(mocks)
    .where(and(eq(mocks.teamId, teamId), eq(mocks.candidateId, userId)))
    .run().changes;
  changed += db
    .update(mocks)
    .set({ interviewerId: FORGOTTEN })
    .where(and(eq(mocks.teamId, teamId), eq(mocks.interviewerId, userId)))
    .run().changes;
  changed += db
    .update(mocks)
    .set({ observerId: null })
    .where(and(eq(mocks.teamId, teamId), eq(mocks.observerId, userId)))
    .run().changes;
  db.update(mocks)
    .set({ noShowUserId: FORGOTTEN })
    .where(and(eq(mocks.teamId, teamId), eq(mocks.noShowUserId, userId)))
    .run();
  for (const m of db.select().from(mocks).where(eq(mocks.teamId, teamId)).all())
    if (m.responded.includes(userId))
      db.update(mocks)
        .set({ responded: m.responded.filter((id) => id !== userId) })
        .where(eq(mocks.id, m.id))
        .run();
  db.update(mockScorecards)
    .set({ interviewerId: FORGOTTEN })
    .where(and(eq(mockScorecards.teamId, teamId), eq(mockScorecards.interviewerId, userId)))
    .run();
  changed += db
    .delete(mockMembers)
    .where(and(eq(mockMembers.teamId, teamId), eq(mockMembers.userId, userId)))
    .run().changes;
  changed += db
    .delete(mockSkips)
    .where(and(eq(mockSkips.teamId, teamId), eq(mockSkips.userId, userId)))
    .run().changes;
  changed += db
    .delete(mockNotices)
    .where(and(eq(mockNotices.teamId, teamId), eq(mockNotices.userId, userId)))
    .run().changes;
  db.update(mockPools)
    .set({ createdBy: FORGOTTEN })
    .where(and(eq(mockPools.teamId, teamId), eq(mockPools.createdBy, userId)))
    .run();
  return changed;
}

/** Pools, rounds, mocks, scorecards and notices: every write claimed or checked in one transaction. */
export class SqliteMocks implements MocksRepository {
  constructor(private readonly store: SqliteStore) {}

  private get db() {
    return this.store.db;
  }

  private mock(teamId: string, mockId: number): Mock | undefined {
    return this.db
      .select()
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.id, mockId)))
      .get();
  }

  async pool(teamId: string, channelId: string): Promise<MockPool | undefined> {
    return this.db
      .select()
      .from(mockPools)
      .where(and(eq(mockPools.teamId, teamId), eq(mockPools.channelId, channelId)))
      .get();
  }

  async join(teamId: string, channelId: string, userId: string, now: Date): Promise<'joined' | 'resumed' | 'already'> {
    const at = now.toISOString();
    return this.store.write(() => {
      ensurePool(this.db, teamId, channelId, userId, now);
      const key = and(
        eq(mockMembers.teamId, teamId),
        eq(mockMembers.channelId, channelId),
        eq(mockMembers.userId, userId),
      );
      const row = this.db.select().from(mockMembers).where(key).get();
      if (!row) {
        this.db
          .insert(mockMembers)
          .values({ teamId, channelId, userId, status: 'active', joinedAt: at, updatedAt: at })
          .run();
        return 'joined';
      }
      if (row.status === 'active') return 'already';
      this.db.update(mockMembers).set({ status: 'active', ignoredRounds: 0, updatedAt: at }).where(key).run();
      return 'resumed';
    });
  }

  async leave(teamId: string, channelId: string, userId: string, now: Date): Promise<boolean> {
    return (
      this.db
        .update(mockMembers)
        .set({ status: 'left', updatedAt: now.toISOString() })
        .where(
          and(
            eq(mockMembers.teamId, teamId),
            eq(mockMembers.channelId, channelId),
            eq(mockMembers.userId, userId),
            eq(mockMembers.status, 'active'),
          ),
        )
        .run().changes > 0
    );
  }

  async members(teamId: string, channelId: string): Promise<MockMember[]> {
    return this.db
      .select()
      .from(mockMembers)
      .where(and(eq(mockMembers.teamId, teamId), eq(mockMembers.channelId, channelId)))
      .orderBy(asc(mockMembers.joinedAt), asc(mockMembers.userId))
      .all();
  }

  async setWeekly(
    teamId: string,
    channelId: string,
    weekly: { day: number; minuteOfDay: number; timezone: string } | null,
    userId: string,
    now: Date,
  ): Promise<MockPool> {
    const at = now.toISOString();
    return this.store.write(() => {
      ensurePool(this.db, teamId, channelId, userId, now);
      return this.db
        .update(mockPools)
        .set(
          weekly
            ? { weekly: true, ...weekly, notBefore: at, createdBy: userId, updatedAt: at }
            : { weekly: false, updatedAt: at },
        )
        .where(and(eq(mockPools.teamId, teamId), eq(mockPools.channelId, channelId)))
        .returning()
        .get();
    });
  }

  async weeklyPools(): Promise<MockPool[]> {
    return this.db.select().from(mockPools).where(eq(mockPools.weekly, true)).all();
  }

  async skip(teamId: string, channelId: string, roundKey: string, userId: string, now: Date): Promise<boolean> {
    return (
      this.db
        .insert(mockSkips)
        .values({ teamId, channelId, roundKey, userId, createdAt: now.toISOString() })
        .onConflictDoNothing()
        .run().changes > 0
    );
  }

  async skipped(teamId: string, channelId: string, roundKey: string): Promise<string[]> {
    return this.db
      .select({ userId: mockSkips.userId })
      .from(mockSkips)
      .where(and(eq(mockSkips.teamId, teamId), eq(mockSkips.channelId, channelId), eq(mockSkips.roundKey, roundKey)))
      .all()
      .map((r) => r.userId);
  }

  async history(teamId: string, channelId: string, since: string): Promise<Mock[]> {
    return this.db
      .select()
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.channelId, channelId), gte(mocks.createdAt, since)))
      .orderBy(asc(mocks.createdAt), asc(mocks.id))
      .all();
  }

  async lastWeeklyRound(teamId: string, channelId: string): Promise<Mock[]> {
    const round = this.db
      .select({ id: mockRounds.id })
      .from(mockRounds)
      .where(and(eq(mockRounds.teamId, teamId), eq(mockRounds.channelId, channelId), eq(mockRounds.kind, 'weekly')))
      .orderBy(desc(mockRounds.roundAt), desc(mockRounds.id))
      .limit(1)
      .get();
    if (!round) return [];
    return this.db.select().from(mocks).where(eq(mocks.roundId, round.id)).orderBy(asc(mocks.id)).all();
  }

  async claimRound(claim: RoundClaim, now: Date) {
    const at = now.toISOString();
    const { teamId, channelId } = claim;
    return this.store.write(() => {
      // The unique round key is the claim: whoever inserts it pairs the round; everyone else gets nothing.
      const round = this.db
        .insert(mockRounds)
        .values({
          teamId,
          channelId,
          roundKey: claim.roundKey,
          kind: claim.kind,
          roundAt: claim.roundAt,
          createdAt: at,
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!round) return undefined;
      const stored = claim.mocks.map((m) =>
        this.db
          .insert(mocks)
          .values({
            ...m,
            teamId,
            channelId,
            roundId: round.id,
            status: 'planned',
            responded: [],
            createdAt: at,
            updatedAt: at,
          })
          .returning()
          .get(),
      );
      if (claim.kind === 'weekly')
        this.db
          .update(mockPools)
          .set({ lastRoundAt: claim.roundAt })
          .where(and(eq(mockPools.teamId, teamId), eq(mockPools.channelId, channelId)))
          .run();
      for (const u of claim.ignored ?? [])
        this.db
          .update(mockMembers)
          .set({ ignoredRounds: u.ignoredRounds, ...(u.pause ? { status: 'paused' as const } : {}), updatedAt: at })
          .where(
            and(
              eq(mockMembers.teamId, teamId),
              eq(mockMembers.channelId, channelId),
              eq(mockMembers.userId, u.userId),
              eq(mockMembers.status, 'active'),
            ),
          )
          .run();
      return { round, mocks: stored };
    });
  }

  async get(teamId: string, mockId: number): Promise<Mock | undefined> {
    return this.mock(teamId, mockId);
  }

  async unintroduced(since: string): Promise<Mock[]> {
    return this.db
      .select()
      .from(mocks)
      .where(
        and(
          eq(mocks.status, 'planned'),
          isNull(mocks.introReplyId),
          isNull(mocks.conversationId),
          gte(mocks.createdAt, since),
        ),
      )
      .orderBy(asc(mocks.id))
      .all();
  }

  async introduce(
    teamId: string,
    mockId: number,
    conversationId: string,
    content: (mock: Mock) => MessageContent,
    now: Date,
  ): Promise<number | undefined> {
    return this.store.attempt(() => {
      const mock = this.mock(teamId, mockId);
      if (!mock || mock.introReplyId !== null) decline();
      const opened = { ...mock, conversationId };
      const reply = insertReply(
        this.db,
        { teamId, channelId: conversationId, threadTs: null, purpose: 'notice' },
        content(opened),
        now,
      );
      this.db
        .update(mocks)
        .set({ conversationId, introReplyId: reply.id, updatedAt: now.toISOString() })
        .where(eq(mocks.id, mockId))
        .run();
      return reply.id;
    });
  }

  async update(teamId: string, mockId: number, plan: MockPlan, now: Date) {
    return this.store.attempt(() => {
      const mock = this.mock(teamId, mockId);
      if (!mock) decline();
      const decision = plan(mock);
      if (!decision) decline();
      const by = decision.respondedBy;
      const responded = by && !mock.responded.includes(by) ? [...mock.responded, by] : mock.responded;
      const after = this.db
        .update(mocks)
        .set({ ...decision.change, responded, updatedAt: now.toISOString() })
        .where(eq(mocks.id, mockId))
        .returning()
        .get();
      let replyId: number | undefined;
      if (decision.intro && after.introReplyId !== null) {
        reviseReply(this.db, after.introReplyId, decision.intro(after), now);
        replyId = after.introReplyId;
      }
      return { mock: after, replyId };
    });
  }

  async openSince(since: string): Promise<Mock[]> {
    return this.db
      .select()
      .from(mocks)
      .where(and(eq(mocks.status, 'planned'), gte(mocks.createdAt, since), isNotNull(mocks.conversationId)))
      .orderBy(asc(mocks.id))
      .all();
  }

  async noticeSent(teamId: string, key: string): Promise<boolean> {
    return (
      this.db
        .select({ key: mockNotices.key })
        .from(mockNotices)
        .where(and(eq(mockNotices.teamId, teamId), eq(mockNotices.key, key)))
        .get() !== undefined
    );
  }

  async claimNotice(notice: MockNotice, content: MessageContent, now: Date): Promise<number | undefined> {
    return this.store.write(() => {
      const claimed = this.db
        .insert(mockNotices)
        .values({
          teamId: notice.teamId,
          key: notice.key,
          userId: notice.userId ?? null,
          mockId: notice.mockId ?? null,
          createdAt: now.toISOString(),
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!claimed) return undefined;
      const reply = insertReply(
        this.db,
        {
          teamId: notice.teamId,
          channelId: notice.channelId,
          threadTs: notice.threadTs ?? null,
          purpose: 'notice',
          ...(notice.ephemeralTo ? { delivery: 'ephemeral' as const, target: notice.ephemeralTo } : {}),
        },
        content,
        now,
      );
      this.db
        .update(mockNotices)
        .set({ replyId: reply.id })
        .where(and(eq(mockNotices.teamId, notice.teamId), eq(mockNotices.key, notice.key)))
        .run();
      return reply.id;
    });
  }

  async submitScorecard(
    teamId: string,
    mockId: number,
    card: Scorecard,
    dm: {
      channelId: string;
      render: (mock: Mock, card: MockScorecard, answer: MockAnswer | undefined) => MessageContent;
    },
    now: Date,
  ) {
    const at = now.toISOString();
    return this.store.attempt(() => {
      const mock = this.mock(teamId, mockId);
      if (!mock) decline();
      const stored = this.db
        .insert(mockScorecards)
        .values({
          teamId,
          mockId,
          interviewerId: mock.interviewerId,
          candidateId: mock.candidateId,
          ...card,
          createdAt: at,
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!stored) return 'exists' as const;
      const answer = this.db.select().from(mockAnswers).where(eq(mockAnswers.mockId, mockId)).get();
      const reply = insertReply(
        this.db,
        { teamId, channelId: dm.channelId, threadTs: null, purpose: 'notice' },
        dm.render(mock, stored, answer),
        now,
      );
      const responded = mock.responded.includes(mock.interviewerId)
        ? mock.responded
        : [...mock.responded, mock.interviewerId];
      this.db.update(mocks).set({ status: 'met', responded, updatedAt: at }).where(eq(mocks.id, mockId)).run();
      return { scorecard: stored, replyId: reply.id };
    });
  }

  async scorecard(teamId: string, mockId: number): Promise<MockScorecard | undefined> {
    return this.db
      .select()
      .from(mockScorecards)
      .where(and(eq(mockScorecards.teamId, teamId), eq(mockScorecards.mockId, mockId)))
      .get();
  }

  async saveAnswer(
    answer: Omit<MockAnswer, 'createdAt' | 'updatedAt'>,
    dm: { channelId: string; render: (card: MockScorecard | undefined) => MessageContent },
    now: Date,
  ): Promise<number | undefined> {
    const at = now.toISOString();
    return this.store.attempt(() => {
      if (!this.mock(answer.teamId, answer.mockId)) decline();
      const { mockId: _key, teamId: _team, ...changes } = answer;
      this.db
        .insert(mockAnswers)
        .values({ ...answer, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: mockAnswers.mockId, set: { ...changes, updatedAt: at } })
        .run();
      const card = this.db.select().from(mockScorecards).where(eq(mockScorecards.mockId, answer.mockId)).get();
      return insertReply(
        this.db,
        { teamId: answer.teamId, channelId: dm.channelId, threadTs: null, purpose: 'notice' },
        dm.render(card),
        now,
      ).id;
    });
  }

  async answer(teamId: string, mockId: number): Promise<MockAnswer | undefined> {
    return this.db
      .select()
      .from(mockAnswers)
      .where(and(eq(mockAnswers.teamId, teamId), eq(mockAnswers.mockId, mockId)))
      .get();
  }

  async mocksOf(teamId: string, userId: string, limit: number): Promise<MockWithScorecard[]> {
    const list = this.db
      .select()
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), inMock(userId)))
      .orderBy(desc(mocks.createdAt), desc(mocks.id))
      .limit(limit)
      .all();
    return withScorecards(this.db, list);
  }

  async questionsAskedOf(teamId: string, userId: string): Promise<string[]> {
    return this.db
      .selectDistinct({ id: mocks.questionId })
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.candidateId, userId)))
      .all()
      .map((r) => r.id);
  }

  async heldInChannel(teamId: string, channelId: string, since?: string): Promise<MockWithScorecard[]> {
    const met = this.db
      .select()
      .from(mocks)
      .where(
        and(
          eq(mocks.teamId, teamId),
          eq(mocks.channelId, channelId),
          eq(mocks.status, 'met'),
          since ? gte(mocks.updatedAt, since) : undefined,
        ),
      )
      .orderBy(asc(mocks.createdAt), asc(mocks.id))
      .all();
    // When it was held: the scorecard's time, or when someone said they met.
    return withScorecards(this.db, met).filter((m) => !since || (m.scorecard?.createdAt ?? m.updatedAt) >= since);
  }
}
