import { and, count, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { MessageContent, PracticeSession } from '../../core/domain.js';
import type { NewSession, SessionsRepository } from '../ports.js';
import type { Db } from './open.js';
import { insertReply } from './replies.js';
import { practiceSessions } from './schema.js';
import type { SqliteStore } from './store.js';

export function insertSession(
  db: Db,
  values: NewSession & { mode?: 'dm' | 'channel'; promptId?: number; questionTs?: string },
  now: Date,
): PracticeSession {
  const at = now.toISOString();
  return db
    .insert(practiceSessions)
    .values({ ...values, state: 'asked', probeIndex: -1, createdAt: at, updatedAt: at })
    .returning()
    .get();
}

export function sessionByThread(
  db: Db,
  teamId: string,
  channelId: string,
  threadTs: string,
  userId: string,
): PracticeSession | undefined {
  return db
    .select()
    .from(practiceSessions)
    .where(
      and(
        eq(practiceSessions.teamId, teamId),
        eq(practiceSessions.channelId, channelId),
        eq(practiceSessions.questionTs, threadTs),
        eq(practiceSessions.userId, userId),
      ),
    )
    .get();
}

export class SqliteSessions implements SessionsRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, id: number): Promise<PracticeSession | undefined> {
    return this.store.db
      .select()
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.id, id)))
      .get();
  }

  async findByThread(
    teamId: string,
    channelId: string,
    threadTs: string,
    userId: string,
  ): Promise<PracticeSession | undefined> {
    return sessionByThread(this.store.db, teamId, channelId, threadTs, userId);
  }

  async latestOpenInDm(teamId: string, channelId: string, userId: string): Promise<PracticeSession | undefined> {
    return this.store.db
      .select()
      .from(practiceSessions)
      .where(
        and(
          eq(practiceSessions.teamId, teamId),
          eq(practiceSessions.userId, userId),
          eq(practiceSessions.channelId, channelId),
          eq(practiceSessions.mode, 'dm'),
          ne(practiceSessions.state, 'done'),
          isNotNull(practiceSessions.questionTs),
        ),
      )
      .orderBy(desc(practiceSessions.id))
      .get();
  }

  async countForUser(teamId: string, userId: string): Promise<number> {
    const row = this.store.db
      .select({ n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .get();
    return row?.n ?? 0;
  }

  async scenarioCounts(teamId: string, userId: string): Promise<Map<string, number>> {
    const rows = this.store.db
      .select({ scenarioId: practiceSessions.scenarioId, n: count() })
      .from(practiceSessions)
      .where(and(eq(practiceSessions.teamId, teamId), eq(practiceSessions.userId, userId)))
      .groupBy(practiceSessions.scenarioId)
      .all();
    return new Map(rows.map((r) => [r.scenarioId, r.n]));
  }

  async startDm(
    values: NewSession,
    question: (sessionId: number) => MessageContent,
    now: Date,
  ): Promise<{ session: PracticeSession; replyId: number }> {
    return this.store.write(() => {
      const session = insertSession(this.store.db, values, now);
      const reply = insertReply(
        this.store.db,
        {
          teamId: values.teamId,
          channelId: values.channelId,
          threadTs: null,
          purpose: 'question',
          sessionId: session.id,
        },
        question(session.id),
        now,
      );
      return { session, replyId: reply.id };
    });
  }
}
