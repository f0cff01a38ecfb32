import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
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
import { decline, first, type PgDb, type PgStore } from './store.js';

/** Who a forgotten person becomes where a row must stay for someone else (the candidate's scorecard). */
const FORGOTTEN = 'forgotten';

async function ensurePool(db: PgDb, teamId: string, channelId: string, userId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insert(mockPools)
    .values({ teamId, channelId, notBefore: at, createdBy: userId, createdAt: at, updatedAt: at })
    .onConflictDoNothing();
}

async function withScorecards(db: PgDb, list: Mock[]): Promise<MockWithScorecard[]> {
  if (list.length === 0) return [];
  const cards = await db
    .select()
    .from(mockScorecards)
    .where(
      inArray(
        mockScorecards.mockId,
        list.map((m) => m.id),
      ),
    );
  return list.map((m) => ({ ...m, scorecard: cards.find((c) => c.mockId === m.id) ?? null }));
}

const inMock = (userId: string) =>
  or(eq(mocks.candidateId, userId), eq(mocks.interviewerId, userId), eq(mocks.observerId, userId));

const changed = async (rows: Promise<unknown[]>) => (await rows).length;

/** Everything about a person's mock interviews (export runs it inside its own read). */
export async function exportMocks(db: PgDb, teamId: string, userId: string): Promise<MockUserData> {
  const mine = await db
    .select()
    .from(mocks)
    .where(and(eq(mocks.teamId, teamId), inMock(userId)))
    .orderBy(asc(mocks.createdAt), asc(mocks.id));
  const ids = mine.map((m) => m.id);
  const cards = ids.length > 0 ? await db.select().from(mockScorecards).where(inArray(mockScorecards.mockId, ids)) : [];
  const answers = ids.length > 0 ? await db.select().from(mockAnswers).where(inArray(mockAnswers.mockId, ids)) : [];
  return {
    memberships: await db
      .select()
      .from(mockMembers)
      .where(and(eq(mockMembers.teamId, teamId), eq(mockMembers.userId, userId)))
      .orderBy(asc(mockMembers.joinedAt), asc(mockMembers.channelId)),
    skips: await db
      .select({ channelId: mockSkips.channelId, roundKey: mockSkips.roundKey, createdAt: mockSkips.createdAt })
      .from(mockSkips)
      .where(and(eq(mockSkips.teamId, teamId), eq(mockSkips.userId, userId)))
      .orderBy(asc(mockSkips.createdAt)),
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

/** Forgets a person's mock interviews inside the forget-me transaction (see the SQLite twin). */
export async function forgetMocks(db: PgDb, teamId: string, userId: string): Promise<number> {
  let count = 0;
  count += await changed(
    db
      .delete(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.candidateId, userId)))
      .returning({ id: mocks.id }),
  );
  count += await changed(
    db
      .update(mocks)
      .set({ interviewerId: FORGOTTEN })
      .where(and(eq(mocks.teamId, teamId), eq(mocks.interviewerId, userId)))
      .returning({ id: mocks.id }),
  );
  count += await changed(
    db
      .update(mocks)
      .set({ observerId: null })
      .where(and(eq(mocks.teamId, teamId), eq(mocks.observerId, userId)))
      .returning({ id: mocks.id }),
  );
  await db
    .update(mocks)
    .set({ noShowUserId: FORGOTTEN })
    .where(and(eq(mocks.teamId, teamId), eq(mocks.noShowUserId, userId)));
  // jsonb `?` asks whether the array holds the id; `-` takes it out.
  await db
    .update(mocks)
    .set({ responded: sql`${mocks.responded} - ${userId}::text` })
    .where(and(eq(mocks.teamId, teamId), sql`${mocks.responded} ? ${userId}`));
  await db
    .update(mockScorecards)
    .set({ interviewerId: FORGOTTEN })
    .where(and(eq(mockScorecards.teamId, teamId), eq(mockScorecards.interviewerId, userId)));
  count += await changed(
    db
      .delete(mockMembers)
      .where(and(eq(mockMembers.teamId, teamId), eq(mockMembers.userId, userId)))
      .returning({ id: mockMembers.userId }),
  );
  count += await changed(
    db
      .delete(mockSkips)
      .where(and(eq(mockSkips.teamId, teamId), eq(mockSkips.userId, userId)))
      .returning({ id: mockSkips.userId }),
  );
  count += await changed(
    db
      .delete(mockNotices)
      .where(and(eq(mockNotices.teamId, teamId), eq(mockNotices.userId, userId)))
      .returning({ key: mockNotices.key }),
  );
  await db
    .update(mockPools)
    .set({ createdBy: FORGOTTEN })
    .where(and(eq(mockPools.teamId, teamId), eq(mockPools.createdBy, userId)));
  return count;
}

function mockRow(db: PgDb, teamId: string, mockId: number): Promise<Mock | undefined> {
  return first(
    db
      .select()
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.id, mockId))),
  );
}

/** Pools, rounds, mocks, scorecards and notices: every write claimed or checked in one transaction. */
export class PgMocks implements MocksRepository {
  constructor(private readonly store: PgStore) {}

  private get db() {
    return this.store.db;
  }

  async pool(teamId: string, channelId: string): Promise<MockPool | undefined> {
    return first(
      this.db
        .select()
        .from(mockPools)
        .where(and(eq(mockPools.teamId, teamId), eq(mockPools.channelId, channelId))),
    );
  }

  async join(teamId: string, channelId: string, userId: string, now: Date): Promise<'joined' | 'resumed' | 'already'> {
    const at = now.toISOString();
    return this.store.write(async (tx) => {
      await ensurePool(tx, teamId, channelId, userId, now);
      const key = and(
        eq(mockMembers.teamId, teamId),
        eq(mockMembers.channelId, channelId),
        eq(mockMembers.userId, userId),
      );
      const row = await first(tx.select().from(mockMembers).where(key));
      if (!row) {
        await tx
          .insert(mockMembers)
          .values({ teamId, channelId, userId, status: 'active', joinedAt: at, updatedAt: at });
        return 'joined';
      }
      if (row.status === 'active') return 'already';
      await tx.update(mockMembers).set({ status: 'active', ignoredRounds: 0, updatedAt: at }).where(key);
      return 'resumed';
    });
  }

  async leave(teamId: string, channelId: string, userId: string, now: Date): Promise<boolean> {
    const left = await this.db
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
      .returning({ userId: mockMembers.userId });
    return left.length > 0;
  }

  async members(teamId: string, channelId: string): Promise<MockMember[]> {
    return this.db
      .select()
      .from(mockMembers)
      .where(and(eq(mockMembers.teamId, teamId), eq(mockMembers.channelId, channelId)))
      .orderBy(asc(mockMembers.joinedAt), asc(mockMembers.userId));
  }

  async setWeekly(
    teamId: string,
    channelId: string,
    weekly: { day: number; minuteOfDay: number; timezone: string } | null,
    userId: string,
    now: Date,
  ): Promise<MockPool> {
    const at = now.toISOString();
    return this.store.write(async (tx) => {
      await ensurePool(tx, teamId, channelId, userId, now);
      const [pool] = await tx
        .update(mockPools)
        .set(
          weekly
            ? { weekly: true, ...weekly, notBefore: at, createdBy: userId, updatedAt: at }
            : { weekly: false, updatedAt: at },
        )
        .where(and(eq(mockPools.teamId, teamId), eq(mockPools.channelId, channelId)))
        .returning();
      return pool;
    });
  }

  async weeklyPools(): Promise<MockPool[]> {
    return this.db.select().from(mockPools).where(eq(mockPools.weekly, true));
  }

  async skip(teamId: string, channelId: string, roundKey: string, userId: string, now: Date): Promise<boolean> {
    const added = await this.db
      .insert(mockSkips)
      .values({ teamId, channelId, roundKey, userId, createdAt: now.toISOString() })
      .onConflictDoNothing()
      .returning({ userId: mockSkips.userId });
    return added.length > 0;
  }

  async skipped(teamId: string, channelId: string, roundKey: string): Promise<string[]> {
    const rows = await this.db
      .select({ userId: mockSkips.userId })
      .from(mockSkips)
      .where(and(eq(mockSkips.teamId, teamId), eq(mockSkips.channelId, channelId), eq(mockSkips.roundKey, roundKey)))
      .orderBy(asc(mockSkips.createdAt));
    return rows.map((r) => r.userId);
  }

  async history(teamId: string, channelId: string, since: string): Promise<Mock[]> {
    return this.db
      .select()
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.channelId, channelId), gte(mocks.createdAt, since)))
      .orderBy(asc(mocks.createdAt), asc(mocks.id));
  }

  async lastWeeklyRound(teamId: string, channelId: string): Promise<Mock[]> {
    const round = await first(
      this.db
        .select({ id: mockRounds.id })
        .from(mockRounds)
        .where(and(eq(mockRounds.teamId, teamId), eq(mockRounds.channelId, channelId), eq(mockRounds.kind, 'weekly')))
        .orderBy(desc(mockRounds.roundAt), desc(mockRounds.id))
        .limit(1),
    );
    if (!round) return [];
    return this.db.select().from(mocks).where(eq(mocks.roundId, round.id)).orderBy(asc(mocks.id));
  }

  async claimRound(claim: RoundClaim, now: Date) {
    const at = now.toISOString();
    const { teamId, channelId } = claim;
    return this.store.write(async (tx) => {
      // The unique round key is the claim: whoever inserts it pairs the round; everyone else gets nothing.
      const round = await first(
        tx
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
          .returning(),
      );
      if (!round) return undefined;
      const stored: Mock[] = [];
      for (const m of claim.mocks) {
        const [row] = await tx
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
          .returning();
        stored.push(row);
      }
      if (claim.kind === 'weekly')
        await tx
          .update(mockPools)
          .set({ lastRoundAt: claim.roundAt })
          .where(and(eq(mockPools.teamId, teamId), eq(mockPools.channelId, channelId)));
      for (const u of claim.ignored ?? [])
        await tx
          .update(mockMembers)
          .set({ ignoredRounds: u.ignoredRounds, ...(u.pause ? { status: 'paused' as const } : {}), updatedAt: at })
          .where(
            and(
              eq(mockMembers.teamId, teamId),
              eq(mockMembers.channelId, channelId),
              eq(mockMembers.userId, u.userId),
              eq(mockMembers.status, 'active'),
            ),
          );
      return { round, mocks: stored };
    });
  }

  async get(teamId: string, mockId: number): Promise<Mock | undefined> {
    return mockRow(this.db, teamId, mockId);
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
      .orderBy(asc(mocks.id));
  }

  async introduce(
    teamId: string,
    mockId: number,
    conversationId: string,
    content: (mock: Mock) => MessageContent,
    now: Date,
  ): Promise<number | undefined> {
    return this.store.attempt(async (tx) => {
      const mock = await mockRow(tx, teamId, mockId);
      if (!mock || mock.introReplyId !== null) decline();
      const opened = { ...mock, conversationId };
      const reply = await insertReply(
        tx,
        { teamId, channelId: conversationId, threadTs: null, purpose: 'notice' },
        content(opened),
        now,
      );
      await tx
        .update(mocks)
        .set({ conversationId, introReplyId: reply.id, updatedAt: now.toISOString() })
        .where(eq(mocks.id, mockId));
      return reply.id;
    });
  }

  async update(teamId: string, mockId: number, plan: MockPlan, now: Date) {
    return this.store.attempt(async (tx) => {
      const mock = await mockRow(tx, teamId, mockId);
      if (!mock) decline();
      const decision = plan(mock);
      if (!decision) decline();
      const by = decision.respondedBy;
      const responded = by && !mock.responded.includes(by) ? [...mock.responded, by] : mock.responded;
      const [after] = await tx
        .update(mocks)
        .set({ ...decision.change, responded, updatedAt: now.toISOString() })
        .where(eq(mocks.id, mockId))
        .returning();
      let replyId: number | undefined;
      if (decision.intro && after.introReplyId !== null) {
        await reviseReply(tx, after.introReplyId, decision.intro(after), now);
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
      .orderBy(asc(mocks.id));
  }

  async noticeSent(teamId: string, key: string): Promise<boolean> {
    const row = await first(
      this.db
        .select({ key: mockNotices.key })
        .from(mockNotices)
        .where(and(eq(mockNotices.teamId, teamId), eq(mockNotices.key, key))),
    );
    return row !== undefined;
  }

  async claimNotice(notice: MockNotice, content: MessageContent, now: Date): Promise<number | undefined> {
    return this.store.write(async (tx) => {
      const claimed = await first(
        tx
          .insert(mockNotices)
          .values({
            teamId: notice.teamId,
            key: notice.key,
            userId: notice.userId ?? null,
            mockId: notice.mockId ?? null,
            createdAt: now.toISOString(),
          })
          .onConflictDoNothing()
          .returning(),
      );
      if (!claimed) return undefined;
      const reply = await insertReply(
        tx,
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
      await tx
        .update(mockNotices)
        .set({ replyId: reply.id })
        .where(and(eq(mockNotices.teamId, notice.teamId), eq(mockNotices.key, notice.key)));
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
    return this.store.attempt(async (tx) => {
      const mock = await mockRow(tx, teamId, mockId);
      if (!mock) decline();
      const stored = await first(
        tx
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
          .returning(),
      );
      if (!stored) return 'exists' as const;
      const answer = await first(tx.select().from(mockAnswers).where(eq(mockAnswers.mockId, mockId)));
      const reply = await insertReply(
        tx,
        { teamId, channelId: dm.channelId, threadTs: null, purpose: 'notice' },
        dm.render(mock, stored, answer),
        now,
      );
      const responded = mock.responded.includes(mock.interviewerId)
        ? mock.responded
        : [...mock.responded, mock.interviewerId];
      await tx.update(mocks).set({ status: 'met', responded, updatedAt: at }).where(eq(mocks.id, mockId));
      return { scorecard: stored, replyId: reply.id };
    });
  }

  async scorecard(teamId: string, mockId: number): Promise<MockScorecard | undefined> {
    return first(
      this.db
        .select()
        .from(mockScorecards)
        .where(and(eq(mockScorecards.teamId, teamId), eq(mockScorecards.mockId, mockId))),
    );
  }

  async saveAnswer(
    answer: Omit<MockAnswer, 'createdAt' | 'updatedAt'>,
    dm: { channelId: string; render: (card: MockScorecard | undefined) => MessageContent },
    now: Date,
  ): Promise<number | undefined> {
    const at = now.toISOString();
    return this.store.attempt(async (tx) => {
      if (!(await mockRow(tx, answer.teamId, answer.mockId))) decline();
      const { mockId: _key, teamId: _team, ...changes } = answer;
      await tx
        .insert(mockAnswers)
        .values({ ...answer, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: mockAnswers.mockId, set: { ...changes, updatedAt: at } });
      const card = await first(tx.select().from(mockScorecards).where(eq(mockScorecards.mockId, answer.mockId)));
      const reply = await insertReply(
        tx,
        { teamId: answer.teamId, channelId: dm.channelId, threadTs: null, purpose: 'notice' },
        dm.render(card),
        now,
      );
      return reply.id;
    });
  }

  async answer(teamId: string, mockId: number): Promise<MockAnswer | undefined> {
    return first(
      this.db
        .select()
        .from(mockAnswers)
        .where(and(eq(mockAnswers.teamId, teamId), eq(mockAnswers.mockId, mockId))),
    );
  }

  async mocksOf(teamId: string, userId: string, limit: number): Promise<MockWithScorecard[]> {
    const list = await this.db
      .select()
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), inMock(userId)))
      .orderBy(desc(mocks.createdAt), desc(mocks.id))
      .limit(limit);
    return withScorecards(this.db, list);
  }

  async questionsAskedOf(teamId: string, userId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ id: mocks.questionId })
      .from(mocks)
      .where(and(eq(mocks.teamId, teamId), eq(mocks.candidateId, userId)));
    return rows.map((r) => r.id);
  }

  async heldInChannel(teamId: string, channelId: string, since?: string): Promise<MockWithScorecard[]> {
    const met = await this.db
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
      .orderBy(asc(mocks.createdAt), asc(mocks.id));
    // When it was held: the scorecard's time, or when someone said they met.
    return (await withScorecards(this.db, met)).filter(
      (m) => !since || (m.scorecard?.createdAt ?? m.updatedAt) >= since,
    );
  }
}
